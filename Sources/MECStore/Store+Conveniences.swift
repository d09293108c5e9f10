import Foundation

extension Store {
    /// Returns the documents of `collection`, oldest first, at most `limit` of them.
    public func list(_ collection: String, limit: Int? = nil) async throws -> [StoredDocument] {
        try await list(collection, matching: .all, limit: limit)
    }

    /// Returns every document of `collection` that matches `filter`, oldest first.
    public func list(_ collection: String, matching filter: DocumentFilter) async throws -> [StoredDocument] {
        try await list(collection, matching: filter, limit: nil)
    }

    /// Returns how many documents `collection` holds.
    public func count(_ collection: String) async throws -> Int {
        try await count(collection, matching: .all)
    }

    /// Replaces the body and index entries of an existing document without a version check.
    public func update(_ collection: String, id: String, body: Data, indexes: [IndexEntry]) async throws
        -> StoredDocument
    {
        try await update(collection, id: id, body: body, indexes: indexes, ifVersion: nil)
    }

    /// Deletes a document without a version check and returns whether it existed.
    public func delete(_ collection: String, id: String) async throws -> Bool {
        try await delete(collection, id: id, ifVersion: nil)
    }

    /// Deletes every document of `collection` and returns how many there were.
    public func deleteAll(_ collection: String) async throws -> Int {
        try await deleteAll(collection, matching: .all)
    }

    /// Encodes `value` with ``DocumentCoding`` and inserts it.
    public func insert(
        collection: String,
        id: String,
        value: some Encodable,
        indexes: [IndexEntry] = []
    ) async throws -> StoredDocument {
        try await insert(NewDocument(collection: collection, id: id, value: value, indexes: indexes))
    }

    /// Encodes `value` with ``DocumentCoding`` and replaces the document with it.
    public func update(
        collection: String,
        id: String,
        value: some Encodable,
        indexes: [IndexEntry] = [],
        ifVersion: Int64? = nil
    ) async throws -> StoredDocument {
        try await update(collection, id: id, body: DocumentCoding.encode(value), indexes: indexes, ifVersion: ifVersion)
    }

    /// Encodes `value` with ``DocumentCoding`` and inserts or replaces the document with it.
    public func upsert(
        collection: String,
        id: String,
        value: some Encodable,
        indexes: [IndexEntry] = []
    ) async throws -> StoredDocument {
        try await upsert(NewDocument(collection: collection, id: id, value: value, indexes: indexes))
    }

    /// Returns the document with `id` decoded as `type`, or `nil` when there is none.
    public func get<T: Decodable>(_ type: T.Type, from collection: String, id: String) async throws -> T? {
        try await get(collection, id: id)?.decode(type)
    }
}
