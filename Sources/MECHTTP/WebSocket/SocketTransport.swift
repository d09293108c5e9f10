import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A ``WebSocketTransport`` over a connected stream socket that this object owns and closes.
final class SocketTransport: WebSocketTransport {
    private let fileDescriptor: Int32
    /// Guards the descriptor number against reuse: shutdown and close never race each other.
    private let isClosed = Mutex(false)

    init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
    }

    func receive(into buffer: UnsafeMutableRawBufferPointer) throws(WebSocketError) -> Int {
        while true {
            let count = read(fileDescriptor, buffer.baseAddress, buffer.count)
            if count >= 0 {
                return count
            }
            if errno == EINTR {
                continue
            }
            if errno == ECONNRESET || errno == EBADF || errno == ENOTCONN {
                return 0
            }
            throw .closed("read failed")
        }
    }

    func send(_ bytes: [UInt8]) throws(WebSocketError) {
        guard !isClosed.withLock({ $0 }) else {
            throw .closed("connection closed")
        }
        var offset = 0
        while offset < bytes.count {
            // unsafe: the array is alive for the whole call and offset stays inside it.
            let written = bytes.withUnsafeBytes { raw in
                Glibc.send(fileDescriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written < 0 {
                if errno == EINTR {
                    continue
                }
                throw .closed("write failed")
            }
            offset += written
        }
    }

    func shutdown() {
        isClosed.withLock { closed in
            if !closed {
                _ = Glibc.shutdown(fileDescriptor, Int32(SHUT_RDWR))
            }
        }
    }

    func close() {
        isClosed.withLock { closed in
            if !closed {
                closed = true
                _ = Glibc.close(fileDescriptor)
            }
        }
    }
}
