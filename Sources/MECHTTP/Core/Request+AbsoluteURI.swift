import Foundation

extension Request {
    /// The absolute URI of the request target without its query, such as `https://localhost:8443/healthz`; the
    /// ETSI MEC ProblemDetails `instance` is of type Uri.
    ///
    /// The authority is the request's `Host` header. When that header is missing or is not a plain host and port,
    /// this is the percent-encoded path alone, a relative reference.
    public var absoluteURI: String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ";")
        let encodedPath = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? "/"
        guard let host = headers["Host"], Self.isAuthority(host) else { return encodedPath }
        return (isSecure ? "https://" : "http://") + host + encodedPath
    }

    /// Whether `value` is a registered name or IP literal with an optional port, and nothing else.
    static func isAuthority(_ value: String) -> Bool {
        guard !value.isEmpty, value.utf8.count <= 255 else { return false }
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        allowed.insert(charactersIn: "-._~:[]")
        return value.unicodeScalars.allSatisfy { allowed.contains($0) } && !value.hasPrefix(":")
    }
}
