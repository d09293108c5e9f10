extension TransportDependency {
    /// Checks the transport and that `serializers` and `labels` have at least one item (`minItems: 1`).
    func check(_ validator: inout Validator, at path: FieldPath) {
        transport.check(&validator, at: path.field("transport"))
        validator.minItems(serializers, 1, at: path.field("serializers"))
        validator.minItems(labels, 1, at: path.field("labels"))
        for (index, label) in labels.enumerated() {
            validator.nonEmpty(label, at: path.field("labels").item(index))
        }
    }
}
