import Foundation
import Testing

@testable import MECHTTP

/// Two connected Unix stream sockets, plus helpers to speak raw frames on one of them.
struct SocketPair {
    let first: Int32
    let second: Int32

    init() throws {
        var fds: [Int32] = [0, 0]
        #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds) == 0)
        first = fds[0]
        second = fds[1]
    }

    /// Writes raw bytes to a descriptor.
    static func write(_ bytes: [UInt8], to fd: Int32) {
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        #expect(written == bytes.count)
    }

    /// Reads until the decoder yields a frame, or fails after five seconds.
    static func readFrame(from fd: Int32, decoder: inout WebSocketFrameDecoder) throws -> WebSocketFrame? {
        let deadline = Date().addingTimeInterval(5)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            if let frame = try decoder.nextFrame() {
                return frame
            }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 100) > 0 else {
                continue
            }
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else {
                return nil
            }
            decoder.append(buffer[0..<count])
        }
        return nil
    }
}
