import Foundation

/// Comparisons whose duration does not depend on where the inputs differ.
public enum ConstantTime {
    /// Whether `lhs` and `rhs` are equal, taking the same time for any two inputs of the same length.
    public static func equals(_ lhs: Data, _ rhs: Data) -> Bool {
        guard lhs.count == rhs.count else { return false }
        // Unsafe: both buffers live for the closure and are read within their counts.
        return lhs.withUnsafeBytes { (left: UnsafeRawBufferPointer) -> Bool in
            rhs.withUnsafeBytes { (right: UnsafeRawBufferPointer) -> Bool in
                var difference: UInt8 = 0
                for index in 0..<left.count {
                    difference |= left[index] ^ right[index]
                }
                return difference == 0
            }
        }
    }
}
