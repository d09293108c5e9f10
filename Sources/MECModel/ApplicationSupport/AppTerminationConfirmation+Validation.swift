extension AppTerminationConfirmation: Validatable {
    /// Accepts any confirmation that decodes: `operationAction` is checked when decoding, and whether it "shall
    /// match that sent in the corresponding AppTerminationNotification" only the platform can tell.
    public func validate(in context: ValidationContext) throws(ValidationError) {}
}
