import Foundation

/// The URL-safe base64 alphabet of RFC 4648 section 5 without padding, as used by JOSE and RFC 8705.
public enum Base64URL {
    /// Encodes bytes without `=` padding.
    ///
    /// ```swift
    /// Base64URL.encode(Data([0xfb, 0xff])) // "-_8"
    /// ```
    public static func encode(_ data: Data) -> String {
        var text = data.base64EncodedString()
        text = text.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        while text.hasSuffix("=") {
            text.removeLast()
        }
        return text
    }

    /// Decodes unpadded base64url text; `nil` for padding, characters outside the alphabet, or an impossible length.
    public static func decode(_ text: String) -> Data? {
        let valid = text.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
        guard valid, text.utf8.count % 4 != 1 else { return nil }
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        standard += String(repeating: "=", count: (4 - standard.utf8.count % 4) % 4)
        guard let data = Data(base64Encoded: standard) else { return nil }
        // Reject non-canonical text whose unused trailing bits are set, so each value has one encoding.
        return encode(data) == text ? data : nil
    }

}
