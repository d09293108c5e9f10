import Foundation

/// Syntax checks for the addresses, prefixes, ports and names that appear in MEC bodies.
enum AddressSyntax {
    /// Whether `text` is a dotted-decimal IPv4 address such as `192.0.2.1`.
    static func isIPv4(_ text: Substring) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy(isOctet)
    }

    /// Whether `text` is a textual IPv6 address (RFC 4291 section 2.2), without a zone.
    static func isIPv6(_ text: Substring) -> Bool {
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else {
            return false
        }
        var groupCount = 0
        for (index, half) in halves.enumerated() where !half.isEmpty {
            let groups = half.split(separator: ":", omittingEmptySubsequences: false)
            for (position, group) in groups.enumerated() {
                let isLast = index == halves.count - 1 && position == groups.count - 1
                if isLast && group.contains(".") {
                    guard isIPv4(group) else {
                        return false
                    }
                    groupCount += 2
                } else {
                    guard (1...4).contains(group.count), group.allSatisfy(\.isHexDigit) else {
                        return false
                    }
                    groupCount += 1
                }
            }
        }
        return halves.count == 2 ? groupCount < 8 : groupCount == 8
    }

    /// Whether `text` is an IP address of either family.
    static func isIPAddress(_ text: Substring) -> Bool {
        isIPv4(text) || isIPv6(text)
    }

    /// Whether `text` is one entry of a traffic filter address list: an address, an address with a prefix length
    /// (`10.0.0.0/8`, `2001:db8::/32`) or a range of two addresses of the same family (`10.0.0.1-10.0.0.9`).
    static func isTrafficAddress(_ text: String) -> Bool {
        let whole = Substring(text)
        if isIPAddress(whole) {
            return true
        }
        let prefix = whole.split(separator: "/", omittingEmptySubsequences: false)
        if prefix.count == 2, let length = Int(prefix[1]), prefix[1].allSatisfy(\.isASCII) {
            if isIPv4(prefix[0]) {
                return (0...32).contains(length)
            }
            return isIPv6(prefix[0]) && (0...128).contains(length)
        }
        let range = whole.split(separator: "-", omittingEmptySubsequences: false)
        guard range.count == 2 else {
            return false
        }
        return (isIPv4(range[0]) && isIPv4(range[1])) || (isIPv6(range[0]) && isIPv6(range[1]))
    }

    /// Whether `text` is a port (`8080`) or an ascending range of ports (`8000-8080`), each from 0 to 65535.
    static func isPortOrRange(_ text: String) -> Bool {
        let bounds = text.split(separator: "-", omittingEmptySubsequences: false).map(port)
        switch bounds.count {
        case 1:
            return bounds[0] != nil
        case 2:
            guard let low = bounds[0], let high = bounds[1] else {
                return false
            }
            return low <= high
        default:
            return false
        }
    }

    /// Whether `text` is a host name of letters, digits and hyphens (RFC 1123), such as `api.example.com`.
    static func isHostName(_ text: String) -> Bool {
        let name = text.hasSuffix(".") ? text.dropLast() : Substring(text)
        guard !name.isEmpty, name.utf8.count <= 253 else {
            return false
        }
        return name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            (1...63).contains(label.count) && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

    /// Whether `text` is a MAC address of six hexadecimal pairs separated by colons or hyphens.
    static func isMACAddress(_ text: String) -> Bool {
        let separator: Character = text.contains("-") ? "-" : ":"
        let pairs = text.split(separator: separator, omittingEmptySubsequences: false)
        return pairs.count == 6 && pairs.allSatisfy { $0.count == 2 && $0.allSatisfy(\.isHexDigit) }
    }

    private static func isOctet(_ part: Substring) -> Bool {
        guard (1...3).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return false
        }
        guard part.count == 1 || part.first != "0" else {
            return false
        }
        return Int(part).map { $0 <= 255 } ?? false
    }

    private static func port(_ text: Substring) -> Int? {
        guard (1...5).contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return nil
        }
        return Int(text).flatMap { $0 <= 65535 ? $0 : nil }
    }
}
