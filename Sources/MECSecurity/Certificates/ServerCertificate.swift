import Foundation
import MECObservability

/// The host's TLS server certificate and key, issued by the ``LocalCertificateAuthority`` and kept in the data
/// directory as `server.crt` (0644) and `server.key` (0600).
///
/// ```swift
/// let server = try ServerCertificate.loadOrCreate(
///     directory: dataDirectory, authority: authority, names: ["mec.example.net"], logger: logger)
/// ```
public struct ServerCertificate: Sendable, CustomStringConvertible, CustomReflectable {
    /// The file name of the certificate.
    public static let certificateFileName = "server.crt"
    /// The file name of the private key.
    public static let privateKeyFileName = "server.key"
    /// Names every server certificate covers, besides the configured ones.
    public static let defaultNames = ["localhost", "127.0.0.1", "::1"]
    /// An existing certificate is replaced when it expires within this many days.
    public static let renewalDays = 30

    /// The parsed certificate.
    public let certificate: CertificateInfo
    /// The certificate in PEM form.
    public let certificatePEM: String
    /// The private key in PEM form; the secret.
    public let privateKeyPEM: String
    /// Where the certificate is stored.
    public let certificateFile: URL
    /// Where the private key is stored.
    public let privateKeyFile: URL

    /// Loads the server certificate from `directory`, or issues a new one when needed.
    ///
    /// The existing files are reused when they form a matching pair signed by `authority`, allow server use, cover
    /// every required name (``defaultNames`` plus `names`) and stay valid for at least ``renewalDays`` more days.
    /// Otherwise a new certificate replaces them, and the reason is logged at info level.
    ///
    /// - Parameter names: extra host names or IP literals the server is reached by; an IP literal becomes an IP
    ///   address entry, anything else a DNS name entry.
    /// - Throws: `SecurityError` with code `invalid_name` for a malformed name, `file_system` when writing fails.
    public static func loadOrCreate(
        directory: URL,
        authority: LocalCertificateAuthority,
        names: [String],
        logger: Logger
    ) throws -> ServerCertificate {
        try loadOrCreate(directory: directory, authority: authority, names: names, logger: logger, now: Date())
    }

    static func loadOrCreate(
        directory: URL,
        authority: LocalCertificateAuthority,
        names: [String],
        logger: Logger,
        now: Date
    ) throws -> ServerCertificate {
        try SecureFile.createDirectory(directory)
        let required = try requiredNames(names)
        let certificateFile = directory.appendingPathComponent(certificateFileName)
        let keyFile = directory.appendingPathComponent(privateKeyFileName)
        let existing = loadExisting(certificateFile: certificateFile, keyFile: keyFile)
        let reason: ReissueReason
        switch existing {
        case .success(let current):
            guard let problem = current.problem(authority: authority, required: required, now: now) else {
                logger.debug(
                    "server certificate reused",
                    [
                        "sha256": current.certificate.thumbprintHex,
                        "not_after": current.certificate.notAfter.formatted(.iso8601),
                    ]
                )
                return current
            }
            reason = problem
        case .failure(let problem):
            reason = problem
        }
        let issued = try authority.issue(
            CertificateRequest(
                commonName: required.dns.first ?? "localhost",
                dnsNames: required.dns,
                ipAddresses: required.ip,
                usage: .server
            )
        )
        // Key first: after a crash in between, the old certificate no longer matches and is replaced next start.
        try SecureFile.write(issued.privateKeyPEM, to: keyFile, mode: 0o600, replacing: true)
        try SecureFile.write(issued.certificatePEM, to: certificateFile, mode: 0o644, replacing: true)
        logger.info(
            "server certificate issued",
            [
                "reason": reason.rawValue, "sha256": issued.certificate.thumbprintHex,
                "names": (required.dns + required.ip).joined(separator: ","),
                "not_after": issued.certificate.notAfter.formatted(.iso8601),
            ]
        )
        return ServerCertificate(
            certificate: issued.certificate,
            certificatePEM: issued.certificatePEM,
            privateKeyPEM: issued.privateKeyPEM,
            certificateFile: certificateFile,
            privateKeyFile: keyFile
        )
    }

    /// Names the certificate by subject and thumbprint; never shows the key.
    public var description: String {
        "ServerCertificate(subject: \(certificate.subject), sha256: \(certificate.thumbprintHex))"
    }

    /// Reflects the certificate and file locations only, so `dump` cannot reveal the private key.
    public var customMirror: Mirror {
        Mirror(self, children: ["certificate": certificate, "certificateFile": certificateFile])
    }

    /// The default names plus `names`, normalized and without duplicates, split into DNS names and IP addresses.
    static func requiredNames(_ names: [String]) throws -> (dns: [String], ip: [String]) {
        var dns: [String] = []
        var ip: [String] = []
        for name in defaultNames + names {
            switch try SubjectName.parse(name) {
            case .dns(let value) where !dns.contains(value): dns.append(value)
            case .ip(let value) where !ip.contains(value): ip.append(value)
            default: break
            }
        }
        return (dns, ip)
    }

    private static func loadExisting(certificateFile: URL, keyFile: URL) -> Result<ServerCertificate, ReissueReason> {
        switch (SecureFile.exists(certificateFile), SecureFile.exists(keyFile)) {
        case (false, false): return .failure(.missing)
        case (true, true): break
        default: return .failure(.incomplete)
        }
        guard let certificatePEM = try? SecureFile.read(certificateFile),
            let keyPEM = try? SecureFile.read(keyFile),
            let certificate = try? CertificateInfo(pem: certificatePEM),
            let key = try? ECSigningKey(pem: keyPEM)
        else {
            return .failure(.unreadable)
        }
        guard (try? ECVerifyingKey(certificate: certificate)) == key.publicKey else {
            return .failure(.keyMismatch)
        }
        return .success(
            ServerCertificate(
                certificate: certificate,
                certificatePEM: certificatePEM,
                privateKeyPEM: keyPEM,
                certificateFile: certificateFile,
                privateKeyFile: keyFile
            )
        )
    }

    private func problem(
        authority: LocalCertificateAuthority,
        required: (dns: [String], ip: [String]),
        now: Date
    ) -> ReissueReason? {
        guard certificate.isIssued(by: authority.certificate) else { return .otherIssuer }
        guard certificate.permits(.server) else { return .wrongUsage }
        let dnsNames = Set(certificate.dnsNames.map { $0.lowercased() })
        let ipAddresses = Set(certificate.ipAddresses)
        guard required.dns.allSatisfy(dnsNames.contains), required.ip.allSatisfy(ipAddresses.contains) else {
            return .namesChanged
        }
        let renewalTime = now.addingTimeInterval(TimeInterval(Self.renewalDays) * 86_400)
        guard certificate.notAfter > renewalTime else { return .expiring }
        return nil
    }
}
