/// A request body that breaks the specification, with every field at fault.
///
/// The messages name fields and rules only; they carry no type names, stack or other internal detail, so the HTTP
/// layer can return them in a 400 ProblemDetails as they are.
public struct ValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The problems found, in the order the fields were checked; never empty.
    public let issues: [ValidationIssue]

    /// Creates an error from at least one issue.
    public init(_ first: ValidationIssue, _ more: [ValidationIssue] = []) {
        issues = [first] + more
    }

    /// The field of the first issue.
    public var field: String {
        issues[0].field
    }

    /// The fields of all issues.
    public var fields: [String] {
        issues.map(\.field)
    }

    /// Every issue as `field: message`, separated by semicolons.
    public var description: String {
        issues.map(\.description).joined(separator: "; ")
    }
}
