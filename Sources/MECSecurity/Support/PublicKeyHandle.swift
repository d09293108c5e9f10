import CGnuTLS
import Foundation

/// Owns a GnuTLS public key and frees it when released; used within one call, never shared.
final class PublicKeyHandle {
    let raw: gnutls_pubkey_t

    private init(empty: Void) throws {
        var handle: gnutls_pubkey_t?
        try GnuTLS.check(gnutls_pubkey_init(&handle), "gnutls_pubkey_init")
        guard let handle else { throw SecurityError(.cryptoFailure, "gnutls_pubkey_init returned no handle") }
        raw = handle
    }

    deinit {
        gnutls_pubkey_deinit(raw)
    }

    /// The public half of a private key.
    convenience init(privateKey: PrivateKeyHandle) throws {
        try self.init(empty: ())
        try GnuTLS.check(gnutls_pubkey_import_privkey(raw, privateKey.raw, 0, 0), "public key from private key")
    }

    /// The subject public key of a certificate.
    convenience init(certificate: CertificateHandle) throws {
        try self.init(empty: ())
        try GnuTLS.check(gnutls_pubkey_import_x509(raw, certificate.raw, 0), "public key from certificate")
    }

    /// A P-256 point from its coordinates.
    convenience init(x: Data, y: Data) throws {
        try self.init(empty: ())
        let result = GnuTLS.withDatum(x) { xDatum in
            GnuTLS.withDatum(y) { yDatum in
                gnutls_pubkey_import_ecc_raw(raw, GNUTLS_ECC_CURVE_SECP256R1, xDatum, yDatum)
            }
        }
        try GnuTLS.check(result, "public key import", code: .invalidKey)
        try GnuTLS.check(gnutls_pubkey_verify_params(raw), "public key check", code: .invalidKey)
    }

    /// A PEM `PUBLIC KEY` (SubjectPublicKeyInfo).
    convenience init(pem: String) throws {
        try self.init(empty: ())
        let result = GnuTLS.withDatum(Data(pem.utf8)) { gnutls_pubkey_import(raw, $0, GNUTLS_X509_FMT_PEM) }
        try GnuTLS.check(result, "public key import", code: .invalidKey)
    }

    /// The affine coordinates of a P-256 key, each exactly 32 bytes; throws for any other key type.
    func p256Coordinates() throws -> (x: Data, y: Data) {
        var curve = GNUTLS_ECC_CURVE_INVALID
        var x = gnutls_datum_t(data: nil, size: 0)
        var y = gnutls_datum_t(data: nil, size: 0)
        let result = gnutls_pubkey_export_ecc_raw2(raw, &curve, &x, &y, GNUTLS_EXPORT_FLAG_NO_LZ.rawValue)
        defer {
            mec_gnutls_free(x.data)
            mec_gnutls_free(y.data)
        }
        try GnuTLS.check(result, "public key export", code: .invalidKey)
        guard curve == GNUTLS_ECC_CURVE_SECP256R1 else {
            throw SecurityError(.invalidKey, "key is not on curve P-256")
        }
        guard let xFixed = BigEndianInteger.fixedWidth(GnuTLS.copy(x), width: 32),
            let yFixed = BigEndianInteger.fixedWidth(GnuTLS.copy(y), width: 32)
        else {
            throw SecurityError(.invalidKey, "P-256 coordinate longer than 32 bytes")
        }
        return (xFixed, yFixed)
    }

    /// The key in PEM `PUBLIC KEY` form.
    func pem() throws -> String {
        let data = try GnuTLS.takeDatum("public key export") { gnutls_pubkey_export2(raw, GNUTLS_X509_FMT_PEM, $0) }
        return String(decoding: data, as: UTF8.self)
    }

    /// The SHA-1 key identifier of RFC 5280 section 4.2.1.2, method 1.
    func keyIdentifier() throws -> Data {
        let identifier = try GnuTLS.readBuffer("key identifier") { buffer, size in
            // Unsafe: the buffer is plain bytes that GnuTLS fills during this call.
            gnutls_pubkey_get_key_id(raw, 0, buffer.assumingMemoryBound(to: UInt8.self), size)
        }
        guard let identifier else { throw SecurityError(.cryptoFailure, "key identifier unavailable") }
        return identifier
    }

    /// Whether `signature` (DER `ECDSA-Sig-Value`) is a valid ECDSA SHA-256 signature of `data`.
    func verifyDER(signature: Data, data: Data) -> Bool {
        let result = GnuTLS.withDatum(data) { dataDatum in
            GnuTLS.withDatum(signature) { signatureDatum in
                gnutls_pubkey_verify_data2(raw, GNUTLS_SIGN_ECDSA_SHA256, 0, dataDatum, signatureDatum)
            }
        }
        return result >= 0
    }
}
