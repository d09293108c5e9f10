extension ServiceDependency {
    /// Checks that the name and version are not empty and each transport binding is valid.
    func check(_ validator: inout Validator, at path: FieldPath) {
        validator.nonEmpty(serName, at: path.field("serName"))
        validator.nonEmpty(version, at: path.field("version"))
        serCategory?.check(&validator, at: path.field("serCategory"))
        for (index, dependency) in (serTransportDependencies ?? []).enumerated() {
            dependency.check(&validator, at: path.field("serTransportDependencies").item(index))
        }
    }
}
