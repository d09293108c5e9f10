import CGnuTLS
import Foundation

/// The parsed contents of an X.509 certificate: names, validity, thumbprint and issuer checks.
///
/// A value type holding the DER bytes and the fields read from them; safe to share across tasks.
///
/// ```swift
/// let info = try CertificateInfo(pem: clientCertificatePEM)
/// let bound = info.thumbprintBase64URL  // the `x5t#S256` confirmation of RFC 8705
/// ```
public struct CertificateInfo: Hashable, Sendable {
    /// The certificate in DER form.
    public let der: Data
    /// The subject distinguished name in RFC 4514 form, as GnuTLS prints it (`CN=localhost`).
    public let subject: String
    /// The issuer distinguished name in RFC 4514 form.
    public let issuer: String
    /// The serial number as unsigned big-endian bytes.
    public let serialNumber: Data
    /// The start of the validity period.
    public let notBefore: Date
    /// The end of the validity period.
    public let notAfter: Date
    /// DNS names from the subject alternative name extension, in certificate order.
    public let dnsNames: [String]
    /// IP addresses from the subject alternative name extension in canonical text form (`127.0.0.1`, `::1`).
    public let ipAddresses: [String]
    /// Extended key usage object identifiers; empty when the extension is absent.
    public let extendedKeyUsageOIDs: [String]
    /// Whether basic constraints mark this certificate as a certificate authority.
    public let isCertificateAuthority: Bool
    /// The SHA-256 digest of the DER certificate.
    public let sha256Thumbprint: Data

    /// Parses a DER certificate.
    ///
    /// - Throws: `SecurityError` with code `invalid_certificate` when the bytes are not a certificate.
    public init(der: Data) throws {
        try self.init(handle: CertificateHandle(der, format: GNUTLS_X509_FMT_DER))
    }

    /// Parses the first certificate of a PEM text.
    ///
    /// - Throws: `SecurityError` with code `invalid_certificate` when the text holds no certificate.
    public init(pem: String) throws {
        try self.init(handle: CertificateHandle(Data(pem.utf8), format: GNUTLS_X509_FMT_PEM))
    }

    init(handle: CertificateHandle) throws {
        let crt = handle.raw
        der = try handle.der()
        subject = try Self.text(
            GnuTLS.takeDatum("subject") { gnutls_x509_crt_get_dn3(crt, $0, 0) }
        )
        issuer = try Self.text(
            GnuTLS.takeDatum("issuer") { gnutls_x509_crt_get_issuer_dn3(crt, $0, 0) }
        )
        // Unsafe: `readBuffer` hands out a buffer and size that GnuTLS fills within this call.
        let serial = try GnuTLS.readBuffer("serial number") { gnutls_x509_crt_get_serial(crt, $0, $1) }
        serialNumber = BigEndianInteger.minimal(serial ?? Data())
        notBefore = Date(timeIntervalSince1970: TimeInterval(gnutls_x509_crt_get_activation_time(crt)))
        notAfter = Date(timeIntervalSince1970: TimeInterval(gnutls_x509_crt_get_expiration_time(crt)))
        let names = try Self.subjectAltNames(crt)
        dnsNames = names.dns
        ipAddresses = names.ip
        extendedKeyUsageOIDs = try Self.extendedKeyUsages(crt)
        var critical: UInt32 = 0
        var ca: UInt32 = 0
        var pathLength: Int32 = 0
        isCertificateAuthority = gnutls_x509_crt_get_basic_constraints(crt, &critical, &ca, &pathLength) >= 0 && ca != 0
        sha256Thumbprint = SHA256.hash(der)
    }

    /// The certificate in PEM form.
    public var pem: String {
        let body = der.base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return "-----BEGIN CERTIFICATE-----\n\(body)\n-----END CERTIFICATE-----\n"
    }

    /// The SHA-256 thumbprint in unpadded base64url, the `x5t#S256` value of RFC 8705.
    public var thumbprintBase64URL: String { Base64URL.encode(sha256Thumbprint) }

