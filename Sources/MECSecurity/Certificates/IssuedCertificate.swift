import Foundation

/// A leaf certificate together with its newly generated private key.
public struct IssuedCertificate: Sendable, CustomStringConvertible, CustomReflectable {
    /// The certificate in PEM form.
    public let certificatePEM: String
    /// The private key as unencrypted PKCS#8 PEM, readable by GnuTLS and OpenSSL. Store it with mode 0600.
    public let privateKeyPEM: String
    /// The certificate in DER form.
    public let certificateDER: Data
    /// The parsed certificate.
    public let certificate: CertificateInfo

    /// Names the certificate by subject and serial; never shows the private key.
    public var description: String {
        "IssuedCertificate(subject: \(certificate.subject), serial: \(certificate.serialNumberHex))"
    }

    /// Reflects the certificate only, so `dump` cannot reveal the private key.
    public var customMirror: Mirror {
        Mirror(self, children: ["certificate": certificate])
    }
}
