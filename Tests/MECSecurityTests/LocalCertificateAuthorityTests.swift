import Foundation
import MECObservability
import MECSecurity
import Testing

@Suite("Local certificate authority")
struct LocalCertificateAuthorityTests {
    let logger = Logger(label: "test", level: .debug, sink: MemoryLogSink())

    @Test("A new authority writes a 0600 key and a 0644 certificate")
    func newAuthorityWritesFilesWithModes() throws {
        try withTemporaryDirectory { directory in
            let authority = try LocalCertificateAuthority.loadOrCreate(directory: directory.url, logger: logger)
            #expect(try permissions(directory.file("ca.key")) == 0o600)
            #expect(try permissions(directory.file("ca.crt")) == 0o644)
            #expect(authority.certificateFile == directory.file("ca.crt"))
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.url.path)
            #expect(Set(leftovers) == ["ca.crt", "ca.key"])
        }
    }

    @Test("The CA certificate is a self-signed P-256 authority that OpenSSL accepts")
    func certificateHasAuthorityExtensions() throws {
        try withTemporaryDirectory { directory in
            let authority = try LocalCertificateAuthority.loadOrCreate(directory: directory.url, logger: logger)
            let certificate = authority.certificate
            #expect(certificate.subject.hasPrefix("CN=swift-mec local CA "))
            #expect(certificate.subject == certificate.issuer)
            #expect(certificate.isCertificateAuthority)
            #expect(certificate.serialNumber.count == 16)
            let years = certificate.notAfter.timeIntervalSince(certificate.notBefore) / (365 * 86_400)
            #expect(years > 9.9 && years < 10.1)

            let ca = directory.file("ca.crt").path
            let text = try OpenSSL.check(["x509", "-in", ca, "-noout", "-text"]).text
            #expect(text.contains("X509v3 Basic Constraints: critical"))
            #expect(text.contains("CA:TRUE"))
            #expect(text.contains("Certificate Sign, CRL Sign"))
            #expect(text.contains("X509v3 Subject Key Identifier"))
            #expect(text.contains("ecdsa-with-SHA256"))
            #expect(text.contains("prime256v1") || text.contains("P-256"))
            try OpenSSL.check(["verify", "-CAfile", ca, ca])
            try OpenSSL.check(["pkey", "-in", directory.file("ca.key").path, "-noout"])
        }
    }

    @Test("Loading again reuses the same authority")
    func secondLoadReusesAuthority() throws {
        try withTemporaryDirectory { directory in
            let first = try LocalCertificateAuthority.loadOrCreate(directory: directory.url, logger: logger)
            let keyBefore = try Data(contentsOf: directory.file("ca.key"))
            let second = try LocalCertificateAuthority.loadOrCreate(directory: directory.url, logger: logger)
            #expect(second.certificate.der == first.certificate.der)
            #expect(try Data(contentsOf: directory.file("ca.key")) == keyBefore)
            // A certificate from the reloaded authority verifies against the original one.
            let issued = try second.issue(CertificateRequest(commonName: "app", usage: .client))
            try first.verify(issued.certificate)
        }
    }

    @Test("A missing directory is created")
    func missingDirectoryIsCreated() throws {
        try withTemporaryDirectory { directory in
            let nested = directory.url.appendingPathComponent("data/pki")
            _ = try LocalCertificateAuthority.loadOrCreate(directory: nested, logger: logger)
            #expect(FileManager.default.fileExists(atPath: nested.appendingPathComponent("ca.key").path))
        }
    }

    @Test("Only one file of the pair is refused", arguments: ["ca.crt", "ca.key"])
    func incompletePairIsRefused(remaining: String) throws {
        try withTemporaryDirectory { directory in
            _ = try LocalCertificateAuthority.loadOrCreate(directory: directory.url, logger: logger)
            let removed = remaining == "ca.crt" ? "ca.key" : "ca.crt"
            try FileManager.default.removeItem(at: directory.file(removed))
            let error = #expect(throws: SecurityError.self) {
                try LocalCertificateAuthority.loadOrCreate(directory: directory.url, logger: logger)
            }
            #expect(error?.code == .incompleteKeyPair)
            #expect(error?.detail.contains(removed) == true)
            // The remaining file is left alone.
            #expect(FileManager.default.fileExists(atPath: directory.file(remaining).path))
            #expect(!FileManager.default.fileExists(atPath: directory.file(removed).path))
        }
    }

    @Test("A key that does not belong to the certificate is refused")
    func mismatchedPairIsRefused() throws {
        try withTemporaryDirectory { directory in
            try withTemporaryDirectory { other in
                _ = try LocalCertificateAuthority.loadOrCreate(directory: directory.url, logger: logger)
                _ = try LocalCertificateAuthority.loadOrCreate(directory: other.url, logger: logger)
                try FileManager.default.removeItem(at: directory.file("ca.key"))
                try FileManager.default.copyItem(at: other.file("ca.key"), to: directory.file("ca.key"))
                let error = #expect(throws: SecurityError.self) {
                    try LocalCertificateAuthority.loadOrCreate(directory: directory.url, logger: logger)
                }
                #expect(error?.code == .keyMismatch)
            }
        }
    }

    @Test("A leaf certificate in place of the CA certificate is refused")
    func leafCertificateIsNotAnAuthority() throws {
        try withTemporaryDirectory { directory in
            let authority = try LocalCertificateAuthority.loadOrCreate(directory: directory.url, logger: logger)
            let leaf = try authority.issue(CertificateRequest(commonName: "leaf", usage: .server))
            try leaf.certificatePEM.write(to: directory.file("ca.crt"), atomically: true, encoding: .utf8)
            try leaf.privateKeyPEM.write(to: directory.file("ca.key"), atomically: true, encoding: .utf8)
            let error = #expect(throws: SecurityError.self) {
                try LocalCertificateAuthority.loadOrCreate(directory: directory.url, logger: logger)
            }
            #expect(error?.code == .invalidCertificate)
        }
    }

    @Test("Garbage in the key file is reported as an invalid key")
    func garbageKeyIsRefused() throws {
        try withTemporaryDirectory { directory in
            _ = try LocalCertificateAuthority.loadOrCreate(directory: directory.url, logger: logger)
            try "not a key".write(to: directory.file("ca.key"), atomically: true, encoding: .utf8)
            let error = #expect(throws: SecurityError.self) {
                try LocalCertificateAuthority.loadOrCreate(directory: directory.url, logger: logger)
            }
            #expect(error?.code == .invalidKey)
        }
    }

    @Test("A client certificate carries clientAuth, CA:FALSE and the requested names")
    func clientCertificateHasClientAuth() throws {
        try withTemporaryDirectory { directory in
            let authority = try LocalCertificateAuthority.loadOrCreate(directory: directory.url, logger: logger)
            let issued = try authority.issue(
                CertificateRequest(commonName: "app-1", dnsNames: ["app-1.mec.local"], usage: .client)
            )
            #expect(issued.certificate.permits(.client))
            #expect(!issued.certificate.permits(.server))
            #expect(!issued.certificate.isCertificateAuthority)
            #expect(issued.certificate.subject == "CN=app-1")
            #expect(issued.certificate.issuer == authority.certificate.subject)
            #expect(issued.certificate.dnsNames == ["app-1.mec.local"])
            let days = issued.certificate.notAfter.timeIntervalSinceNow / 86_400
            #expect(days > 364 && days <= 365)

            let certificateFile = directory.file("client.crt")
            try issued.certificatePEM.write(to: certificateFile, atomically: true, encoding: .utf8)
            let eku = try OpenSSL.check(["x509", "-in", certificateFile.path, "-noout", "-ext", "extendedKeyUsage"])
            #expect(eku.text.contains("TLS Web Client Authentication"))
            #expect(!eku.text.contains("TLS Web Server Authentication"))
            let text = try OpenSSL.check(["x509", "-in", certificateFile.path, "-noout", "-text"]).text
            #expect(text.contains("CA:FALSE"))
            #expect(text.contains("Digital Signature"))
            #expect(text.contains("X509v3 Authority Key Identifier"))
            try OpenSSL.check(
                ["verify", "-CAfile", directory.file("ca.crt").path, "-purpose", "sslclient", certificateFile.path]
            )
            // The private key is readable by OpenSSL and belongs to the certificate.
            let keyFile = directory.file("client.key")
            try issued.privateKeyPEM.write(to: keyFile, atomically: true, encoding: .utf8)
            let keyPublic = try OpenSSL.check(["pkey", "-in", keyFile.path, "-pubout"]).stdout
            let certificatePublic = try OpenSSL.check(["x509", "-in", certificateFile.path, "-noout", "-pubkey"]).stdout
            #expect(keyPublic == certificatePublic)
        }
    }

    @Test("Requested validity is honoured and capped at the authority's expiry")
    func validityIsCapped() throws {
        try withTemporaryDirectory { directory in
            let authority = try LocalCertificateAuthority.loadOrCreate(directory: directory.url, logger: logger)
            let short = try authority.issue(CertificateRequest(commonName: "short", usage: .client, validityDays: 2))
            #expect(short.certificate.notAfter.timeIntervalSinceNow < 2 * 86_400 + 60)
            let long = try authority.issue(CertificateRequest(commonName: "long", usage: .client, validityDays: 9000))
            #expect(long.certificate.notAfter <= authority.certificate.notAfter)
        }
    }

    @Test(
        "Malformed requests are refused",
        arguments: [
            (
                CertificateRequest(commonName: "x", dnsNames: ["bad name"], usage: .server),
                SecurityError.Code.invalidName
            ),
            (CertificateRequest(commonName: "x", dnsNames: ["-a.example"], usage: .server), .invalidName),
            (CertificateRequest(commonName: "x", dnsNames: [""], usage: .server), .invalidName),
            (CertificateRequest(commonName: "x", ipAddresses: ["300.1.1.1"], usage: .server), .invalidName),
            (CertificateRequest(commonName: "x", ipAddresses: ["example.com"], usage: .server), .invalidName),
            (CertificateRequest(commonName: "", usage: .client), .invalidRequest),
            (CertificateRequest(commonName: "x", usage: .client, validityDays: 0), .invalidRequest),
        ]
    )
    func malformedRequestsAreRefused(request: CertificateRequest, code: SecurityError.Code) throws {
        try withTemporaryDirectory { directory in
            let authority = try LocalCertificateAuthority.loadOrCreate(directory: directory.url, logger: logger)
            let error = #expect(throws: SecurityError.self) { try authority.issue(request) }
            #expect(error?.code == code)
        }
    }
}
