import Foundation
import MECObservability
import Synchronization

/// A ``Store`` in one SQLite database file, for a single host.
///
/// One read-write connection serves all writes in order on its own serial queue; a few read-only connections serve
/// reads in parallel with it, which write-ahead logging allows. Every SQLite call runs on those queues, never on
/// Swift's cooperative thread pool. Each write is its own transaction, committed with `synchronous=FULL`, so it is on
/// disk when the call returns.
///
/// ```swift
/// let store = try SQLiteStore(path: "/var/lib/mec/state.db", logger: logger)
/// defer { Task { await store.close() } }
/// ```
public final class SQLiteStore: Store {
    /// The database file.
    public let path: String
    private let logger: Logger
    private let writer: SQLiteWorker
    private let readers: [SQLiteWorker]
    private let nextReader = Atomic<UInt>(0)
    private let closed = Atomic<Bool>(false)

    /// Opens (creating when missing) the database at `path` and brings its schema up to date.
    ///
    /// The database and its `-wal` and `-shm` files get mode 0600. Opening blocks the calling thread while the
    /// migrations run; do it at startup.
    ///
    /// - Parameters:
    ///   - path: the database file; its directory must exist.
    ///   - logger: receives debug events only; the host logs what matters to operators.
    ///   - migrations: the schema history, oldest first; other modules may append their own.
    ///   - readerCount: how many read-only connections serve reads (at least 1).
    /// - Throws: ``StoreError`` with code ``StoreError/Code/incompatibleSchema`` when the database was migrated by a
    ///   newer program, ``StoreError/Code/invalidArgument`` for an unusable path, or ``StoreError/Code/backend``.
    public init(
        path: String,
        logger: Logger,
        migrations: [SchemaMigration] = SQLiteMigrations.all,
        readerCount: Int = 2
    ) throws {
        guard !path.isEmpty, path != ":memory:", !path.hasPrefix("file:") else {
            throw StoreError(.invalidArgument, "database path must name a file")
        }
        guard readerCount >= 1 else { throw StoreError(.invalidArgument, "reader count must be at least 1") }
        try SQLiteDatabaseFile.create(path)
        let connection = try SQLiteConnection(path: path, readOnly: false)
        let applied = try connection.migrate(migrations, now: SQLiteConnection.milliseconds(Date()))
        try SQLiteDatabaseFile.restrictPermissions(path)
        for migration in applied {
            logger.debug("schema migration applied", ["version": "\(migration.version)", "name": migration.name])
        }
        var readers: [SQLiteWorker] = []
        for index in 0..<readerCount {
            let reader = try SQLiteConnection(path: path, readOnly: true)
            readers.append(SQLiteWorker(label: "mec.store.sqlite.reader.\(index)", connection: reader))
        }
        self.path = path
        self.logger = logger
        self.writer = SQLiteWorker(label: "mec.store.sqlite.writer", connection: connection)
        self.readers = readers
        logger.debug(
            "store opened",
            ["path": path, "schema_version": "\(migrations.last?.version ?? 0)", "readers": "\(readerCount)"]
        )
    }

    public func get(_ collection: String, id: String) async throws -> StoredDocument? {
        try SQLiteConnection.validate(collection, id)
        return try await read { try $0.fetchDocument(collection, id: id) }
    }

    public func list(
        _ collection: String,
        matching filter: DocumentFilter,
        limit: Int?
    ) async throws -> [StoredDocument] {
        try SQLiteConnection.validate(collection)
        if let limit, limit < 0 { throw StoreError(.invalidArgument, "limit is negative") }
        return try await read { try $0.fetchDocuments(collection, matching: filter, limit: limit) }
    }

    public func count(_ collection: String, matching filter: DocumentFilter) async throws -> Int {
        try SQLiteConnection.validate(collection)
        return try await read { try $0.countDocuments(collection, matching: filter) }
    }

    public func insert(_ document: NewDocument) async throws -> StoredDocument {
        try SQLiteConnection.validate(document.collection, document.id)
        return try await write { try $0.insertDocument(document, now: $1) }
    }

    public func update(
        _ collection: String,
        id: String,
        body: Data,
        indexes: [IndexEntry],
        ifVersion: Int64?
    ) async throws -> StoredDocument {
        try SQLiteConnection.validate(collection, id)
        let document = NewDocument(collection: collection, id: id, body: body, indexes: indexes)
        return try await write { try $0.updateDocument(document, ifVersion: ifVersion, now: $1) }
    }

    public func upsert(_ document: NewDocument) async throws -> StoredDocument {
        try SQLiteConnection.validate(document.collection, document.id)
        return try await write { try $0.upsertDocument(document, now: $1) }
    }

    public func delete(_ collection: String, id: String, ifVersion: Int64?) async throws -> Bool {
        try SQLiteConnection.validate(collection, id)
        return try await write { connection, _ in
            try connection.deleteDocument(collection, id: id, ifVersion: ifVersion)
        }
    }

    public func deleteAll(_ collection: String, matching filter: DocumentFilter) async throws -> Int {
        try SQLiteConnection.validate(collection)
        return try await write { connection, _ in try connection.deleteDocuments(collection, matching: filter) }
    }

    public func transaction(_ operations: [StoreOperation]) async throws {
        guard !operations.isEmpty else { return }
        try await write { connection, now in
            for operation in operations {
                try connection.apply(operation, now: now)
            }
        }
    }

    public func meta(_ key: String) async throws -> String? {
        try await read { try $0.readMeta(key) }
    }

    public func setMeta(_ key: String, _ value: String) async throws {
        try await write { connection, _ in try connection.writeMeta(key, value) }
    }

    public func close() async {
        for reader in readers {
            await reader.close()
        }
        // The writer closes last, so that SQLite checkpoints the write-ahead log into the database file.
        await writer.close()
        if !closed.exchange(true, ordering: .relaxed) {
            logger.debug("store closed", ["path": path])
        }
    }

    /// The migrations this database has applied, oldest first.
    public func appliedMigrations() async throws -> [AppliedSchemaMigration] {
        try await read { try $0.appliedMigrations() }
    }

    /// Runs `work` in a read transaction on the next read-only connection.
    private func read<T: Sendable>(_ work: @escaping @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        let turn = nextReader.wrappingAdd(1, ordering: .relaxed).oldValue
        let reader = readers[Int(turn % UInt(readers.count))]
        return try await reader.run { connection in
            try connection.readTransaction { try work(connection) }
        }
    }

    /// Runs `work` in a write transaction on the writer connection, with the time of the write in milliseconds.
    private func write<T: Sendable>(
        _ work: @escaping @Sendable (SQLiteConnection, Int64) throws -> T
    ) async throws -> T {
        try await writer.run { connection in
            try connection.writeTransaction { try work(connection, SQLiteConnection.milliseconds(Date())) }
        }
    }
}
