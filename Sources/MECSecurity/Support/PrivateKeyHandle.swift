import CGnuTLS
import Foundation

/// Owns a GnuTLS private key and frees it when released; callers serialize access to it.
final class PrivateKeyHandle {
    let raw: gnutls_privkey_t

    private init(empty: Void) throws {
        var handle: gnutls_privkey_t?
        try GnuTLS.check(gnutls_privkey_init(&handle), "gnutls_privkey_init")
        guard let handle else { throw SecurityError(.cryptoFailure, "gnutls_privkey_init returned no handle") }
        raw = handle
    }

    deinit {
        gnutls_privkey_deinit(raw)
    }

    /// Generates a new EC P-256 key.
    static func generateP256() throws -> PrivateKeyHandle {
        let key = try PrivateKeyHandle(empty: ())
        let bits = mec_gnutls_curve_to_bits(GNUTLS_ECC_CURVE_SECP256R1)
        try GnuTLS.check(gnutls_privkey_generate2(key.raw, GNUTLS_PK_ECDSA, bits, 0, nil, 0), "key generation")
        return key
    }

    /// Parses a PEM private key (PKCS#8 `PRIVATE KEY` or SEC1 `EC PRIVATE KEY`, unencrypted).
    static func parse(pem: String) throws -> PrivateKeyHandle {
        let key = try PrivateKeyHandle(empty: ())
        let result = GnuTLS.withDatum(Data(pem.utf8)) {
            gnutls_privkey_import_x509_raw(key.raw, $0, GNUTLS_X509_FMT_PEM, nil, 0)
        }
        try GnuTLS.check(result, "private key import", code: .invalidKey)
        return key
    }

    /// The key as unencrypted PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`).
    func pkcs8PEM() throws -> String {
        var exported: gnutls_x509_privkey_t?
        try GnuTLS.check(gnutls_privkey_export_x509(raw, &exported), "private key export")
        guard let exported else { throw SecurityError(.cryptoFailure, "private key export returned no key") }
        defer { gnutls_x509_privkey_deinit(exported) }
        let data = try GnuTLS.takeDatum("private key export") {
            gnutls_x509_privkey_export2_pkcs8(exported, GNUTLS_X509_FMT_PEM, nil, GNUTLS_PKCS_PLAIN.rawValue, $0)
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Signs `data` with ECDSA over SHA-256, returning the DER `ECDSA-Sig-Value`.
    func signDER(_ data: Data) throws -> Data {
        try GnuTLS.withDatum(data) { input in
            try GnuTLS.takeDatum("signing") { gnutls_privkey_sign_data2(raw, GNUTLS_SIGN_ECDSA_SHA256, 0, input, $0) }
        }
    }
}
