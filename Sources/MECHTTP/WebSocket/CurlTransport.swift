import CCurl
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A ``WebSocketTransport`` over a libcurl easy handle opened with `CURLOPT_CONNECT_ONLY`, so that TLS is
/// handled by libcurl.
///
/// libcurl's send and receive are non-blocking; this type waits with `poll` on the socket in between and
/// serialises every call on the handle with a lock, because an easy handle is not safe to use from two threads.
final class CurlTransport: WebSocketTransport {
    /// The handle, nil once closed; all libcurl calls happen while holding this lock.
    private let handle: Mutex<CurlEasyHandle?>
    private let socket: Int32
    private let isShutDown = Atomic<Bool>(false)

    init(handle: CurlEasyHandle, socket: Int32) {
        self.handle = Mutex(handle)
        self.socket = socket
    }

    func receive(into buffer: UnsafeMutableRawBufferPointer) throws(WebSocketError) -> Int {
        while true {
            if isShutDown.load(ordering: .acquiring) {
                return 0
            }
            if let count = try receiveNow(into: buffer) {
                return count
            }
            wait(for: Int16(POLLIN), milliseconds: 200)
        }
    }

    /// Reads what is available without waiting; nil means nothing yet.
    func receiveNow(into buffer: UnsafeMutableRawBufferPointer) throws(WebSocketError) -> Int? {
        let result: (CURLcode, Int) = handle.withLock { easy in
            guard let easy else {
                return (CURLE_OK, 0)
            }
            var received = 0
            let code = curl_easy_recv(easy.pointer, buffer.baseAddress, buffer.count, &received)
            return (code, received)
        }
        switch result.0 {
        case CURLE_OK:
            return result.1
        case CURLE_AGAIN:
            return nil
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_RECV_ERROR, CURLE_GOT_NOTHING:
            return 0
        default:
            throw .closed("receive failed")
        }
    }

    func send(_ bytes: [UInt8]) throws(WebSocketError) {
        var offset = 0
        while offset < bytes.count {
            let result: (CURLcode, Int) = handle.withLock { easy in
                guard let easy else {
                    return (CURLE_SEND_ERROR, 0)
                }
                var sent = 0
                // unsafe: the array is alive for the whole call and offset stays inside it.
                let code = bytes.withUnsafeBytes { raw in
                    curl_easy_send(easy.pointer, raw.baseAddress.map { $0 + offset }, raw.count - offset, &sent)
                }
                return (code, sent)
            }
            switch result.0 {
            case CURLE_OK:
                offset += result.1
            case CURLE_AGAIN:
                if isShutDown.load(ordering: .acquiring) {
                    throw .closed("connection closed")
                }
                wait(for: Int16(POLLOUT), milliseconds: 200)
            default:
                throw .closed("send failed")
            }
        }
    }

    /// Waits until the socket is ready or the time passed; either way the caller retries.
    func wait(for events: Int16, milliseconds: Int32) {
        var descriptor = pollfd(fd: socket, events: events, revents: 0)
        _ = poll(&descriptor, 1, milliseconds)
    }

    func shutdown() {
        isShutDown.store(true, ordering: .releasing)
    }

    func close() {
        isShutDown.store(true, ordering: .releasing)
        handle.withLock { easy in
            if let pointer = easy?.pointer {
                curl_easy_cleanup(pointer)
            }
            easy = nil
        }
    }
}
