import Foundation
import MECSecurity
import Testing

@Suite("Base64URL")
struct Base64URLTests {
    static let vectors: [(bytes: [UInt8], text: String)] = [
        ([], ""),
        (Array("f".utf8), "Zg"),
        (Array("fo".utf8), "Zm8"),
        (Array("foo".utf8), "Zm9v"),
        (Array("foob".utf8), "Zm9vYg"),
        (Array("fooba".utf8), "Zm9vYmE"),
        (Array("foobar".utf8), "Zm9vYmFy"),
        ([0xfb, 0xff], "-_8"),
        ([0xff, 0xfe, 0xfd], "__79"),
        ([0x00], "AA"),
    ]

    @Test("Encoding matches the RFC 4648 vectors without padding", arguments: vectors)
    func encodingMatchesVectors(vector: (bytes: [UInt8], text: String)) {
        #expect(Base64URL.encode(Data(vector.bytes)) == vector.text)
    }

    @Test("Decoding returns the original bytes", arguments: vectors)
    func decodingRoundTrips(vector: (bytes: [UInt8], text: String)) {
        #expect(Base64URL.decode(vector.text) == Data(vector.bytes))
    }

    @Test("Random bytes of every length survive a round trip", arguments: 0..<70)
    func randomBytesRoundTrip(length: Int) throws {
        let data = try SecureRandom.bytes(length)
        let text = Base64URL.encode(data)
        #expect(!text.contains("=") && !text.contains("+") && !text.contains("/"))
        #expect(Base64URL.decode(text) == data)
    }

    @Test(
        "Padded, standard-alphabet, truncated and non-canonical text is rejected",
        arguments: ["Zg==", "Zm8=", "a+b/", "Z", "Zm9vY", "Zh", "Zm9v YmFy", "Zm9v\n"]
    )
    func invalidTextIsRejected(text: String) {
        #expect(Base64URL.decode(text) == nil)
    }
}
