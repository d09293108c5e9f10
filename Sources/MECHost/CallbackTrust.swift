import Foundation

/// The CA bundle notification callbacks are verified against: the system's trusted CAs plus the local CA, so
/// subscribers may serve their callbacks with certificates from either.
enum CallbackTrust {
    static let systemBundles = ["/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt"]

    /// Writes `callback-trust.pem` in the data directory and returns its path.
    static func write(dataDirectory: URL, localCAPEM: String) throws -> String {
        var bundle = localCAPEM
        for path in systemBundles {
            if let system = FileManager.default.contents(atPath: path) {
                bundle += "\n" + String(decoding: system, as: UTF8.self)
                break
            }
        }
        let file = dataDirectory.appendingPathComponent("callback-trust.pem")
        try Data(bundle.utf8).write(to: file, options: .atomic)
        return file.path
    }
}
