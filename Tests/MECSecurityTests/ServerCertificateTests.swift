import Foundation
import MECObservability
import Testing

@testable import MECSecurity

@Suite("Server certificate")
struct ServerCertificateTests {
    struct Fixture {
        let directory: TemporaryDirectory
        let sink = MemoryLogSink()
        let logger: Logger
        let authority: LocalCertificateAuthority

        init(directory: TemporaryDirectory) throws {
            self.directory = directory
            logger = Logger(label: "test", level: .debug, sink: sink)
            authority = try LocalCertificateAuthority.loadOrCreate(directory: directory.url, logger: logger)
        }

        func load(_ names: [String] = [], now: Date = Date()) throws -> ServerCertificate {
            try ServerCertificate.loadOrCreate(
                directory: directory.url,
                authority: authority,
                names: names,
                logger: logger,
                now: now
            )
        }

        var issuedLines: [String] {
            sink.lines.filter { $0.contains("server certificate issued") }
        }
    }

    @Test("A new server certificate verifies against the CA with OpenSSL")
    func newCertificateVerifiesWithOpenSSL() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(directory: directory)
            let server = try fixture.load()
            #expect(server.certificateFile == directory.file("server.crt"))
            #expect(try permissions(directory.file("server.key")) == 0o600)
            #expect(try permissions(directory.file("server.crt")) == 0o644)
            let output = try OpenSSL.check(
                [
                    "verify", "-CAfile", directory.file("ca.crt").path, "-purpose", "sslserver",
                    server.certificateFile.path,
                ]
            )
            #expect(output.text.contains("OK"))
            #expect(fixture.issuedLines.count == 1)
            #expect(fixture.issuedLines.first?.contains("reason=missing") == true)
            #expect(!fixture.sink.lines.joined().contains("PRIVATE KEY"))
        }
    }

    @Test("The SANs contain localhost, both loopback addresses and configured names")
    func subjectAltNamesCoverDefaultsAndExtras() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(directory: directory)
            let server = try fixture.load(["mec.example.net", "192.0.2.10", "[2001:db8::1]"])
            #expect(server.certificate.dnsNames == ["localhost", "mec.example.net"])
            #expect(server.certificate.ipAddresses == ["127.0.0.1", "::1", "192.0.2.10", "2001:db8::1"])
            #expect(server.certificate.permits(.server))
            let output = try OpenSSL.check([
                "x509", "-in", server.certificateFile.path, "-noout", "-ext", "subjectAltName",
            ])
            for entry in [
                "DNS:localhost", "DNS:mec.example.net", "IP Address:127.0.0.1", "IP Address:0:0:0:0:0:0:0:1",
                "IP Address:192.0.2.10", "IP Address:2001:DB8:0:0:0:0:0:1",
            ] {
                #expect(output.text.contains(entry), "missing \(entry) in \(output.text)")
            }
        }
    }

    @Test("OpenSSL accepts the key file and it matches the certificate")
    func keyFileMatchesCertificate() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(directory: directory)
            let server = try fixture.load()
            let keyPublic = try OpenSSL.check(["pkey", "-in", server.privateKeyFile.path, "-pubout"]).stdout
            let certificatePublic = try OpenSSL.check(["x509", "-in", server.certificateFile.path, "-noout", "-pubkey"])
            #expect(keyPublic == certificatePublic.stdout)
        }
    }

    @Test("A valid certificate covering every name is reused")
    func validCertificateIsReused() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(directory: directory)
            let first = try fixture.load(["mec.example.net"])
            let second = try fixture.load(["MEC.example.net", "localhost"])
            #expect(second.certificate.der == first.certificate.der)
            #expect(second.privateKeyPEM == first.privateKeyPEM)
            #expect(fixture.issuedLines.count == 1)
        }
    }

    @Test("A certificate missing a newly configured name is re-issued")
    func newNameCausesReissue() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(directory: directory)
            let first = try fixture.load()
            let second = try fixture.load(["edge.example.net"])
            #expect(second.certificate.der != first.certificate.der)
            #expect(second.certificate.dnsNames.contains("edge.example.net"))
            #expect(fixture.issuedLines.count == 2)
            #expect(fixture.issuedLines.last?.contains("reason=names_changed") == true)
            let onDisk = try CertificateInfo(pem: String(contentsOf: second.certificateFile, encoding: .utf8))
            #expect(onDisk == second.certificate)
            #expect(try permissions(directory.file("server.key")) == 0o600)
        }
    }

    @Test("A certificate expiring within 30 days is re-issued")
    func expiringCertificateIsReissued() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(directory: directory)
            let first = try fixture.load()
            let almostExpired = first.certificate.notAfter.addingTimeInterval(-29 * 86_400)
            let second = try fixture.load(now: almostExpired)
            #expect(second.certificate.der != first.certificate.der)
            #expect(fixture.issuedLines.last?.contains("reason=expiring") == true)
        }
    }

    @Test("A certificate from a replaced CA is re-issued")
    func certificateFromOtherAuthorityIsReissued() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(directory: directory)
            _ = try fixture.load()
            let other = try withTemporaryDirectory { otherDirectory in
                try LocalCertificateAuthority.loadOrCreate(directory: otherDirectory.url, logger: fixture.logger)
            }
            let server = try ServerCertificate.loadOrCreate(
                directory: directory.url,
                authority: other,
                names: [],
                logger: fixture.logger
            )
            try other.verify(server.certificate)
            #expect(fixture.issuedLines.last?.contains("reason=other_issuer") == true)
        }
    }

    @Test("A key that does not match the certificate causes a re-issue")
    func mismatchedKeyCausesReissue() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(directory: directory)
            _ = try fixture.load()
            try ECSigningKey.generate().pemRepresentation.write(
                to: directory.file("server.key"),
                atomically: true,
                encoding: .utf8
            )
            let server = try fixture.load()
            #expect(fixture.issuedLines.last?.contains("reason=key_mismatch") == true)
            let key = try ECSigningKey(pem: String(contentsOf: server.privateKeyFile, encoding: .utf8))
            #expect(try ECVerifyingKey(certificate: server.certificate) == key.publicKey)
        }
    }

    @Test("A malformed configured name is refused", arguments: ["bad name", "under_score.example", "a..b"])
    func malformedNameIsRefused(name: String) throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(directory: directory)
            let error = #expect(throws: SecurityError.self) { try fixture.load([name]) }
            #expect(error?.code == .invalidName)
        }
    }
}
