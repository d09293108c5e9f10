import Foundation

/// Numeric IP address text: family detection and canonical form, through the system's own parser.
enum IPAddressText {
    /// The family of a numeric address, or nil when the text is not one (host names, zone ids and masks are not).
    static func family(of text: String) -> DNSRecord.AddressType? {
        if parse(text, family: AF_INET) != nil { return .ipv4 }
        if parse(text, family: AF_INET6) != nil { return .ipv6 }
        return nil
    }

    /// The address as the system prints it, or nil when the text is not a numeric address.
    static func canonical(_ text: String) -> String? {
        for family in [AF_INET, AF_INET6] {
            guard let bytes = parse(text, family: family) else { continue }
            var output = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
            let printed = bytes.withUnsafeBytes { raw in
                inet_ntop(family, raw.baseAddress, &output, socklen_t(output.count))
            }
            guard printed != nil else { return nil }
            return String(decoding: output.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        return nil
    }

    /// The address bytes (4 or 16), or nil when the text is not a numeric address of that family.
    static func parse(_ text: String, family: Int32) -> [UInt8]? {
        guard !text.contains("\0") else { return nil }
        var bytes = [UInt8](repeating: 0, count: family == AF_INET ? 4 : 16)
        let result = bytes.withUnsafeMutableBytes { raw in
            inet_pton(family, text, raw.baseAddress)
        }
        return result == 1 ? bytes : nil
    }
}
