extension TransportInfo {
    /// Checks that the identifying members are not empty, that a REST transport uses `HTTP` and `uris`, and that the
    /// endpoint and security information are valid.
    func check(_ validator: inout Validator, at path: FieldPath) {
        validator.nonEmpty(id, at: path.field("id"))
        validator.nonEmpty(name, at: path.field("name"))
        validator.nonEmpty(`protocol`, at: path.field("protocol"))
        validator.nonEmpty(version, at: path.field("version"))
        if type == .restHTTP, `protocol` != "HTTP" {
            validator.report(path.field("protocol"), .invalidValue, "must be HTTP for a REST_HTTP transport")
        }
        endpoint.check(&validator, at: path.field("endpoint"), transport: type)
        security.check(&validator, at: path.field("security"))
    }
}
