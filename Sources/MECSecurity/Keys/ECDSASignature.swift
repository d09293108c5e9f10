import CGnuTLS
import Foundation

/// Converts P-256 ECDSA signatures between the DER form of X.509 and TLS and the raw `r || s` form of JWS.
enum ECDSASignature {
    /// The length of one P-256 scalar.
    static let scalarLength = 32

    /// Raw `r || s` (64 bytes) from a DER `ECDSA-Sig-Value`.
    static func raw(fromDER der: Data) throws -> Data {
        var r = gnutls_datum_t(data: nil, size: 0)
        var s = gnutls_datum_t(data: nil, size: 0)
        let result = GnuTLS.withDatum(der) { gnutls_decode_rs_value($0, &r, &s) }
        defer {
            mec_gnutls_free(r.data)
            mec_gnutls_free(s.data)
        }
        try GnuTLS.check(result, "signature decoding")
        guard let rFixed = BigEndianInteger.fixedWidth(GnuTLS.copy(r), width: scalarLength),
            let sFixed = BigEndianInteger.fixedWidth(GnuTLS.copy(s), width: scalarLength)
        else {
            throw SecurityError(.cryptoFailure, "signature scalar longer than 32 bytes")
        }
        return rFixed + sFixed
    }

    /// A DER `ECDSA-Sig-Value` from raw `r || s`; `nil` unless the input is exactly 64 bytes.
    static func der(fromRaw raw: Data) -> Data? {
        guard raw.count == 2 * scalarLength else { return nil }
        let r = BigEndianInteger.minimal(raw.prefix(scalarLength))
        let s = BigEndianInteger.minimal(raw.suffix(scalarLength))
        return GnuTLS.withDatum(r) { rDatum in
            GnuTLS.withDatum(s) { sDatum in
                try? GnuTLS.takeDatum("signature encoding") { gnutls_encode_rs_value($0, rDatum, sDatum) }
            }
        }
    }
}
