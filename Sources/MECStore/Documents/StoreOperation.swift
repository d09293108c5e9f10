import Foundation

/// One write inside ``Store/transaction(_:)``; each case behaves like the store method of the same name.
public enum StoreOperation: Sendable, Hashable {
    /// Inserts a document; fails the transaction with ``StoreError/Code/conflict`` when the id exists.
    case insert(NewDocument)
    /// Replaces the body and indexes of an existing document; fails the transaction with
    /// ``StoreError/Code/notFound`` or ``StoreError/Code/versionMismatch``.
    case update(collection: String, id: String, body: Data, indexes: [IndexEntry], ifVersion: Int64?)
    /// Inserts a document or replaces an existing one without a version check.
    case upsert(NewDocument)
    /// Deletes a document. Unlike ``Store/delete(_:id:ifVersion:)``, a missing document fails the transaction with
    /// ``StoreError/Code/notFound``, so that moving a document between collections cannot happen twice.
    case delete(collection: String, id: String, ifVersion: Int64?)
}
