import CMicroHTTPD
import Foundation
import Synchronization

/// A connection handed over after a `101 Switching Protocols` response, such as a websocket.
///
/// `socket` carries plain bytes: on a TLS connection the server keeps encrypting and decrypting behind it. Call
/// `close()` exactly when done; the server also closes every upgraded connection at shutdown.
public final class UpgradedConnection: Sendable {
    /// A socket to read and write the new protocol's bytes on. Do not `close(2)` it; call `close()`.
    public let socket: Int32
    /// Bytes of the new protocol that arrived with the upgrade request.
    public let initialBytes: Data
    // The handle stays valid until `close()` hands it back to the server; `closed` guards against a second close.
    private let handle: Mutex<CHandle?>
    private let onClose: @Sendable (UpgradedConnection) -> Void

    init(
        socket: Int32,
        initialBytes: Data,
        handle: OpaquePointer,
        onClose: @escaping @Sendable (UpgradedConnection) -> Void
    ) {
        self.socket = socket
        self.initialBytes = initialBytes
        self.handle = Mutex(CHandle(pointer: handle))
        self.onClose = onClose
    }

    /// Closes the connection; later calls do nothing.
    public func close() {
        let taken = handle.withLock { handle -> CHandle? in
            defer { handle = nil }
            return handle
        }
        guard let taken else { return }
        _ = mec_mhd_upgrade_close(taken.pointer)
        onClose(self)
    }

    /// Whether `close()` was called.
    public var isClosed: Bool {
        handle.withLock { $0 == nil }
    }
}
