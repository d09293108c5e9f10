import CGnuTLS
import Foundation
import MECObservability

/// The MEC host's own certificate authority: an EC P-256 key and a self-signed CA certificate in the data directory.
///
/// It issues the host's TLS server certificate and client certificates for applications, so that peers trusting
/// `ca.crt` can check both.
///
/// ```swift
/// let authority = try LocalCertificateAuthority.loadOrCreate(directory: dataDirectory, logger: logger)
/// let client = try authority.issue(CertificateRequest(commonName: "app-1", usage: .client))
/// ```
public struct LocalCertificateAuthority: Sendable, CustomStringConvertible {
    /// The file name of the CA certificate (PEM, mode 0644).
    public static let certificateFileName = "ca.crt"
    /// The file name of the CA private key (PEM, mode 0600).
    public static let privateKeyFileName = "ca.key"
    /// How long a new authority is valid.
    public static let validityDays = 3650

    /// The parsed CA certificate.
    public let certificate: CertificateInfo
    /// The CA certificate in PEM form, for clients to trust.
    public let certificatePEM: String
    /// Where the CA certificate is stored.
    public let certificateFile: URL
    private let signingKey: ECSigningKey

    private init(certificate: CertificateInfo, certificatePEM: String, certificateFile: URL, signingKey: ECSigningKey) {
        self.certificate = certificate
        self.certificatePEM = certificatePEM
        self.certificateFile = certificateFile
        self.signingKey = signingKey
    }

    /// Loads the authority from `directory`, or creates it there when neither file exists.
    ///
    /// An existing authority is never replaced: clients may already trust it.
    ///
    /// - Throws: `SecurityError` with code `incomplete_key_pair` when only one of `ca.crt` and `ca.key` exists,
    ///   `key_mismatch` when they do not belong together, `invalid_certificate` or `verification_failed` when
    ///   `ca.crt` is not a valid, current CA certificate, and `file_system` when files cannot be read or written.
    public static func loadOrCreate(directory: URL, logger: Logger) throws -> LocalCertificateAuthority {
        try SecureFile.createDirectory(directory)
        let certificateFile = directory.appendingPathComponent(certificateFileName)
        let keyFile = directory.appendingPathComponent(privateKeyFileName)
        switch (SecureFile.exists(certificateFile), SecureFile.exists(keyFile)) {
        case (true, true):
            return try load(certificateFile: certificateFile, keyFile: keyFile, logger: logger)
        case (false, false):
            return try create(certificateFile: certificateFile, keyFile: keyFile, logger: logger)
        case (true, false):
            throw SecurityError(
                .incompleteKeyPair,
                "\(certificateFile.path) exists but \(keyFile.path) is missing; restore the key or remove both files"
            )
        case (false, true):
            throw SecurityError(
                .incompleteKeyPair,
                "\(keyFile.path) exists but \(certificateFile.path) is missing; restore the certificate or remove both"
            )
        }
    }

    /// Issues a leaf certificate with a new P-256 key, signed with SHA-256 by this authority.
    ///
    /// The certificate has `CA:FALSE`, key usage `digitalSignature`, the extended key usage of `request.usage`,
    /// the requested subject alternative names, and an authority key identifier. Its validity ends no later than
    /// the authority's.
    ///
    /// - Throws: `SecurityError` with code `invalid_name` for a malformed DNS name or IP address, `invalid_request`
    ///   for an empty common name or a non-positive validity.
    public func issue(_ request: CertificateRequest) throws -> IssuedCertificate {
        guard !request.commonName.isEmpty else {
            throw SecurityError(.invalidRequest, "common name is empty")
        }
        guard request.validityDays > 0 else {
            throw SecurityError(.invalidRequest, "validity must be at least one day")
        }
        let dnsNames = try request.dnsNames.map(SubjectName.dnsName)
        let ipAddresses = try request.ipAddresses.map(SubjectName.ipAddressBytes)
        let now = Date()
        let requestedEnd = now.addingTimeInterval(TimeInterval(request.validityDays) * 86_400)
        let template = CertificateTemplate(
            commonName: request.commonName,
            serialNumber: try CertificateTemplate.randomSerialNumber(),
            notBefore: Self.backdated(now),
            notAfter: min(requestedEnd, certificate.notAfter),
            isCertificateAuthority: false,
            keyUsage: UInt32(GNUTLS_KEY_DIGITAL_SIGNATURE),
            extendedKeyUsageOIDs: [request.usage.extendedKeyUsageOID],
            dnsNames: dnsNames,
            ipAddresses: ipAddresses
        )
        let key = try ECSigningKey.generate()
        let issuer = try CertificateHandle(certificate.der, format: GNUTLS_X509_FMT_DER)
        let handle = try template.sign(subjectKey: key.publicKey, issuer: issuer, issuerKey: signingKey)
        // Parse the exported bytes: GnuTLS does not read back every extension from a certificate it just signed.
        let info = try CertificateInfo(der: handle.der())
        return IssuedCertificate(
            certificatePEM: try handle.pem(),
            privateKeyPEM: key.pemRepresentation,
            certificateDER: info.der,
            certificate: info
        )
    }

