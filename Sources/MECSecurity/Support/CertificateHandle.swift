import CGnuTLS
import Foundation

/// Owns a GnuTLS certificate structure and frees it when released; used within one call, never shared.
final class CertificateHandle {
    let raw: gnutls_x509_crt_t

    /// An empty certificate to fill in and sign.
    init() throws {
        var handle: gnutls_x509_crt_t?
        try GnuTLS.check(gnutls_x509_crt_init(&handle), "gnutls_x509_crt_init")
        guard let handle else { throw SecurityError(.cryptoFailure, "gnutls_x509_crt_init returned no handle") }
        raw = handle
    }

    /// Parses one certificate in DER or PEM form (the first one when a PEM file holds several).
    convenience init(_ data: Data, format: gnutls_x509_crt_fmt_t) throws {
        try self.init()
        let result = GnuTLS.withDatum(data) { gnutls_x509_crt_import(raw, $0, format) }
        try GnuTLS.check(result, "certificate import", code: .invalidCertificate)
    }

    deinit {
        gnutls_x509_crt_deinit(raw)
    }

    /// The certificate in DER form.
    func der() throws -> Data {
        try GnuTLS.takeDatum("certificate export") { gnutls_x509_crt_export2(raw, GNUTLS_X509_FMT_DER, $0) }
    }

    /// The certificate in PEM form.
    func pem() throws -> String {
        let data = try GnuTLS.takeDatum("certificate export") { gnutls_x509_crt_export2(raw, GNUTLS_X509_FMT_PEM, $0) }
        return String(decoding: data, as: UTF8.self)
    }
}
