/// A request body that can check the rules of the specification that decoding alone cannot enforce: empty strings,
/// value ranges, URI and address syntax, and the "shall be present when" and mutual-exclusion notes.
///
/// Validation collects every problem it finds and throws them together, so a client can fix a body in one round.
/// Rules that depend on the HTTP method (for example `serInstanceId`, which shall be absent in POST and present in
/// PUT) read the `ValidationContext`.
public protocol Validatable {
    /// Checks the body against the rules of the specification.
    ///
    /// - Parameter context: The operation the body was sent with.
    /// - Throws: `ValidationError` listing each field at fault.
    func validate(in context: ValidationContext) throws(ValidationError)
}

extension Validatable {
    /// Checks the body as sent to create a resource (`POST`).
    public func validate() throws(ValidationError) {
        try validate(in: .create)
    }
}