    /// Checks that this authority signed `certificate` and that it is currently valid.
    ///
    /// - Throws: `SecurityError` with code `verification_failed` and the reasons.
    public func verify(_ certificate: CertificateInfo) throws {
        try certificate.verify(issuedBy: self.certificate)
    }

    /// Names the authority by subject and thumbprint; never shows the key.
    public var description: String {
        "LocalCertificateAuthority(subject: \(certificate.subject), sha256: \(certificate.thumbprintHex))"
    }

    /// Start validity a little in the past so that peers with slightly slow clocks accept new certificates.
    static func backdated(_ date: Date) -> Date {
        date.addingTimeInterval(-300)
    }

    private static func load(certificateFile: URL, keyFile: URL, logger: Logger) throws -> LocalCertificateAuthority {
        if let mode = SecureFile.permissions(keyFile), mode & 0o077 != 0 {
            logger.warning(
                "private key file is accessible to other users",
                ["file": keyFile.path, "mode": String(mode, radix: 8)]
            )
        }
        let certificatePEM = try SecureFile.read(certificateFile)
        let certificate: CertificateInfo
        let key: ECSigningKey
        do {
            certificate = try CertificateInfo(pem: certificatePEM)
        } catch let error as SecurityError {
            throw SecurityError(error.code, "\(certificateFile.path): \(error.detail)")
        }
        do {
            key = try ECSigningKey(pem: SecureFile.read(keyFile))
        } catch let error as SecurityError {
            throw SecurityError(error.code, "\(keyFile.path): \(error.detail)")
        }
        guard certificate.isCertificateAuthority else {
            throw SecurityError(.invalidCertificate, "\(certificateFile.path) is not a CA certificate")
        }
        guard (try? ECVerifyingKey(certificate: certificate)) == key.publicKey else {
            throw SecurityError(
                .keyMismatch,
                "\(keyFile.path) is not the private key of \(certificateFile.path); restore the matching pair"
            )
        }
        do {
            try certificate.verify(issuedBy: certificate)
        } catch let error as SecurityError {
            throw SecurityError(error.code, "\(certificateFile.path) is not a valid self-signed CA: \(error.detail)")
        }
        logger.debug(
            "certificate authority loaded",
            ["subject": certificate.subject, "sha256": certificate.thumbprintHex]
        )
        return LocalCertificateAuthority(
            certificate: certificate,
            certificatePEM: certificatePEM,
            certificateFile: certificateFile,
            signingKey: key
        )
    }

    private static func create(certificateFile: URL, keyFile: URL, logger: Logger) throws -> LocalCertificateAuthority {
        let key = try ECSigningKey.generate()
        let now = Date()
        let template = CertificateTemplate(
            commonName: "swift-mec local CA \(Hex.encode(try SecureRandom.bytes(4)))",
            serialNumber: try CertificateTemplate.randomSerialNumber(),
            notBefore: backdated(now),
            notAfter: now.addingTimeInterval(TimeInterval(validityDays) * 86_400),
            isCertificateAuthority: true,
            keyUsage: UInt32(GNUTLS_KEY_KEY_CERT_SIGN | GNUTLS_KEY_CRL_SIGN)
        )
        let handle = try template.sign(subjectKey: key.publicKey, issuer: nil, issuerKey: key)
        let certificatePEM = try handle.pem()
        let certificate = try CertificateInfo(der: handle.der())
        // Key first: a crash in between leaves a lone key, which the next start reports instead of using.
        try SecureFile.write(key.pemRepresentation, to: keyFile, mode: 0o600, replacing: false)
        try SecureFile.write(certificatePEM, to: certificateFile, mode: 0o644, replacing: false)
        logger.info(
            "certificate authority created",
            [
                "subject": certificate.subject, "sha256": certificate.thumbprintHex,
                "not_after": certificate.notAfter.formatted(.iso8601), "file": certificateFile.path,
            ]
        )
        return LocalCertificateAuthority(
            certificate: certificate,
            certificatePEM: certificatePEM,
            certificateFile: certificateFile,
            signingKey: key
        )
    }
}
