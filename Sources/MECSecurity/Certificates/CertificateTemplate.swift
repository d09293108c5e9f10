import CGnuTLS
import Foundation

/// The fields of a certificate to create, filled into a GnuTLS certificate and signed.
struct CertificateTemplate {
    var commonName: String
    var serialNumber: Data
    var notBefore: Date
    var notAfter: Date
    var isCertificateAuthority: Bool
    /// `GNUTLS_KEY_*` key usage bits.
    var keyUsage: UInt32
    var extendedKeyUsageOIDs: [String] = []
    var dnsNames: [String] = []
    /// Addresses in their 4- or 16-byte form.
    var ipAddresses: [Data] = []

    /// A random positive 16-byte serial number (RFC 5280 allows up to 20 bytes and asks for unpredictability).
    static func randomSerialNumber() throws -> Data {
        var serial = try SecureRandom.bytes(16)
        // Clear the sign bit so the DER integer is positive, and set the next so it keeps all 16 bytes.
        serial[serial.startIndex] = (serial[serial.startIndex] & 0x7f) | 0x40
        return serial
    }

    /// Creates the certificate for `subjectKey`, signed by `issuerKey`.
    ///
    /// - Parameter issuer: the issuing authority certificate, or `nil` for a self-signed certificate, in which case
    ///   `issuerKey` must be the subject's own key.
    func sign(
        subjectKey: ECVerifyingKey,
        issuer: CertificateHandle?,
        issuerKey: ECSigningKey
    ) throws -> CertificateHandle {
        let certificate = try CertificateHandle()
        let crt = certificate.raw
        let publicKey = try PublicKeyHandle(x: subjectKey.x, y: subjectKey.y)
        try GnuTLS.check(gnutls_x509_crt_set_version(crt, 3), "set version")
        let name = Data(commonName.utf8)
        let nameResult = GnuTLS.withDatum(name) { datum in
            // Unsafe: GnuTLS copies the borrowed name bytes during this call.
            gnutls_x509_crt_set_dn_by_oid(crt, "2.5.4.3", 0, datum.pointee.data, datum.pointee.size)
        }
        try GnuTLS.check(nameResult, "set subject", code: .invalidRequest)
        try GnuTLS.check(gnutls_x509_crt_set_pubkey(crt, publicKey.raw), "set public key")
        let serialResult = GnuTLS.withDatum(serialNumber) { datum in
            // Unsafe: GnuTLS copies the borrowed serial bytes during this call.
            gnutls_x509_crt_set_serial(crt, datum.pointee.data, Int(datum.pointee.size))
        }
        try GnuTLS.check(serialResult, "set serial number")
        try GnuTLS.check(gnutls_x509_crt_set_activation_time(crt, time_t(notBefore.timeIntervalSince1970)), "set start")
        try GnuTLS.check(gnutls_x509_crt_set_expiration_time(crt, time_t(notAfter.timeIntervalSince1970)), "set end")
        // Path length 0: the authority signs leaf certificates only.
        let basic = gnutls_x509_crt_set_basic_constraints(
            crt, isCertificateAuthority ? 1 : 0, isCertificateAuthority ? 0 : -1)
        try GnuTLS.check(basic, "set basic constraints")
        try GnuTLS.check(gnutls_x509_crt_set_key_usage(crt, keyUsage), "set key usage")
        for oid in extendedKeyUsageOIDs {
            try GnuTLS.check(gnutls_x509_crt_set_key_purpose_oid(crt, oid, 0), "set extended key usage")
        }
        try addSubjectAltNames(crt)
        let subjectKeyID = try publicKey.keyIdentifier()
        try setKeyIdentifier(subjectKeyID, crt, gnutls_x509_crt_set_subject_key_id, "set subject key identifier")
        let authorityKeyID = try issuer.map(Self.subjectKeyIdentifier) ?? subjectKeyID
        try setKeyIdentifier(authorityKeyID, crt, gnutls_x509_crt_set_authority_key_id, "set authority key identifier")
        let issuerCertificate = issuer?.raw ?? crt
        try issuerKey.withPrivateKey { key in
            try GnuTLS.check(
                gnutls_x509_crt_privkey_sign(crt, issuerCertificate, key.raw, GNUTLS_DIG_SHA256, 0),
                "sign certificate"
            )
        }
        return certificate
    }

    private func addSubjectAltNames(_ crt: gnutls_x509_crt_t) throws {
        let entries =
            dnsNames.map { (GNUTLS_SAN_DNSNAME, Data($0.utf8)) } + ipAddresses.map { (GNUTLS_SAN_IPADDRESS, $0) }
        for (type, value) in entries {
            let result = GnuTLS.withDatum(value) { datum in
                // Unsafe: GnuTLS copies the borrowed name bytes during this call.
                gnutls_x509_crt_set_subject_alt_name(
                    crt, type, datum.pointee.data, datum.pointee.size, UInt32(GNUTLS_FSAN_APPEND))
            }
            try GnuTLS.check(result, "set subject alternative name", code: .invalidName)
        }
    }

    private func setKeyIdentifier(
        _ identifier: Data,
        _ crt: gnutls_x509_crt_t,
        _ setter: (gnutls_x509_crt_t, UnsafeRawPointer?, Int) -> Int32,
        _ operation: String
    ) throws {
        // Unsafe: GnuTLS copies the borrowed identifier bytes during this call.
        let result = GnuTLS.withDatum(identifier) { datum in setter(crt, datum.pointee.data, Int(datum.pointee.size)) }
        try GnuTLS.check(result, operation)
    }

    private static func subjectKeyIdentifier(_ certificate: CertificateHandle) throws -> Data {
        // Unsafe: `readBuffer` hands out a buffer and size that GnuTLS fills within this call.
        let identifier = try GnuTLS.readBuffer("subject key identifier") { buffer, size in
            gnutls_x509_crt_get_subject_key_id(certificate.raw, buffer, size, nil)
        }
        if let identifier {
            return identifier
        }
        return try PublicKeyHandle(certificate: certificate).keyIdentifier()
    }
}
