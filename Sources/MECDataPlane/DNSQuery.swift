import Dispatch
import Foundation

/// A minimal DNS client: one A or AAAA question over UDP to one server, with a timeout.
///
/// Meant for readiness checks and tests of the data plane, not as a general resolver: it sends one query with
/// recursion desired, does not retry, follows no CNAME and does not fall back to TCP on truncation.
///
/// ```swift
/// let response = try await DNSQuery(server: "127.0.0.1", port: 5353).resolve("app.example.com", type: .a)
/// let addresses = response.responseCode == .noError ? response.addresses : []
/// ```
public struct DNSQuery: Sendable {
    /// The record types this client asks for.
    public enum RecordType: UInt16, Sendable, Hashable, CaseIterable {
        /// IPv4 address.
        case a = 1
        /// IPv6 address.
        case aaaa = 28
    }

    /// The numeric address of the DNS server.
    public var server: String
    /// The UDP port of the DNS server.
    public var port: UInt16
    /// How long to wait for the response.
    public var timeout: Duration

    /// Creates a client for one server.
    public init(server: String, port: UInt16 = 53, timeout: Duration = .seconds(2)) {
        self.server = server
        self.port = port
        self.timeout = timeout
    }

    /// Sends one question and returns the parsed response.
    ///
    /// The blocking socket work runs on a short-lived thread of its own, never on a Swift concurrency thread or a
    /// shared dispatch queue, so a slow server cannot starve other work.
    ///
    /// - Throws: ``DNSQueryError``; a response with an error code such as REFUSED is a response, not an error.
    public func resolve(_ name: String, type: RecordType) async throws -> DNSResponse {
        let id = UInt16.random(in: 0...UInt16.max)
        let query = try Self.encodeQuery(id: id, name: name, type: type)
        guard let address = SocketAddress(host: server, port: port) else {
            throw DNSQueryError(.invalidServer, "server is not a numeric IP address")
        }
        let milliseconds = Int32(clamping: timeout.milliseconds)
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(
                    with: Result { try Self.exchange(query, id: id, with: address, timeoutMilliseconds: milliseconds) }
                )
            }
            thread.name = "dns query"
            thread.start()
        }
    }

    private static func exchange(
        _ query: [UInt8],
        id: UInt16,
        with address: SocketAddress,
        timeoutMilliseconds: Int32
    ) throws -> DNSResponse {
        let fd = socket(address.family, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw DNSQueryError(.socket, "socket failed with errno \(errno)") }
        defer { close(fd) }
        // Connecting a UDP socket makes an ICMP port unreachable show up as ECONNREFUSED instead of a timeout.
        guard address.withSockAddr({ connect(fd, $0, $1) }) == 0 else {
            throw DNSQueryError(.socket, "connect failed with errno \(errno)")
        }
        guard send(fd, query, query.count, 0) == query.count else {
            throw errno == ECONNREFUSED
                ? DNSQueryError(.connectionRefused, "nothing listens on the server port")
                : DNSQueryError(.socket, "send failed with errno \(errno)")
        }
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeoutMilliseconds) * 1_000_000
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else {
                throw DNSQueryError(.timedOut, "no response within \(timeoutMilliseconds) ms")
            }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32((deadline - now) / 1_000_000) + 1)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { continue }
            let received = recv(fd, &buffer, buffer.count, 0)
            if received < 0 {
                if errno == EINTR { continue }
                throw errno == ECONNREFUSED
                    ? DNSQueryError(.connectionRefused, "nothing listens on the server port")
                    : DNSQueryError(.socket, "recv failed with errno \(errno)")
            }
            let message = Array(buffer.prefix(received))
            // A datagram with another id is a late answer to an earlier query on a reused port: skip it.
            guard message.count >= 2, UInt16(message[0]) << 8 | UInt16(message[1]) == id else { continue }
            return try parseResponse(message, id: id)
        }
    }
}
