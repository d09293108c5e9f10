import CGnuTLS
import Foundation

/// Bridges between Swift values and GnuTLS calls: result checks, borrowed input datums, copied output buffers.
enum GnuTLS {
    /// Throws when a GnuTLS result code signals failure.
    static func check(_ result: Int32, _ operation: String, code: SecurityError.Code = .cryptoFailure) throws {
        guard result >= 0 else {
            throw SecurityError(code, "\(operation): \(errorText(result))")
        }
    }

    /// The GnuTLS message for a result code.
    static func errorText(_ result: Int32) -> String {
        guard let text = gnutls_strerror(result) else { return "GnuTLS error \(result)" }
        return String(cString: text)
    }

    /// Calls `body` with a datum that borrows `data` for the duration of the call.
    static func withDatum<R>(_ data: Data, _ body: (UnsafePointer<gnutls_datum_t>) throws -> R) rethrows -> R {
        // Unsafe: GnuTLS only reads the datum during `body`, and the pointer does not outlive this call.
        try data.withUnsafeBytes { raw in
            let bytes = UnsafeMutablePointer(mutating: raw.bindMemory(to: UInt8.self).baseAddress)
            let datum = gnutls_datum_t(data: bytes, size: UInt32(raw.count))
            return try withUnsafePointer(to: datum) { try body($0) }
        }
    }

    /// Calls `body` with an empty datum for GnuTLS to fill, then copies and frees what it allocated.
    static func takeDatum(_ operation: String, _ body: (UnsafeMutablePointer<gnutls_datum_t>) -> Int32) throws -> Data {
        var datum = gnutls_datum_t(data: nil, size: 0)
        let result = body(&datum)
        defer { mec_gnutls_free(datum.data) }
        try check(result, operation)
        return copy(datum)
    }

    /// Copies the bytes of a datum that GnuTLS filled; the caller still frees it.
    static func copy(_ datum: gnutls_datum_t) -> Data {
        guard let bytes = datum.data, datum.size > 0 else { return Data() }
        return Data(bytes: bytes, count: Int(datum.size))
    }

    /// Calls a GnuTLS getter that writes into a caller buffer, growing the buffer once when it is too small.
    ///
    /// Returns `nil` when GnuTLS reports that the requested data is not present.
    static func readBuffer(
        _ operation: String,
        _ body: (UnsafeMutableRawPointer, UnsafeMutablePointer<Int>) -> Int32
    ) throws -> Data? {
        var capacity = 256
        for _ in 0..<2 {
            var buffer = [UInt8](repeating: 0, count: capacity)
            var size = capacity
            // Unsafe: GnuTLS writes at most `size` bytes into the buffer during the call.
            let result = buffer.withUnsafeMutableBytes { raw in
                guard let base = raw.baseAddress else { return GNUTLS_E_INTERNAL_ERROR }
                return body(base, &size)
            }
            if result == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE {
                return nil
            }
            if result == GNUTLS_E_SHORT_MEMORY_BUFFER {
                capacity = max(size, 1)
                continue
            }
            try check(result, operation)
            return Data(buffer.prefix(size))
        }
        throw SecurityError(.cryptoFailure, "\(operation): buffer size changed between calls")
    }
}
