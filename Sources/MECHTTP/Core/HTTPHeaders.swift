/// HTTP header fields in arrival order, looked up without regard to case.
public struct HTTPHeaders: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    private var fields: [(name: String, value: String)] = []

    /// Creates an empty set of fields.
    public init() {}

    /// Creates fields from literal pairs.
    public init(dictionaryLiteral elements: (String, String)...) {
        for (name, value) in elements {
            add(name, value)
        }
    }

    /// The first value of the named field.
    public subscript(name: String) -> String? {
        get {
            fields.first { $0.name.caseInsensitiveEquals(name) }?.value
        }
        set {
            fields.removeAll { $0.name.caseInsensitiveEquals(name) }
            if let newValue {
                fields.append((name, newValue))
            }
        }
    }

    /// Every value of the named field, in order.
    public func values(_ name: String) -> [String] {
        fields.filter { $0.name.caseInsensitiveEquals(name) }.map(\.value)
    }

    /// Appends a field, keeping fields of the same name.
    public mutating func add(_ name: String, _ value: String) {
        fields.append((name, value))
    }

    /// Whether the named field is present.
    public func contains(_ name: String) -> Bool {
        fields.contains { $0.name.caseInsensitiveEquals(name) }
    }

    /// The number of fields.
    public var count: Int { fields.count }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        fields.makeIterator()
    }
}

extension String {
    /// ASCII case-insensitive comparison, as HTTP field names and media types need.
    func caseInsensitiveEquals(_ other: String) -> Bool {
        var lhs = self
        var rhs = other
        // Field names are short ASCII strings; comparing the UTF-8 buffers avoids the generic collection machinery.
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                guard left.count == right.count else { return false }
                for index in 0..<left.count {
                    let a = left[index]
                    let b = right[index]
                    if a == b { continue }
                    let lowered = a | 0x20
                    guard lowered == b | 0x20, lowered >= 0x61, lowered <= 0x7a else { return false }
                }
                return true
            }
        }
    }
}
