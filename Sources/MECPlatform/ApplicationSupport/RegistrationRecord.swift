import Foundation
import MECModel

/// What the platform keeps about a registered application instance.
struct RegistrationRecord: Codable, Sendable {
    /// A termination the platform has announced and is waiting to have confirmed.
    struct Termination: Codable, Sendable {
        var operationAction: OperationActionType
        var deadline: Date
    }

    var appInfo: AppInfo
    var readyAt: Date?
    var termination: Termination?

    var appInstanceId: String { appInfo.appInstanceId ?? "" }
}
