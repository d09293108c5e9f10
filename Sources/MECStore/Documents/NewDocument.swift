import Foundation

/// A document to be written: where it goes, its JSON body and its index entries.
public struct NewDocument: Sendable, Hashable {
    /// The collection, such as `services` or `subscriptions`.
    public var collection: String
    /// The document identifier, unique within its collection.
    public var id: String
    /// The JSON bytes of the document.
    public var body: Data
    /// The key/value pairs the document can be found by.
    public var indexes: [IndexEntry]

    /// Creates a document from JSON bytes.
    public init(collection: String, id: String, body: Data, indexes: [IndexEntry] = []) {
        self.collection = collection
        self.id = id
        self.body = body
        self.indexes = indexes
    }

    /// Creates a document by encoding `value` with ``DocumentCoding``.
    ///
    /// - Throws: ``StoreError`` with code ``StoreError/Code/invalidArgument`` when `value` cannot be encoded.
    public init(collection: String, id: String, value: some Encodable, indexes: [IndexEntry] = []) throws {
        self.init(collection: collection, id: id, body: try DocumentCoding.encode(value), indexes: indexes)
    }
}
