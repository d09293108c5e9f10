import Foundation

/// An `application/x-www-form-urlencoded` body, as OAuth 2.0 endpoints receive it.
struct FormBody: Sendable {
    private(set) var fields: [(name: String, value: String)] = []

    /// Parses a body; nil when it is not valid UTF-8 or has a malformed percent escape.
    init?(_ data: Data) {
        guard let text = String(data: data, encoding: .utf8) else { return nil }
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : "") else {
                return nil
            }
            fields.append((name, value))
        }
    }

    /// The value of a parameter that must appear at most once (RFC 6749 section 3.2); `.repeated` otherwise.
    func single(_ name: String) -> Value {
        let values = fields.filter { $0.name == name }.map(\.value)
        switch values.count {
        case 0: return .absent
        case 1: return .present(values[0])
        default: return .repeated
        }
    }

    /// One parameter's presence.
    enum Value: Equatable {
        case absent
        case present(String)
        case repeated

        /// The value when present and not empty.
        var text: String? {
            if case .present(let value) = self, !value.isEmpty { return value }
            return nil
        }
    }

    /// Decodes `+` as space and percent escapes, as the form encoding defines.
    static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
