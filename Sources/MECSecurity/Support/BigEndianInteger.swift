import Foundation

/// Helpers for unsigned big-endian integers held as bytes, such as ECDSA `r` and `s` or curve coordinates.
enum BigEndianInteger {
    /// The value without leading zero bytes (a single zero byte for zero).
    static func minimal(_ bytes: Data) -> Data {
        let trimmed = bytes.drop { $0 == 0 }
        return trimmed.isEmpty ? Data([0]) : Data(trimmed)
    }

    /// The value left-padded with zeros to exactly `width` bytes, or `nil` when it does not fit.
    static func fixedWidth(_ bytes: Data, width: Int) -> Data? {
        let trimmed = bytes.drop { $0 == 0 }
        guard trimmed.count <= width else { return nil }
        return Data(repeating: 0, count: width - trimmed.count) + trimmed
    }
}
