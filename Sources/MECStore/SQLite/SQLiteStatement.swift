import CSQLite
import Foundation

/// A prepared statement; used only by the connection that prepared it, on that connection's queue.
final class SQLiteStatement {
    private let handle: OpaquePointer

    init(handle: OpaquePointer) {
        self.handle = handle
    }

    /// Binds `values` to parameters 1, 2, ... in order.
    func bind(_ values: [SQLiteValue]) throws {
        for (offset, value) in values.enumerated() {
            try bind(value, at: Int32(offset + 1))
        }
    }

    /// Binds one value; SQLite copies text and blobs, so the Swift buffers need not outlive the call.
    func bind(_ value: SQLiteValue, at index: Int32) throws {
        let rc: Int32
        switch value {
        case .integer(let number):
            rc = sqlite3_bind_int64(handle, index, number)
        case .text(let string):
            var string = string
            rc = try string.withUTF8 { bytes in
                guard let base = bytes.baseAddress else { return mec_sqlite_bind_text(handle, index, "", 0) }
                // Unsafe pointer: SQLite copies exactly `count` UTF-8 bytes from the buffer during the call.
                let text = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
                return mec_sqlite_bind_text(handle, index, text, try Self.length(bytes.count))
            }
        case .blob(let data):
            rc = try data.withUnsafeBytes { bytes in
                guard let base = bytes.baseAddress else { return sqlite3_bind_zeroblob(handle, index, 0) }
                // Unsafe pointer: SQLite copies `count` bytes from the buffer during the call.
                return mec_sqlite_bind_blob(handle, index, base, try Self.length(bytes.count))
            }
        }
        guard rc == SQLITE_OK else { throw SQLiteConnection.error(rc, "bind parameter") }
    }

    /// Advances to the next row; returns `false` when the statement is done.
    func step() throws -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw SQLiteConnection.error(rc, "run statement")
        }
    }

    /// Runs a statement that returns no rows.
    func run(_ values: [SQLiteValue] = []) throws {
        try bind(values)
        while try step() {}
    }

    /// The integer in `column` of the current row.
    func int64(_ column: Int32) -> Int64 {
        sqlite3_column_int64(handle, column)
    }

    /// The text in `column` of the current row; NULL reads as the empty string.
    func text(_ column: Int32) -> String {
        // Unsafe pointer: SQLite owns the bytes until the next step or reset; they are copied into a String here.
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// The blob in `column` of the current row; NULL and empty blobs read as empty data.
    func data(_ column: Int32) -> Data {
        // Unsafe pointer: SQLite owns the bytes until the next step or reset; they are copied into Data here.
        guard let bytes = sqlite3_column_blob(handle, column) else { return Data() }
        return Data(bytes: bytes, count: Int(sqlite3_column_bytes(handle, column)))
    }

    /// Ends the current run and clears the bindings, so the statement can be used again.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Releases the statement; it must not be used afterwards.
    func finalize() {
        sqlite3_finalize(handle)
    }

    private static func length(_ count: Int) throws -> Int32 {
        guard let length = Int32(exactly: count) else {
            throw StoreError(.invalidArgument, "value is too large to store")
        }
        return length
    }
}
