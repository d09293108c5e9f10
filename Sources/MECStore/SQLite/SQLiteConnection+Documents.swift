import Foundation

/// The document operations in SQL, run on a connection by ``SQLiteStore``. Write operations expect to run inside
/// ``SQLiteConnection/writeTransaction(_:)``; read operations inside ``SQLiteConnection/readTransaction(_:)``.
extension SQLiteConnection {
    /// What the store needs to know about an existing document before writing it.
    private struct Header {
        var version: Int64
        var createdAt: Int64
    }

    private static let selectColumns = "SELECT id, version, body, created_at, updated_at FROM documents"

    // MARK: Reads

    func fetchDocument(_ collection: String, id: String) throws -> StoredDocument? {
        let sql = "\(Self.selectColumns) WHERE collection = ? AND id = ?"
        let documents = try query(sql, [.text(collection), .text(id)]) { try document(collection, row: $0) }
        return documents.first
    }

    func fetchDocuments(_ collection: String, matching filter: DocumentFilter, limit: Int?) throws -> [StoredDocument] {
        guard !filter.matchesNothing, limit != 0 else { return [] }
        let (condition, values) = Self.condition(collection, filter)
        // With index conditions, `+seq` keeps the planner from walking the whole collection in `seq` order to avoid
        // a sort; it looks the few matching ids up by primary key and sorts those instead.
        let order = filter.conditions.isEmpty ? "seq" : "+seq"
        let sql = "\(Self.selectColumns) WHERE \(condition) ORDER BY \(order) LIMIT ?"
        let bound = values + [.integer(limit.map(Int64.init) ?? -1)]
        return try query(sql, bound) { try document(collection, row: $0) }
    }

    func countDocuments(_ collection: String, matching filter: DocumentFilter) throws -> Int {
        guard !filter.matchesNothing else { return 0 }
        let (condition, values) = Self.condition(collection, filter)
        let counts = try query("SELECT count(*) FROM documents WHERE \(condition)", values) { $0.int64(0) }
        return Int(counts.first ?? 0)
    }

    func readMeta(_ key: String) throws -> String? {
        try query("SELECT value FROM meta WHERE key = ?", [.text(key)]) { $0.text(0) }.first
    }

    // MARK: Writes

    func insertDocument(_ new: NewDocument, now: Int64) throws -> StoredDocument {
        guard try header(new.collection, id: new.id) == nil else {
            throw StoreError(.conflict, "document already exists")
        }
        let seqs = try query(
            "SELECT IFNULL(MAX(seq), 0) + 1 FROM documents WHERE collection = ?",
            [.text(new.collection)]
        ) { $0.int64(0) }
        try run(
            """
            INSERT INTO documents (collection, id, version, body, seq, created_at, updated_at)
            VALUES (?, ?, 1, ?, ?, ?, ?)
            """,
            [
                .text(new.collection), .text(new.id), .blob(new.body), .integer(seqs.first ?? 1), .integer(now),
                .integer(now),
            ]
        )
        try insertIndexes(new.collection, id: new.id, new.indexes)
        return Self.stored(new, version: 1, createdAt: now, updatedAt: now)
    }

    func updateDocument(_ new: NewDocument, ifVersion: Int64?, now: Int64) throws -> StoredDocument {
        guard let existing = try header(new.collection, id: new.id) else {
            throw StoreError(.notFound, "document does not exist")
        }
        if let ifVersion, ifVersion != existing.version {
            throw StoreError(.versionMismatch, "document version differs from the expected one")
        }
        let version = existing.version + 1
        try run(
            "UPDATE documents SET version = ?, body = ?, updated_at = ? WHERE collection = ? AND id = ?",
            [.integer(version), .blob(new.body), .integer(now), .text(new.collection), .text(new.id)]
        )
        try run("DELETE FROM document_indexes WHERE collection = ? AND id = ?", [.text(new.collection), .text(new.id)])
        try insertIndexes(new.collection, id: new.id, new.indexes)
        return Self.stored(new, version: version, createdAt: existing.createdAt, updatedAt: now)
    }

    func upsertDocument(_ new: NewDocument, now: Int64) throws -> StoredDocument {
        if try header(new.collection, id: new.id) == nil {
            return try insertDocument(new, now: now)
        }
        return try updateDocument(new, ifVersion: nil, now: now)
    }

    /// Deletes one document; its index entries go with it through the foreign key's cascade.
    func deleteDocument(_ collection: String, id: String, ifVersion: Int64?) throws -> Bool {
        guard let existing = try header(collection, id: id) else { return false }
        if let ifVersion, ifVersion != existing.version {
            throw StoreError(.versionMismatch, "document version differs from the expected one")
        }
        return try run("DELETE FROM documents WHERE collection = ? AND id = ?", [.text(collection), .text(id)]) > 0
    }

