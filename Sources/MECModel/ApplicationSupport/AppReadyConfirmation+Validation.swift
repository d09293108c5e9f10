extension AppReadyConfirmation: Validatable {
    /// Checks that `indication` is `READY`, the only value the specification lists.
    public func validate(in context: ValidationContext) throws(ValidationError) {
        var validator = Validator(context: context)
        if indication != Self.readyIndication {
            validator.report(FieldPath.root.field("indication"), .invalidValue, "must be \(Self.readyIndication)")
        }
        try validator.finish()
    }
}
