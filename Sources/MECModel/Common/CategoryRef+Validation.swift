extension CategoryRef {
    /// Checks that the catalogue reference is an absolute URI and the other members are not empty.
    func check(_ validator: inout Validator, at path: FieldPath) {
        validator.absoluteURI(href, at: path.field("href"))
        validator.nonEmpty(id, at: path.field("id"))
        validator.nonEmpty(name, at: path.field("name"))
        validator.nonEmpty(version, at: path.field("version"))
    }
}