    /// The SHA-256 thumbprint in lowercase hexadecimal.
    public var thumbprintHex: String { Hex.encode(sha256Thumbprint) }

    /// The serial number in lowercase hexadecimal.
    public var serialNumberHex: String { Hex.encode(serialNumber) }

    /// Whether the certificate allows `usage` in its extended key usage extension.
    public func permits(_ usage: CertificateUsage) -> Bool {
        extendedKeyUsageOIDs.contains(usage.extendedKeyUsageOID)
    }

    /// Checks that `issuer`, taken as a trusted authority, signed this certificate and that both are currently valid.
    ///
    /// The check is cryptographic (the signature, not only the issuer name) and includes the CA flag of `issuer`.
    ///
    /// - Throws: `SecurityError` with code `verification_failed` and the reasons GnuTLS gives.
    public func verify(issuedBy issuer: CertificateInfo) throws {
        let certificate = try CertificateHandle(der, format: GNUTLS_X509_FMT_DER)
        let authority = try CertificateHandle(issuer.der, format: GNUTLS_X509_FMT_DER)
        var status: UInt32 = 0
        var authorities: [gnutls_x509_crt_t?] = [authority.raw]
        // Unsafe: GnuTLS reads the one-element array only during this call, while `authority` is alive.
        let result = gnutls_x509_crt_verify(certificate.raw, &authorities, 1, 0, &status)
        try GnuTLS.check(result, "certificate verification", code: .verificationFailed)
        guard status == 0 else {
            throw SecurityError(.verificationFailed, Self.describe(status: status))
        }
    }

    /// Whether ``verify(issuedBy:)`` succeeds.
    public func isIssued(by issuer: CertificateInfo) -> Bool {
        (try? verify(issuedBy: issuer)) != nil
    }

    private static func text(_ data: Data) -> String {
        String(decoding: data, as: UTF8.self)
    }

    private static func describe(status: UInt32) -> String {
        let text = try? GnuTLS.takeDatum("verification status") {
            gnutls_certificate_verification_status_print(status, GNUTLS_CRT_X509, $0, 0)
        }
        return text.map { String(decoding: $0, as: UTF8.self) } ?? "verification status \(status)"
    }

    private static func subjectAltNames(_ crt: gnutls_x509_crt_t) throws -> (dns: [String], ip: [String]) {
        var dns: [String] = []
        var ip: [String] = []
        var sequence: UInt32 = 0
        while true {
            var type: UInt32 = 0
            // Unsafe: `readBuffer` hands out a buffer and size that GnuTLS fills within this call.
            let value = try GnuTLS.readBuffer("subject alternative name") { buffer, size in
                gnutls_x509_crt_get_subject_alt_name2(crt, sequence, buffer, size, &type, nil)
            }
            guard let value else { break }
            if type == GNUTLS_SAN_DNSNAME.rawValue {
                dns.append(String(decoding: value, as: UTF8.self))
            } else if type == GNUTLS_SAN_IPADDRESS.rawValue, let address = IPAddressLiteral.text(value) {
                ip.append(address)
            }
            sequence += 1
        }
        return (dns, ip)
    }

    private static func extendedKeyUsages(_ crt: gnutls_x509_crt_t) throws -> [String] {
        var oids: [String] = []
        var index: UInt32 = 0
        while true {
            // Unsafe: `readBuffer` hands out a buffer and size that GnuTLS fills within this call.
            let value = try GnuTLS.readBuffer("extended key usage") { buffer, size in
                gnutls_x509_crt_get_key_purpose_oid(crt, index, buffer, size, nil)
            }
            guard let value else { break }
            // GnuTLS counts the terminating zero byte in the reported size.
            oids.append(String(decoding: value.prefix { $0 != 0 }, as: UTF8.self))
            index += 1
        }
        return oids
    }
}
