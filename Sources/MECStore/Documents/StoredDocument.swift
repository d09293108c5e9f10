import Foundation

/// A document as the store holds it, with its version and timestamps.
///
/// The version starts at 1 and grows by 1 with every write; it is the basis of the resource's ETag.
public struct StoredDocument: Sendable, Hashable {
    /// The collection the document belongs to.
    public var collection: String
    /// The document identifier, unique within its collection.
    public var id: String
    /// The write count of the document: 1 after insert, then one more for every update.
    public var version: Int64
    /// The JSON bytes of the document.
    public var body: Data
    /// The key/value pairs the document can be found by, in the order they were written.
    public var indexes: [IndexEntry]
    /// When the document was first inserted, to the millisecond.
    public var createdAt: Date
    /// When the document was last written, to the millisecond.
    public var updatedAt: Date

    /// Creates a stored document; backends use this to return what they hold.
    public init(
        collection: String,
        id: String,
        version: Int64,
        body: Data,
        indexes: [IndexEntry],
        createdAt: Date,
        updatedAt: Date
    ) {
        self.collection = collection
        self.id = id
        self.version = version
        self.body = body
        self.indexes = indexes
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The values of every index entry with `key`, in the order they were written.
    public func indexValues(for key: String) -> [String] {
        indexes.filter { $0.key == key }.map(\.value)
    }
}
