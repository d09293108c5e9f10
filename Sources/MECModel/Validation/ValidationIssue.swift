/// One field of a request body that breaks a rule of the specification.
public struct ValidationIssue: Sendable, Equatable, CustomStringConvertible {
    /// A stable, machine-readable kind of problem, safe to use as a metric label.
    public enum Code: String, Sendable, Equatable {
        /// A member the rules require is absent.
        case missing
        /// A member that shall be absent in this context is present.
        case notAllowed
        /// A string is empty or only white space.
        case empty
        /// A value is not one the specification allows.
        case invalidValue
        /// A number lies outside its permitted range.
        case outOfRange
        /// An array has fewer items than `minItems` or than the rules require.
        case tooFewItems
        /// An array has more items than the rules allow.
        case tooManyItems
        /// Members that exclude each other are present together, or none of a required set is.
        case conflict
        /// A string is not an absolute URI of the required scheme.
        case invalidURI
        /// A string is not an IP address, prefix, range, port or host name of the required form.
        case invalidAddress
        /// A member has the wrong JSON type or is `null`.
        case wrongType
        /// The body is not valid JSON.
        case malformed
    }

    /// The path of the field, such as `transportInfo.endpoint` or `trafficFilter[0].srcPort[1]`.
    public var field: String
    /// The kind of problem.
    public var code: Code
    /// What is wrong, in words safe to return to the client.
    public var message: String

    /// Creates an issue for `field`.
    public init(field: String, code: Code, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }

    /// The field path followed by the message.
    public var description: String {
        "\(field): \(message)"
    }
}
