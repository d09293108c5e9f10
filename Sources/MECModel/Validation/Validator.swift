import Foundation

/// Collects the issues found while validating one body and throws them together at the end.
struct Validator {
    private(set) var issues: [ValidationIssue] = []

    /// The operation the body was sent with.
    let context: ValidationContext

    init(context: ValidationContext) {
        self.context = context
    }

    /// Records a problem with the field at `path`.
    mutating func report(_ path: FieldPath, _ code: ValidationIssue.Code, _ message: String) {
        issues.append(ValidationIssue(field: path.description, code: code, message: message))
    }

    /// Throws the collected issues, if any.
    func finish() throws(ValidationError) {
        guard let first = issues.first else {
            return
        }
        throw ValidationError(first, Array(issues.dropFirst()))
    }

    /// Reports a string that is present but empty or only white space.
    mutating func nonEmpty(_ value: String?, at path: FieldPath) {
        if let value, value.allSatisfy(\.isWhitespace) {
            report(path, .empty, "must not be empty")
        }
    }

    /// Reports a member that the rules require in this case but that is absent.
    mutating func present<T>(_ value: T?, at path: FieldPath, _ message: String) {
        if value == nil {
            report(path, .missing, message)
        }
    }

    /// Reports a member that shall be absent in this case but is present.
    mutating func absent<T>(_ value: T?, at path: FieldPath, _ message: String) {
        if value != nil {
            report(path, .notAllowed, message)
        }
    }

    /// Reports a number outside `range`.
    mutating func within(_ value: Int?, _ range: ClosedRange<Int>, at path: FieldPath) {
        guard let value, !range.contains(value) else {
            return
        }
        if range.upperBound == Int.max {
            report(path, .outOfRange, "must be at least \(range.lowerBound)")
        } else {
            report(path, .outOfRange, "must be between \(range.lowerBound) and \(range.upperBound)")
        }
    }

    /// Reports an array with fewer than `minimum` items.
    mutating func minItems<T>(_ values: [T]?, _ minimum: Int, at path: FieldPath) {
        if let values, values.count < minimum {
            report(path, .tooFewItems, "must have at least \(minimum) item\(minimum == 1 ? "" : "s")")
        }
    }

    /// Reports a string that is not an absolute `http` or `https` URI with a host.
    mutating func httpURI(_ value: String?, at path: FieldPath) {
        guard let value else {
            return
        }
        guard let components = Self.uriComponents(value),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host, !host.isEmpty
        else {
            report(path, .invalidURI, "must be an absolute http or https URI")
            return
        }
    }

    /// Reports a string that is not an absolute URI (any scheme).
    mutating func absoluteURI(_ value: String?, at path: FieldPath) {
        guard let value else {
            return
        }
        if Self.uriComponents(value)?.scheme == nil {
            report(path, .invalidURI, "must be an absolute URI")
        }
    }

    private static func uriComponents(_ value: String) -> URLComponents? {
        guard !value.isEmpty, !value.contains(where: { $0.isWhitespace }) else {
            return nil
        }
        return URLComponents(string: value)
    }
}
