import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A ``WebSocketTransport`` over the socket of an ``UpgradedConnection``, which the server owns.
///
/// The server may hand over a non-blocking socket (one end of a socket pair when it does TLS itself), so reads and
/// writes wait with `poll` when the socket has nothing to give or take. The socket is never closed here: `close()`
/// hands it back to the server through ``UpgradedConnection/close()``.
final class UpgradedSocketTransport: WebSocketTransport {
    private let connection: UpgradedConnection
    private let isShutDown = Atomic<Bool>(false)

    init(connection: UpgradedConnection) {
        self.connection = connection
    }

    func receive(into buffer: UnsafeMutableRawBufferPointer) throws(WebSocketError) -> Int {
        while true {
            if isShutDown.load(ordering: .acquiring) || connection.isClosed {
                return 0
            }
            let count = read(connection.socket, buffer.baseAddress, buffer.count)
            if count >= 0 {
                return count
            }
            switch errno {
            case EINTR:
                continue
            case EAGAIN, EWOULDBLOCK:
                wait(for: Int16(POLLIN))
            case ECONNRESET, EBADF, ENOTCONN:
                return 0
            default:
                throw .closed("read failed")
            }
        }
    }

    func send(_ bytes: [UInt8]) throws(WebSocketError) {
        var offset = 0
        while offset < bytes.count {
            guard !isShutDown.load(ordering: .acquiring), !connection.isClosed else {
                throw .closed("connection closed")
            }
            // unsafe: the array is alive for the whole call and offset stays inside it.
            let written = bytes.withUnsafeBytes { raw in
                Glibc.send(
                    connection.socket,
                    raw.baseAddress.map { $0 + offset },
                    raw.count - offset,
                    Int32(MSG_NOSIGNAL)
                )
            }
            if written >= 0 {
                offset += written
                continue
            }
            switch errno {
            case EINTR:
                continue
            case EAGAIN, EWOULDBLOCK:
                wait(for: Int16(POLLOUT))
            default:
                throw .closed("write failed")
            }
        }
    }

    /// Waits until the socket is ready or a short time passed, so that a shutdown is noticed soon.
    private func wait(for events: Int16) {
        var descriptor = pollfd(fd: connection.socket, events: events, revents: 0)
        _ = poll(&descriptor, 1, 200)
    }

    func shutdown() {
        guard !isShutDown.exchange(true, ordering: .acquiringAndReleasing) else { return }
        if !connection.isClosed {
            _ = Glibc.shutdown(connection.socket, Int32(SHUT_RDWR))
        }
    }

    func close() {
        isShutDown.store(true, ordering: .releasing)
        connection.close()
    }
}
