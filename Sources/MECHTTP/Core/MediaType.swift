import Foundation

/// Media types and the content negotiation rules of the server.
public enum MediaType {
    /// `application/json`.
    public static let json = "application/json"
    /// `application/problem+json`, for every error body.
    public static let problemJSON = "application/problem+json"
    /// `application/x-www-form-urlencoded`, the body of OAuth 2.0 token, introspection and revocation requests.
    public static let formURLEncoded = "application/x-www-form-urlencoded"
    /// The Prometheus text exposition format.
    public static let prometheusText = "text/plain; version=0.0.4; charset=utf-8"

    /// The type and subtype of a `Content-Type` value, lowercased, parameters dropped.
    static func essence(_ value: String) -> String {
        let base = value.split(separator: ";", maxSplits: 1).first.map(String.init) ?? value
        return base.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// Whether a `Content-Type` value is JSON (`application/json` or any `+json` type).
    static func isJSON(_ value: String) -> Bool {
        let essence = essence(value)
        return essence == json || (essence.hasPrefix("application/") && essence.hasSuffix("+json"))
    }

    /// Whether an `Accept` header admits one of `offered`, honouring wildcards and `q=0` exclusions.
    static func accepts(_ accept: String?, anyOf offered: [String]) -> Bool {
        guard let accept else { return true }
        // The values almost every client sends need no parsing; the answer is the one the parsing below gives.
        if accept == "*/*" {
            return !offered.isEmpty
        }
        if offered.contains(accept) {
            return true
        }
        guard !accept.trimmingCharacters(in: .whitespaces).isEmpty else { return true }
        let ranges = accept.split(separator: ",").map { range -> (type: String, excluded: Bool) in
            let parts = range.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            let excluded = parts.dropFirst().contains {
                $0.replacingOccurrences(of: " ", with: "").lowercased() == "q=0"
            }
            return (parts.first?.lowercased() ?? "", excluded)
        }
        return offered.map(essence).contains { candidate in
            let major = candidate.split(separator: "/").first.map(String.init) ?? candidate
            return ranges.contains { range in
                !range.excluded && (range.type == candidate || range.type == "*/*" || range.type == "\(major)/*")
            }
        }
    }
}
