extension TransportDescriptor {
    /// Checks that the identifying members are not empty and that a REST transport uses `HTTP`.
    func check(_ validator: inout Validator, at path: FieldPath) {
        validator.nonEmpty(name, at: path.field("name"))
        validator.nonEmpty(`protocol`, at: path.field("protocol"))
        validator.nonEmpty(version, at: path.field("version"))
        if type == .restHTTP, `protocol` != "HTTP" {
            validator.report(path.field("protocol"), .invalidValue, "must be HTTP for a REST_HTTP transport")
        }
        security.check(&validator, at: path.field("security"))
    }
}
