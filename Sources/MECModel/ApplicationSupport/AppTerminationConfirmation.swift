/// An application's confirmation that it is ready to be stopped or terminated (`AppTerminationConfirmation`,
/// clause 7.1.4.3).
public struct AppTerminationConfirmation: Codable, Sendable, Equatable {
    /// The operation; shall match the one in the corresponding `AppTerminationNotification`.
    public var operationAction: OperationActionType

    /// Creates a confirmation.
    public init(operationAction: OperationActionType) {
        self.operationAction = operationAction
    }
}
