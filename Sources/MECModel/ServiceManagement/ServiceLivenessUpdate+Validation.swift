extension ServiceLivenessUpdate: Validatable {
    /// Checks a heartbeat: `state` "shall be set to ACTIVE".
    public func validate(in context: ValidationContext) throws(ValidationError) {
        var validator = Validator(context: context)
        if state != .active {
            validator.report(FieldPath.root.field("state"), .invalidValue, "must be ACTIVE")
        }
        try validator.finish()
    }
}
