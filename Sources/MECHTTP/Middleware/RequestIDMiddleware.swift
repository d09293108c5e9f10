import Foundation
import Synchronization

/// Gives every request an identifier and echoes it in `X-Request-ID`.
///
/// A client-sent `X-Request-ID` of 1 to 64 characters from `[A-Za-z0-9._-]` is kept, so calls can be traced
/// across hosts; anything else is replaced, so the log never carries client-chosen text.
public struct RequestIDMiddleware: Middleware {
    /// A random prefix per process, so identifiers stay unique across restarts and hosts.
    private static let prefix = String(UInt32.random(in: .min ... .max) | 0x1000_0000, radix: 16)
    private static let counter = Atomic<UInt64>(0)

    /// Creates the middleware.
    public init() {}

    /// A new identifier such as `3f2a9c1e-00000000002a`: cheaper than a UUID, which reads the random device.
    static func makeIdentifier() -> String {
        let number = counter.add(1, ordering: .relaxed).newValue
        let digits = String(number, radix: 16)
        return prefix + "-" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits
    }

    public var observesRejectedRequests: Bool { true }

    public func prepare(_ request: inout Request) throws -> Response? {
        if let sent = request.headers["X-Request-ID"], Self.isWellFormed(sent) {
            request.id = sent
        } else {
            request.id = Self.makeIdentifier()
        }
        return nil
    }

    public func finish(_ request: Request, _ response: inout Response) {
        response.headers["X-Request-ID"] = request.id
    }

    static func isWellFormed(_ value: String) -> Bool {
        (1...64).contains(value.utf8.count)
            && value.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7a)
                    || byte == 0x2d || byte == 0x2e || byte == 0x5f
            }
    }
}
