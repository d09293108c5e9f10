/// An error body as defined by RFC 9457 (formerly RFC 7807) and used by every ETSI MEC API.
public struct ProblemDetails: Codable, Sendable, Equatable {
    /// A URI reference that identifies the problem type; `about:blank` when only the status matters.
    public var type: String?
    /// A short, human-readable summary of the problem type.
    public var title: String?
    /// The HTTP status code.
    public var status: Int?
    /// A human-readable explanation specific to this occurrence.
    public var detail: String?
    /// A URI that identifies this occurrence: the absolute URI of the request.
    public var instance: String?

    /// Creates a problem body.
    public init(
        type: String? = "about:blank",
        title: String? = nil,
        status: Int? = nil,
        detail: String? = nil,
        instance: String? = nil
    ) {
        self.type = type
        self.title = title
        self.status = status
        self.detail = detail
        self.instance = instance
    }
}
