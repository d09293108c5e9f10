extension TrafficRule: Validatable {
    /// Checks a traffic rule.
    ///
    /// - `trafficRuleId` is not empty; `priority` is "within the range 0 to 255".
    /// - `trafficFilter` has at least one item (`minItems: 1`), each valid.
    /// - `dstInterface`: "If the action is FORWARD_DECAPSULATED, FORWARD_ENCAPSULATED or PASSTHROUGH one value shall
    ///   be provided. If the action is DUPLICATE_DECAPSULATED or DUPLICATE_ENCAPSULATED, two values shall be
    ///   provided. If the action is DROP, no value shall be provided." Each interface is valid.
    public func validate(in context: ValidationContext) throws(ValidationError) {
        var validator = Validator(context: context)
        let root = FieldPath.root
        validator.nonEmpty(trafficRuleId, at: root.field("trafficRuleId"))
        validator.within(priority, 0...255, at: root.field("priority"))
        validator.minItems(trafficFilter, 1, at: root.field("trafficFilter"))
        for (index, filter) in trafficFilter.enumerated() {
            filter.check(&validator, at: root.field("trafficFilter").item(index))
        }
        checkInterfaceCount(&validator)
        for (index, interface) in (dstInterface ?? []).enumerated() {
            interface.check(&validator, at: root.field("dstInterface").item(index))
        }
        try validator.finish()
    }

    private func checkInterfaceCount(_ validator: inout Validator) {
        let count = dstInterface?.count ?? 0
        let path = FieldPath.root.field("dstInterface")
        switch action {
        case .drop where count > 0:
            validator.report(path, .notAllowed, "must be absent when the action is DROP")
        case .forwardDecapsulated, .forwardEncapsulated, .passthrough:
            if count != 1 {
                let message = "must give one interface when the action is \(action.rawValue)"
                validator.report(path, count == 0 ? .missing : .tooManyItems, message)
            }
        case .duplicateDecapsulated, .duplicateEncapsulated:
            if count != 2 {
                let message = "must give two interfaces when the action is \(action.rawValue)"
                validator.report(path, count < 2 ? .tooFewItems : .tooManyItems, message)
            }
        default:
            break
        }
    }
}
