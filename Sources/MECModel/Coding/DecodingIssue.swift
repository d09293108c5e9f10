/// A client-safe reason attached to a `DecodingError` thrown by a model type, so that the failure can be reported
/// with the same code and wording as a validation issue.
struct DecodingIssue: Error {
    /// What kind of problem this is.
    var code: ValidationIssue.Code
    /// A short sentence safe to show to the client.
    var message: String

    /// A `DecodingError` at `codingPath` that carries this issue.
    static func error(
        at codingPath: [any CodingKey],
        _ code: ValidationIssue.Code,
        _ message: String
    ) -> DecodingError {
        DecodingError.dataCorrupted(
            DecodingError.Context(
                codingPath: codingPath,
                debugDescription: message,
                underlyingError: DecodingIssue(code: code, message: message)
            )
        )
    }
}
