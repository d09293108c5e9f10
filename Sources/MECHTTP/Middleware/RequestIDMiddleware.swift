import Foundation

/// Gives every request an identifier and echoes it in `X-Request-ID`.
///
/// A client-sent `X-Request-ID` of 1 to 64 characters from `[A-Za-z0-9._-]` is kept, so calls can be traced
/// across hosts; anything else is replaced, so the log never carries client-chosen text.
public struct RequestIDMiddleware: Middleware {
    /// Creates the middleware.
    public init() {}

    public var observesRejectedRequests: Bool { true }

    public func prepare(_ request: inout Request) throws -> Response? {
        if let sent = request.headers["X-Request-ID"], Self.isWellFormed(sent) {
            request.id = sent
        } else {
            request.id = UUID().uuidString.lowercased()
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
