extension ValidationError {
    /// Turns a failure to decode a request body into a client-safe error that names the field.
    ///
    /// - Parameter decodingFailure: The error a `JSONDecoder` threw.
    public init(decodingFailure: any Error) {
        guard let error = decodingFailure as? DecodingError else {
            self.init(ValidationIssue(field: "(root)", code: .malformed, message: "the body is not valid JSON"))
            return
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = FieldPath(codingPath: context.codingPath + [key]).description
            self.init(ValidationIssue(field: field, code: .missing, message: "is required"))
        case .valueNotFound(_, let context):
            let field = FieldPath(codingPath: context.codingPath).description
            self.init(ValidationIssue(field: field, code: .wrongType, message: "must not be null"))
        case .typeMismatch(let type, let context):
            let field = FieldPath(codingPath: context.codingPath).description
            let message = "has the wrong type; expected \(Self.jsonTypeName(type))"
            self.init(ValidationIssue(field: field, code: .wrongType, message: message))
        case .dataCorrupted(let context):
            let field = FieldPath(codingPath: context.codingPath).description
            if let issue = context.underlyingError as? DecodingIssue {
                self.init(ValidationIssue(field: field, code: issue.code, message: issue.message))
            } else if context.codingPath.isEmpty {
                self.init(ValidationIssue(field: field, code: .malformed, message: "the body is not valid JSON"))
            } else {
                self.init(ValidationIssue(field: field, code: .invalidValue, message: "has an invalid value"))
            }
        @unknown default:
            self.init(ValidationIssue(field: "(root)", code: .malformed, message: "the body could not be decoded"))
        }
    }

    private static func jsonTypeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        case is Int.Type, is Int64.Type, is UInt32.Type, is UInt64.Type: "an integer"
        case is Double.Type: "a number"
        case is [Any].Type: "an array"
        default: "an object"
        }
    }
}
