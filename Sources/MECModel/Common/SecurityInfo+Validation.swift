extension SecurityInfo {
    /// Checks the OAuth 2.0 parameters, if any.
    func check(_ validator: inout Validator, at path: FieldPath) {
        oAuth2Info?.check(&validator, at: path.field("oAuth2Info"))
    }
}
