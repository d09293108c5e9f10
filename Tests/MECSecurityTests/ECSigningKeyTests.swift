import Foundation
import MECSecurity
import Testing

@Suite("ES256 signing keys")
struct ECSigningKeyTests {
    @Test("Signatures are 64 bytes and verify with the public key")
    func signatureRoundTrip() throws {
        let key = try ECSigningKey.generate()
        for index in 0..<32 {
            let message = Data("message \(index)".utf8)
            let signature = try key.sign(message)
            #expect(signature.count == 64)
            #expect(key.publicKey.verify(signature: signature, data: message))
        }
    }

    @Test("Tampered data, tampered signatures, wrong lengths and other keys fail verification")
    func tamperingIsDetected() throws {
        let key = try ECSigningKey.generate()
        let other = try ECSigningKey.generate()
        let message = Data("header.payload".utf8)
        let signature = try key.sign(message)
        var flipped = signature
        flipped[10] ^= 0x01
        #expect(!key.publicKey.verify(signature: signature, data: Data("header.payloaD".utf8)))
        #expect(!key.publicKey.verify(signature: flipped, data: message))
        #expect(!key.publicKey.verify(signature: signature.prefix(63), data: message))
        #expect(!key.publicKey.verify(signature: TestDER.signature(raw: signature), data: message))
        #expect(!key.publicKey.verify(signature: Data(count: 64), data: message))
        #expect(!other.publicKey.verify(signature: signature, data: message))
    }

    @Test("OpenSSL verifies signatures made here after conversion to DER")
    func opensslVerifiesSignatures() throws {
        try withTemporaryDirectory { directory in
            let key = try ECSigningKey.generate()
            let publicKeyFile = directory.file("public.pem")
            try key.publicKey.pemRepresentation().write(to: publicKeyFile, atomically: true, encoding: .utf8)
            for index in 0..<8 {
                let message = Data("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhcHAtJ\(index)".utf8)
                let signatureFile = directory.file("signature-\(index).der")
                try TestDER.signature(raw: key.sign(message)).write(to: signatureFile)
                try OpenSSL.check(
                    ["dgst", "-sha256", "-verify", publicKeyFile.path, "-signature", signatureFile.path],
                    input: message
                )
            }
        }
    }

    @Test("Signatures made by OpenSSL verify here")
    func opensslSignaturesVerify() throws {
        try withTemporaryDirectory { directory in
            let privateKeyFile = directory.file("key.pem").path
            try OpenSSL.check([
                "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", privateKeyFile,
            ])
            let publicPEM = try OpenSSL.check(["pkey", "-in", privateKeyFile, "-pubout"]).text
            let publicKey = try ECVerifyingKey(pem: publicPEM)
            // The PKCS#8 key written by OpenSSL loads here and has the same public key.
            #expect(
                try ECSigningKey(pem: String(contentsOfFile: privateKeyFile, encoding: .utf8)).publicKey == publicKey)
            for index in 0..<8 {
                let message = Data("openssl message \(index)".utf8)
                let der = try OpenSSL.check(["dgst", "-sha256", "-sign", privateKeyFile], input: message).stdout
                let raw = try #require(TestDER.raw(signature: der))
                #expect(publicKey.verify(signature: raw, data: message))
            }
        }
    }

    @Test("A SEC1 key from OpenSSL loads, and the PKCS#8 export reads back in OpenSSL")
    func keyFormatsInteroperate() throws {
        try withTemporaryDirectory { directory in
            let sec1 = try OpenSSL.check(["ecparam", "-name", "prime256v1", "-genkey", "-noout"]).text
            #expect(sec1.contains("BEGIN EC PRIVATE KEY"))
            let key = try ECSigningKey(pem: sec1)
            #expect(key.pemRepresentation.hasPrefix("-----BEGIN PRIVATE KEY-----"))
            let exported = directory.file("exported.pem")
            try key.pemRepresentation.write(to: exported, atomically: true, encoding: .utf8)
            let publicPEM = try OpenSSL.check(["pkey", "-in", exported.path, "-pubout"]).text
            #expect(try ECVerifyingKey(pem: publicPEM) == key.publicKey)
            #expect(try ECSigningKey(pem: key.pemRepresentation).publicKey == key.publicKey)
        }
    }

    @Test("Keys on other curves are refused", arguments: ["secp384r1", "secp521r1"])
    func otherCurvesAreRefused(curve: String) throws {
        let pem = try OpenSSL.check(["ecparam", "-name", curve, "-genkey", "-noout"]).text
        let error = #expect(throws: SecurityError.self) { try ECSigningKey(pem: pem) }
        #expect(error?.code == .invalidKey)
    }

    @Test("The JWK has P-256 coordinates and an RFC 7638 thumbprint as kid")
    func publicKeyJWKHasThumbprint() throws {
        let key = try ECSigningKey.generate()
        let jwk = key.publicKeyJWK
        #expect(jwk.kty == "EC" && jwk.crv == "P-256" && jwk.alg == "ES256" && jwk.use == "sig")
        #expect(Base64URL.decode(jwk.x) == key.publicKey.x)
        #expect(Base64URL.decode(jwk.y) == key.publicKey.y)
        let canonical = #"{"crv":"P-256","kty":"EC","x":"\#(jwk.x)","y":"\#(jwk.y)"}"#
        let digest = try OpenSSL.check(["dgst", "-sha256", "-binary"], input: Data(canonical.utf8)).stdout
        #expect(jwk.kid == Base64URL.encode(digest))
        #expect(try ECVerifyingKey(jwk: jwk) == key.publicKey)
        let decoded = try JSONDecoder().decode(JSONWebKey.self, from: JSONEncoder().encode(jwk))
        #expect(decoded == jwk)
    }

    @Test("The RFC 7638 thumbprint ignores optional members")
    func thumbprintIgnoresOptionalMembers() throws {
        let jwk = try ECSigningKey.generate().publicKeyJWK
        var bare = jwk
        bare.kid = nil
        bare.use = nil
        bare.alg = nil
        #expect(bare.thumbprint == jwk.thumbprint)
    }

    @Test("A point that is not on the curve is refused")
    func invalidPointIsRefused() throws {
        let key = try ECSigningKey.generate()
        var y = key.publicKey.y
        y[31] ^= 0x01
        #expect(throws: SecurityError.self) { try ECVerifyingKey(x: key.publicKey.x, y: y) }
    }

    @Test("Descriptions never reveal the private key")
    func descriptionsHideKeys() throws {
        let key = try ECSigningKey.generate()
        #expect(!"\(key)".contains("PRIVATE"))
        var dumped = ""
        dump(key, to: &dumped)
        #expect(!dumped.contains("PRIVATE"))
    }

    @Test("Concurrent signing with one key is safe")
    func concurrentSigning() async throws {
        let key = try ECSigningKey.generate()
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<16 {
                group.addTask {
                    let message = Data("task \(index)".utf8)
                    return key.publicKey.verify(signature: try key.sign(message), data: message)
                }
            }
            for try await verified in group {
                #expect(verified)
            }
        }
    }
}
