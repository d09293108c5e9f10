import Foundation

/// Finds a port that is free for both UDP and TCP on one address, as a DNS server needs both.
enum FreePort {
    /// Binds TCP to port 0, then UDP to the port the system chose; tries again when UDP is taken.
    ///
    /// The sockets are closed before returning, so another program could take the port before dnsmasq binds it; the
    /// supervisor then sees dnsmasq fail and reports it.
    static func pick(address: String) throws -> UInt16 {
        guard let any = SocketAddress(host: address, port: 0) else {
            throw DNSDataPlaneError(.launchFailed, "listen address is not a numeric IP address")
        }
        for _ in 0..<32 {
            let tcp = socket(any.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard tcp >= 0 else { break }
            defer { close(tcp) }
            guard any.withSockAddr({ bind(tcp, $0, $1) }) == 0, let port = SocketAddress.boundPort(of: tcp),
                let same = SocketAddress(host: address, port: port)
            else {
                throw DNSDataPlaneError(.launchFailed, "cannot bind the listen address, errno \(errno)")
            }
            let udp = socket(any.family, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard udp >= 0 else { break }
            defer { close(udp) }
            if same.withSockAddr({ bind(udp, $0, $1) }) == 0 {
                return port
            }
        }
        throw DNSDataPlaneError(.launchFailed, "no port free for both UDP and TCP")
    }
}
