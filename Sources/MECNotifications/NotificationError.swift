import MECHTTP

/// A failure of the engine: an opaque code and a short reason that is safe to log and to show a subscriber.
public struct NotificationError: Error, Sendable, Hashable, CustomStringConvertible, HTTPResponseError {
    /// What went wrong.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String

        private init(_ name: String) {
            self.name = name
        }

        /// The subscription names no usable delivery: no websocket requested and no valid callback URI (HTTP 400).
        public static let invalidSubscription = Code("invalid_subscription")
        /// The engine is not running.
        public static let notRunning = Code("not_running")

        /// The code as a short snake_case word, usable as a metric label.
        public var description: String {
            name
        }
    }

    /// What went wrong.
    public let code: Code
    /// A short reason without data values.
    public let reason: String

    /// Creates an error.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    /// The code and reason.
    public var description: String {
        "\(code): \(reason)"
    }

    /// 400 for an unusable subscription, 503 while the engine is not running.
    public var httpError: HTTPError {
        code == .invalidSubscription
            ? .badRequest("The subscription needs a callbackReference or a websocket request.")
            : HTTPError(status: 503, detail: "Notifications are not available right now.")
    }
}