    func deleteDocuments(_ collection: String, matching filter: DocumentFilter) throws -> Int {
        guard !filter.matchesNothing else { return 0 }
        let (condition, values) = Self.condition(collection, filter)
        return try run("DELETE FROM documents WHERE \(condition)", values)
    }

    func apply(_ operation: StoreOperation, now: Int64) throws {
        switch operation {
        case .insert(let new):
            try Self.validate(new.collection, new.id)
            _ = try insertDocument(new, now: now)
        case .update(let collection, let id, let body, let indexes, let ifVersion):
            try Self.validate(collection, id)
            let new = NewDocument(collection: collection, id: id, body: body, indexes: indexes)
            _ = try updateDocument(new, ifVersion: ifVersion, now: now)
        case .upsert(let new):
            try Self.validate(new.collection, new.id)
            _ = try upsertDocument(new, now: now)
        case .delete(let collection, let id, let ifVersion):
            try Self.validate(collection, id)
            guard try deleteDocument(collection, id: id, ifVersion: ifVersion) else {
                throw StoreError(.notFound, "document does not exist")
            }
        }
    }

    func writeMeta(_ key: String, _ value: String) throws {
        try run(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [.text(key), .text(value)]
        )
    }

    // MARK: Helpers

    /// Rejects empty collection names and ids before any SQL runs.
    static func validate(_ collection: String, _ id: String? = nil) throws {
        guard !collection.isEmpty else { throw StoreError(.invalidArgument, "collection name is empty") }
        if let id, id.isEmpty { throw StoreError(.invalidArgument, "document id is empty") }
    }

    /// Milliseconds since 1970, the resolution timestamps are stored with.
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// The WHERE condition selecting documents of `collection` that match `filter`, and its parameter values.
    ///
    /// Each filter condition becomes an uncorrelated `id IN (...)` subquery, answered from the
    /// `(collection, key, value)` index.
    private static func condition(_ collection: String, _ filter: DocumentFilter) -> (String, [SQLiteValue]) {
        var sql = "collection = ?"
        var values: [SQLiteValue] = [.text(collection)]
        for condition in filter.conditions {
            let placeholders = Array(repeating: "?", count: condition.values.count).joined(separator: ", ")
            sql += " AND id IN (SELECT id FROM document_indexes WHERE collection = ? AND key = ? AND value IN ("
            sql += placeholders + "))"
            values.append(.text(collection))
            values.append(.text(condition.key))
            values.append(contentsOf: condition.values.map { .text($0) })
        }
        return (sql, values)
    }

    private func header(_ collection: String, id: String) throws -> Header? {
        try query(
            "SELECT version, created_at FROM documents WHERE collection = ? AND id = ?",
            [.text(collection), .text(id)]
        ) { Header(version: $0.int64(0), createdAt: $0.int64(1)) }.first
    }

    private func insertIndexes(_ collection: String, id: String, _ indexes: [IndexEntry]) throws {
        for entry in indexes {
            try run(
                "INSERT INTO document_indexes (collection, id, key, value) VALUES (?, ?, ?, ?)",
                [.text(collection), .text(id), .text(entry.key), .text(entry.value)]
            )
        }
    }

    private func indexes(_ collection: String, id: String) throws -> [IndexEntry] {
        try query(
            "SELECT key, value FROM document_indexes WHERE collection = ? AND id = ? ORDER BY rowid",
            [.text(collection), .text(id)]
        ) { IndexEntry(key: $0.text(0), value: $0.text(1)) }
    }

    /// Maps a row of ``selectColumns`` to a document, reading its index entries with a second statement.
    private func document(_ collection: String, row: SQLiteStatement) throws -> StoredDocument {
        let id = row.text(0)
        return StoredDocument(
            collection: collection,
            id: id,
            version: row.int64(1),
            body: row.data(2),
            indexes: try indexes(collection, id: id),
            createdAt: Self.date(milliseconds: row.int64(3)),
            updatedAt: Self.date(milliseconds: row.int64(4))
        )
    }

    private static func stored(_ new: NewDocument, version: Int64, createdAt: Int64, updatedAt: Int64)
        -> StoredDocument
    {
        StoredDocument(
            collection: new.collection,
            id: new.id,
            version: version,
            body: new.body,
            indexes: new.indexes,
            createdAt: date(milliseconds: createdAt),
            updatedAt: date(milliseconds: updatedAt)
        )
    }
}
