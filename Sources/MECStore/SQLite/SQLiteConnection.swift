import CSQLite
import Foundation

/// One SQLite connection with its prepared statements, cached by SQL text.
///
/// A connection is used by one thread at a time: ``SQLiteWorker`` confines it to a serial queue.
final class SQLiteConnection {
    /// Statements beyond this many are finalized after use instead of cached; filters with varying shapes
    /// would otherwise grow the cache without bound.
    static let statementCacheLimit = 64

    private var handle: OpaquePointer?
    private var statements: [String: SQLiteStatement] = [:]

    /// Opens the database at `path`, read-only or read-write (creating it when missing).
    init(path: String, readOnly: Bool) throws {
        var db: OpaquePointer?
        let access = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        // No SQLite mutex: the owning worker never lets two threads use the connection at once.
        let rc = sqlite3_open_v2(path, &db, access | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let db else {
            sqlite3_close_v2(db)
            throw Self.error(rc, "open database")
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
        do {
            try execute("PRAGMA busy_timeout = 5000")
            if !readOnly {
                try enableWriteAheadLog()
                try execute("PRAGMA synchronous = FULL")
                try execute("PRAGMA foreign_keys = ON")
            }
        } catch {
            close()
            throw error
        }
    }

    deinit {
        close()
    }

    /// Whether ``close()`` has run.
    var isClosed: Bool {
        handle == nil
    }

    /// Runs one or more statements that return nothing of interest, such as a migration.
    func execute(_ sql: String) throws {
        guard let handle else { throw StoreError.closed }
        let rc = sqlite3_exec(handle, sql, nil, nil, nil)
        guard rc == SQLITE_OK else { throw Self.error(rc, "execute statements") }
    }

    /// Runs `body` with the prepared statement for `sql`, then resets the statement.
    func withStatement<T>(_ sql: String, _ body: (SQLiteStatement) throws -> T) throws -> T {
        let statement = try prepare(sql)
        defer {
            if statements[sql] === statement {
                statement.reset()
            } else {
                statement.finalize()
            }
        }
        return try body(statement)
    }

    /// Runs a statement that returns no rows and returns how many rows it changed.
    @discardableResult
    func run(_ sql: String, _ values: [SQLiteValue] = []) throws -> Int {
        try withStatement(sql) { statement in
            try statement.run(values)
            return changes
        }
    }

    /// Runs a query and maps each row with `row`.
    func query<T>(_ sql: String, _ values: [SQLiteValue] = [], row: (SQLiteStatement) throws -> T) throws -> [T] {
        try withStatement(sql) { statement in
            try statement.bind(values)
            var rows: [T] = []
            while try statement.step() {
                rows.append(try row(statement))
            }
            return rows
        }
    }

    /// Rows changed by the most recent INSERT, UPDATE or DELETE.
    var changes: Int {
        guard let handle else { return 0 }
        return Int(sqlite3_changes64(handle))
    }

    /// Finalizes the cached statements and closes the connection; further use throws ``StoreError/Code/closed``.
    func close() {
        for statement in statements.values {
            statement.finalize()
        }
        statements.removeAll()
        if let handle {
            sqlite3_close_v2(handle)
        }
        handle = nil
    }

    /// A store error for a failed SQLite call, naming the action and SQLite's generic text for the result code
    /// (never the statement or the data).
    static func error(_ rc: Int32, _ action: String) -> StoreError {
        let meaning = sqlite3_errstr(rc).map { String(cString: $0) } ?? "unknown error"
        let code: StoreError.Code = rc & 0xff == SQLITE_CONSTRAINT ? .conflict : .backend
        return StoreError(code, "\(action) failed: \(meaning) (sqlite \(rc))")
    }

    private func prepare(_ sql: String) throws -> SQLiteStatement {
        if let cached = statements[sql] {
            return cached
        }
        guard let handle else { throw StoreError.closed }
        var raw: OpaquePointer?
        let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &raw, nil)
        guard rc == SQLITE_OK, let raw else { throw Self.error(rc, "prepare statement") }
        let statement = SQLiteStatement(handle: raw)
        if statements.count < Self.statementCacheLimit {
            statements[sql] = statement
        }
        return statement
    }

    private func enableWriteAheadLog() throws {
        let mode = try query("PRAGMA journal_mode = WAL") { $0.text(0) }.first ?? ""
        guard mode.lowercased() == "wal" else {
            throw StoreError(.backend, "database does not support write-ahead logging")
        }
        // The PRAGMA is a one-off; keep it out of the statement cache.
        statements.removeValue(forKey: "PRAGMA journal_mode = WAL")?.finalize()
    }
}
