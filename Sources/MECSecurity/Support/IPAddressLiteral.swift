import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Converts IPv4 and IPv6 literals between text and the 4- or 16-byte form stored in certificate SANs.
enum IPAddressLiteral {
    /// The address bytes of an IP literal (`[::1]` brackets allowed), or `nil` when `text` is not one.
    static func bytes(_ text: String) -> Data? {
        var literal = text
        if literal.hasPrefix("[") && literal.hasSuffix("]") {
            literal = String(literal.dropFirst().dropLast())
        }
        var v4 = in_addr()
        if inet_pton(AF_INET, literal, &v4) == 1 {
            // Unsafe: reads the fixed-size address structure that inet_pton just filled.
            return withUnsafeBytes(of: &v4) { Data($0) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, literal, &v6) == 1 {
            // Unsafe: reads the fixed-size address structure that inet_pton just filled.
            return withUnsafeBytes(of: &v6) { Data($0) }
        }
        return nil
    }

    /// The canonical text of 4- or 16-byte address bytes (`127.0.0.1`, `::1`), or `nil` for other lengths.
    static func text(_ bytes: Data) -> String? {
        let family: Int32
        switch bytes.count {
        case 4: family = AF_INET
        case 16: family = AF_INET6
        default: return nil
        }
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        // Unsafe: inet_ntop reads `bytes.count` address bytes and writes a terminated string within the buffer size.
        let converted = bytes.withUnsafeBytes { address in
            buffer.withUnsafeMutableBufferPointer { output in
                inet_ntop(family, address.baseAddress, output.baseAddress, socklen_t(output.count)) != nil
            }
        }
        guard converted else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The canonical text of an IP literal, or `nil` when `text` is not one.
    static func canonical(_ text: String) -> String? {
        bytes(text).flatMap(Self.text)
    }
}
