/// An application's confirmation that it is up and running (`AppReadyConfirmation`, clause 7.1.4.4).
public struct AppReadyConfirmation: Codable, Sendable, Equatable {
    /// The value `indication` shall have.
    public static let readyIndication = "READY"

    /// Shall be `READY`.
    public var indication: String

    /// Creates a confirmation.
    public init(indication: String = Self.readyIndication) {
        self.indication = indication
    }
}
