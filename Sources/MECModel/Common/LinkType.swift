/// A hyperlink to a resource (`LinkType`, clause 6.3.2).
public struct LinkType: Codable, Sendable, Equatable {
    /// The URI of the resource.
    public var href: String

    /// Creates a link to `href`.
    public init(href: String) {
        self.href = href
    }
}
