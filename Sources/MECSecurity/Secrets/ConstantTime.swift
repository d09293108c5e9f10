import Foundation

/// Comparisons whose duration does not depend on where the inputs differ.
public enum ConstantTime {
    /// Whether `lhs` and `rhs` are equal, taking the same time for any two inputs of the same length.
    public static func equals(_ lhs: Data, _ rhs: Data) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(lhs, rhs) {
            difference |= left ^ right
        }
        return difference == 0
    }
}
