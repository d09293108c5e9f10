extension OAuth2Info {
    /// Checks that a token endpoint is given unless the only grant type is the implicit grant.
    func check(_ validator: inout Validator, at path: FieldPath) {
        let needsTokenEndpoint = grantTypes.contains { $0 != .implicitGrant }
        if needsTokenEndpoint {
            let message = "is required unless the grant type is OAUTH2_IMPLICIT_GRANT"
            validator.present(tokenEndpoint, at: path.field("tokenEndpoint"), message)
        }
        validator.httpURI(tokenEndpoint, at: path.field("tokenEndpoint"))
    }
}
