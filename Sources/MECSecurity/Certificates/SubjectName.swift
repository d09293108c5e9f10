import Foundation

/// A name a certificate is issued for: a DNS name or an IP address, checked and normalized.
enum SubjectName: Hashable {
    /// A lowercase DNS name, possibly starting with a `*.` wildcard label.
    case dns(String)
    /// An IP address in canonical text form.
    case ip(String)

    /// Classifies a configured name: an IP literal becomes `.ip`, anything else must be a valid DNS name.
    static func parse(_ text: String) throws -> SubjectName {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let address = IPAddressLiteral.canonical(trimmed) {
            return .ip(address)
        }
        return .dns(try dnsName(trimmed))
    }

    /// Checks a DNS name (letters, digits, hyphens, dots, an optional leading `*.`) and lowercases it.
    static func dnsName(_ text: String) throws -> String {
        let name = text.lowercased()
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        let valid =
            !name.isEmpty && name.utf8.count <= 253
            && labels.enumerated().allSatisfy { index, label in
                if index == 0 && label == "*" && labels.count > 2 { return true }
                return !label.isEmpty && label.utf8.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                    && label.utf8.allSatisfy { byte in
                        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
                    }
            }
        guard valid else {
            throw SecurityError(.invalidName, "not a valid DNS name: \(text)")
        }
        return name
    }

    /// The 4- or 16-byte form of an IP literal.
    static func ipAddressBytes(_ text: String) throws -> Data {
        guard let bytes = IPAddressLiteral.bytes(text.trimmingCharacters(in: .whitespaces)) else {
            throw SecurityError(.invalidName, "not a valid IP address: \(text)")
        }
        return bytes
    }
}
