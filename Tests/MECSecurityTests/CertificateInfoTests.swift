import Foundation
import MECObservability
import MECSecurity
import Testing

@Suite("Certificate info")
struct CertificateInfoTests {
    let logger = Logger(label: "test", level: .debug, sink: MemoryLogSink())

    @Test("The SHA-256 thumbprint equals OpenSSL's digest of the DER certificate")
    func thumbprintMatchesOpenSSL() throws {
        try withTemporaryDirectory { directory in
            let authority = try LocalCertificateAuthority.loadOrCreate(directory: directory.url, logger: logger)
            let issued = try authority.issue(CertificateRequest(commonName: "app-1", usage: .client))
            let der = try OpenSSL.check(["x509", "-outform", "DER"], input: Data(issued.certificatePEM.utf8)).stdout
            #expect(der == issued.certificateDER)
            let digest = try OpenSSL.check(["dgst", "-sha256", "-binary"], input: der).stdout
            let base64 = try OpenSSL.check(["base64", "-A"], input: digest).text
            let expected = base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
            #expect(issued.certificate.sha256Thumbprint == digest)
            #expect(issued.certificate.thumbprintBase64URL == expected)
            #expect(issued.certificate.thumbprintBase64URL.count == 43)
            #expect(issued.certificate.thumbprintHex == digest.map { String(format: "%02x", $0) }.joined())
        }
    }

    @Test("PEM and DER parsing give the same fields, matching OpenSSL's serial")
    func pemAndDERAgree() throws {
        try withTemporaryDirectory { directory in
            let authority = try LocalCertificateAuthority.loadOrCreate(directory: directory.url, logger: logger)
            let issued = try authority.issue(
                CertificateRequest(
                    commonName: "svc", dnsNames: ["svc.local"], ipAddresses: ["10.0.0.1"], usage: .server)
            )
            let fromPEM = try CertificateInfo(pem: issued.certificatePEM)
            let fromDER = try CertificateInfo(der: issued.certificateDER)
            #expect(fromPEM == fromDER)
            #expect(try CertificateInfo(pem: fromDER.pem) == fromDER)
            let serial = try OpenSSL.check(["x509", "-noout", "-serial"], input: Data(issued.certificatePEM.utf8)).text
            #expect(
                serial.trimmingCharacters(in: .whitespacesAndNewlines)
                    == "serial=\(fromDER.serialNumberHex.uppercased())")
            #expect(fromDER.ipAddresses == ["10.0.0.1"])
            #expect(fromDER.dnsNames == ["svc.local"])
        }
    }

    @Test("Names, validity and usage of a certificate made by OpenSSL are read")
    func opensslCertificateIsParsed() throws {
        try withTemporaryDirectory { directory in
            let key = directory.file("key.pem").path
            let certificate = directory.file("cert.pem").path
            try OpenSSL.check([
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", key,
                "-out", certificate, "-days", "30", "-subj", "/C=FI/O=Edge, Inc./CN=client-7",
                "-addext", "subjectAltName=DNS:a.example,IP:198.51.100.7,IP:fe80::1,DNS:b.example",
                "-addext", "extendedKeyUsage=clientAuth",
            ])
            let info = try CertificateInfo(pem: String(contentsOfFile: certificate, encoding: .utf8))
            #expect(info.subject == "CN=client-7,O=Edge\\, Inc.,C=FI")
            #expect(info.issuer == info.subject)
            #expect(info.dnsNames == ["a.example", "b.example"])
            #expect(info.ipAddresses == ["198.51.100.7", "fe80::1"])
            #expect(info.permits(.client))
            let days = info.notAfter.timeIntervalSince(info.notBefore) / 86_400
            #expect(days > 29.9 && days < 30.1)
        }
    }

    @Test("A certificate from another CA fails verification")
    func otherAuthorityFailsVerification() throws {
        try withTemporaryDirectory { directory in
            try withTemporaryDirectory { otherDirectory in
                let authority = try LocalCertificateAuthority.loadOrCreate(directory: directory.url, logger: logger)
                let other = try LocalCertificateAuthority.loadOrCreate(directory: otherDirectory.url, logger: logger)
                let issued = try other.issue(CertificateRequest(commonName: "intruder", usage: .client))
                #expect(issued.certificate.isIssued(by: other.certificate))
                #expect(!issued.certificate.isIssued(by: authority.certificate))
                let error = #expect(throws: SecurityError.self) { try authority.verify(issued.certificate) }
                #expect(error?.code == .verificationFailed)

                let file = directory.file("intruder.crt").path
                try issued.certificatePEM.write(toFile: file, atomically: true, encoding: .utf8)
                let openssl = try OpenSSL.run(["verify", "-CAfile", authority.certificateFile.path, file])
                #expect(openssl.status != 0)
            }
        }
    }

    @Test("A leaf certificate is not accepted as the issuer of another leaf")
    func leafIsNotAnIssuer() throws {
        try withTemporaryDirectory { directory in
            let authority = try LocalCertificateAuthority.loadOrCreate(directory: directory.url, logger: logger)
            let first = try authority.issue(CertificateRequest(commonName: "one", usage: .client))
            let second = try authority.issue(CertificateRequest(commonName: "two", usage: .client))
            #expect(!second.certificate.isIssued(by: first.certificate))
        }
    }

    @Test(
        "Garbage is rejected as a certificate",
        arguments: ["", "hello", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"])
    func garbageIsRejected(text: String) {
        let error = #expect(throws: SecurityError.self) { try CertificateInfo(pem: text) }
        #expect(error?.code == .invalidCertificate)
        #expect(throws: SecurityError.self) { try CertificateInfo(der: Data(text.utf8)) }
    }
}
