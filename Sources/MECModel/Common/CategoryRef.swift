/// A reference to a service or application category in a catalogue (`CategoryRef`, clause 8.1.5.2).
public struct CategoryRef: Codable, Sendable, Equatable {
    /// The URI of the catalogue.
    public var href: String
    /// The unique identifier of the category.
    public var id: String
    /// The name of the category.
    public var name: String
    /// The version of the category.
    public var version: String

    /// Creates a category reference.
    public init(href: String, id: String, name: String, version: String) {
        self.href = href
        self.id = id
        self.name = name
        self.version = version
    }
}
