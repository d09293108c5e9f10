/// A parsed DNS response: the response code and the A and AAAA records of its answer section.
public struct DNSResponse: Sendable, Hashable {
    /// The RCODE of a response header (RFC 1035, section 4.1.1).
    public struct ResponseCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The four-bit code.
        public var rawValue: UInt8

        /// Creates a code from its number.
        public init(rawValue: UInt8) {
            self.rawValue = rawValue
        }

        /// No error; the answer section may still be empty (the name exists without records of that type).
        public static let noError = ResponseCode(rawValue: 0)
        /// The server could not parse the query.
        public static let formatError = ResponseCode(rawValue: 1)
        /// The server failed to process the query.
        public static let serverFailure = ResponseCode(rawValue: 2)
        /// The name does not exist (NXDOMAIN).
        public static let nameError = ResponseCode(rawValue: 3)
        /// The server does not support this kind of query.
        public static let notImplemented = ResponseCode(rawValue: 4)
        /// The server refuses to answer, as it does for names it does not serve.
        public static let refused = ResponseCode(rawValue: 5)

        /// The conventional name, such as `NOERROR` or `REFUSED`, or the number for other codes.
        public var description: String {
            let names = ["NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED"]
            return Int(rawValue) < names.count ? names[Int(rawValue)] : "RCODE\(rawValue)"
        }
    }

    /// One A or AAAA record of the answer section.
    public struct Answer: Sendable, Hashable {
        /// The owner name, lower-case, without a trailing dot.
        public var name: String
        /// A or AAAA.
        public var type: DNSQuery.RecordType
        /// The address in numeric form.
        public var address: String
        /// The time to live in seconds.
        public var ttl: UInt32

        /// Creates an answer.
        public init(name: String, type: DNSQuery.RecordType, address: String, ttl: UInt32) {
            self.name = name
            self.type = type
            self.address = address
            self.ttl = ttl
        }
    }

    /// The response code.
    public var responseCode: ResponseCode
    /// Whether the server said it is authoritative for the name (the AA flag).
    public var isAuthoritative: Bool
    /// Whether the response was cut to fit a UDP datagram (the TC flag).
    public var isTruncated: Bool
    /// The A and AAAA records of the answer section, in order; records of other types are skipped.
    public var answers: [Answer]

    /// Creates a response.
    public init(responseCode: ResponseCode, isAuthoritative: Bool, isTruncated: Bool, answers: [Answer]) {
        self.responseCode = responseCode
        self.isAuthoritative = isAuthoritative
        self.isTruncated = isTruncated
        self.answers = answers
    }

    /// The addresses of the answers, in order.
    public var addresses: [String] {
        answers.map(\.address)
    }
}
