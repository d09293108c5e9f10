import Foundation

/// A small versioned document store that holds the state of the MEC APIs.
///
/// ## Document model
///
/// MEC resources are JSON documents. Each one lives in a *collection* (`services`, `subscriptions`,
/// `trafficRules`, ...) under an *id* that is unique within that collection. The store keeps the body as opaque
/// JSON bytes and never looks inside it; what callers want to search by is given separately as ``IndexEntry``
/// key/value pairs, and ``DocumentFilter`` selects documents by those pairs. Documents list in the order they were
/// created.
///
/// Every document has a ``StoredDocument/version`` that starts at 1 and grows by 1 with every write. It is what
/// ETags are made of: pass the version a client saw as `ifVersion` and the write fails with
/// ``StoreError/Code/versionMismatch`` if someone else wrote in between (HTTP If-Match and 412).
///
/// Feature code talks to this protocol only and never writes SQL, so a backend can be swapped without touching it.
///
/// ## Durability
///
/// When a write method returns without throwing, the change is on stable storage and survives a crash or power
/// loss of the host; the HTTP layer answers 2xx only after that. A method that throws has changed nothing.
/// ``transaction(_:)`` applies all of its operations or none of them.
///
/// ## Errors
///
/// Methods throw ``StoreError``; after ``close()`` every method throws ``StoreError/Code/closed``.
public protocol Store: Sendable {
    /// Returns the document with `id` in `collection`, or `nil` when there is none.
    func get(_ collection: String, id: String) async throws -> StoredDocument?

    /// Returns the documents of `collection` that match `filter`, oldest first, at most `limit` of them.
    func list(_ collection: String, matching filter: DocumentFilter, limit: Int?) async throws -> [StoredDocument]

    /// Returns how many documents of `collection` match `filter`.
    func count(_ collection: String, matching filter: DocumentFilter) async throws -> Int

    /// Inserts a new document with version 1.
    ///
    /// - Throws: ``StoreError`` with code ``StoreError/Code/conflict`` when the id exists in the collection.
    func insert(_ document: NewDocument) async throws -> StoredDocument

    /// Replaces the body and index entries of an existing document and increments its version.
    ///
    /// - Parameter ifVersion: when given, the write happens only if the document has this version.
    /// - Throws: ``StoreError`` with code ``StoreError/Code/notFound`` or ``StoreError/Code/versionMismatch``.
    func update(
        _ collection: String,
        id: String,
        body: Data,
        indexes: [IndexEntry],
        ifVersion: Int64?
    ) async throws -> StoredDocument

    /// Inserts the document, or replaces it (keeping its creation time and order) without a version check.
    func upsert(_ document: NewDocument) async throws -> StoredDocument

    /// Deletes a document and its index entries.
    ///
    /// - Parameter ifVersion: when given, the delete happens only if the document has this version.
    /// - Returns: whether a document was deleted.
    /// - Throws: ``StoreError`` with code ``StoreError/Code/versionMismatch`` when the document exists with another
    ///   version.
    func delete(_ collection: String, id: String, ifVersion: Int64?) async throws -> Bool

    /// Deletes every document of `collection` that matches `filter` and returns how many there were.
    func deleteAll(_ collection: String, matching filter: DocumentFilter) async throws -> Int

    /// Applies the operations in order, all or nothing.
    ///
    /// ```swift
    /// try await store.transaction([
    ///     .delete(collection: "pendingNotifications", id: id, ifVersion: pending.version),
    ///     .insert(NewDocument(collection: "deliveredNotifications", id: id, body: pending.body)),
    /// ])
    /// ```
    /// - Throws: the error of the first operation that fails; none of the operations is then applied.
    func transaction(_ operations: [StoreOperation]) async throws

    /// Returns a host-wide value, such as the host instance id, or `nil` when it was never set.
    func meta(_ key: String) async throws -> String?

    /// Sets a host-wide value, replacing any previous one.
    func setMeta(_ key: String, _ value: String) async throws

    /// Waits for running operations, then releases the backend. Calling it again does nothing.
    func close() async
}
