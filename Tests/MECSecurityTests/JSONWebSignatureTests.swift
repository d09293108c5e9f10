import Foundation
import MECSecurity
import Testing

@Suite("ES256 JWS with strict headers")
struct JSONWebSignatureTests {
    static let type = JWSHeader.accessTokenType

    static func token(header: String, payload: String = #"{"sub":"a"}"#, key: ECSigningKey) throws -> String {
        let input = Base64URL.encode(Data(header.utf8)) + "." + Base64URL.encode(Data(payload.utf8))
        return input + "." + Base64URL.encode(try key.sign(Data(input.utf8)))
    }

    @Test("A signed token verifies and returns its header and payload")
    func roundTrip() throws {
        let key = try ECSigningKey.generate()
        let token = try JSONWebSignature.sign(payload: Data(#"{"sub":"app"}"#.utf8), type: Self.type, key: key)
        let verified = try JSONWebSignature.verify(token, type: Self.type, key: key.publicKey)
        #expect(verified.header.alg == "ES256")
        #expect(verified.header.kid == key.publicKeyJWK.kid)
        #expect(verified.payload == Data(#"{"sub":"app"}"#.utf8))
    }

    @Test(
        "Algorithms other than exactly ES256 are refused, even when the signature is valid",
        arguments: ["none", "HS256", "es256", "ES384", "RS256", ""]
    )
    func otherAlgorithmsAreRefused(alg: String) throws {
        let key = try ECSigningKey.generate()
        let token = try Self.token(header: #"{"alg":"\#(alg)","typ":"at+jwt"}"#, key: key)
        #expect(throws: SecurityError.self) { try JSONWebSignature.verify(token, type: Self.type, key: key.publicKey) }
    }

    @Test("An unsigned token with alg none and an empty signature is refused")
    func unsignedTokenIsRefused() throws {
        let key = try ECSigningKey.generate()
        let token =
            Base64URL.encode(Data(#"{"alg":"none","typ":"at+jwt"}"#.utf8)) + "."
            + Base64URL.encode(Data(#"{"sub":"a"}"#.utf8)) + "."
        #expect(throws: SecurityError.self) { try JSONWebSignature.verify(token, type: Self.type, key: key.publicKey) }
    }

    @Test(
        "Headers that point at keys or demand extensions are refused",
        arguments: [
            #"{"alg":"ES256","typ":"at+jwt","crit":["exp"]}"#,
            #"{"alg":"ES256","typ":"at+jwt","jku":"https://evil.example/jwks"}"#,
            #"{"alg":"ES256","typ":"at+jwt","x5u":"https://evil.example/cert"}"#,
            #"{"alg":"ES256","typ":"at+jwt","jwk":{"kty":"EC"}}"#,
            #"{"alg":"ES256","typ":"JWT"}"#,
            #"{"alg":"ES256"}"#,
            #"["ES256"]"#,
        ]
    )
    func dangerousHeadersAreRefused(header: String) throws {
        let key = try ECSigningKey.generate()
        let token = try Self.token(header: header, key: key)
        #expect(throws: SecurityError.self) { try JSONWebSignature.verify(token, type: Self.type, key: key.publicKey) }
    }

    @Test("Tampering with any part, another key or a malformed token fails")
    func tamperingFails() throws {
        let key = try ECSigningKey.generate()
        let other = try ECSigningKey.generate()
        let token = try JSONWebSignature.sign(payload: Data(#"{"sub":"app"}"#.utf8), type: Self.type, key: key)
        let parts = token.split(separator: ".").map(String.init)
        let forged = parts[0] + "." + Base64URL.encode(Data(#"{"sub":"admin"}"#.utf8)) + "." + parts[2]
        let otherToken = try JSONWebSignature.sign(payload: Data(#"{"sub":"app"}"#.utf8), type: Self.type, key: other)
        for bad in [forged, otherToken, parts[0] + "." + parts[1], token + ".x", token + "=", "a.b.c", ""] {
            #expect(throws: SecurityError.self) {
                try JSONWebSignature.verify(bad, type: Self.type, key: key.publicKey)
            }
        }
    }
}

@Suite("Salted slow secret hashes")
struct SecretHashTests {
    @Test("The secret matches its hash, other secrets do not, and the stored form round-trips")
    func matching() throws {
        let hash = try SecretHash.make("correct horse", iterations: 1_000)
        let restored = try SecretHash(encoded: hash.encoded)
        #expect(restored.matches("correct horse"))
        #expect(!restored.matches("correct horsE"))
        #expect(!restored.matches(""))
        #expect(hash.encoded.hasPrefix("pbkdf2-sha256$1000$"))
    }

    @Test("The same secret hashed twice gets different salts")
    func salted() throws {
        #expect(try SecretHash.make("s", iterations: 1_000).encoded != SecretHash.make("s", iterations: 1_000).encoded)
    }

    @Test("The default iteration count is high")
    func slow() {
        #expect(SecretHash.defaultIterations >= 600_000)
    }

    @Test("Constant-time comparison agrees with equality")
    func constantTime() {
        #expect(ConstantTime.equals(Data([1, 2, 3]), Data([1, 2, 3])))
        #expect(!ConstantTime.equals(Data([1, 2, 3]), Data([1, 2, 4])))
        #expect(!ConstantTime.equals(Data([1, 2]), Data([1, 2, 3])))
    }
}
