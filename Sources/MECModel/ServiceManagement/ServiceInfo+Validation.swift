extension ServiceInfo: Validatable {
    /// Checks a registration (`create`) or an update (`update`) of a service.
    ///
    /// - `serName`, `version` and `transportId` are not empty; `serCategory` is a valid category reference.
    /// - `serInstanceId` "shall be absent in POST requests, and present otherwise".
    /// - In POST "either transportId or transportInfo but not both shall be present"; otherwise `transportId`
    ///   "shall be absent" and `transportInfo` "shall be present".
    /// - `transportInfo` is a valid transport, `livenessInterval` is zero or positive, and `_links` "shall be absent
    ///   in HTTP requests".
    public func validate(in context: ValidationContext) throws(ValidationError) {
        var validator = Validator(context: context)
        let root = FieldPath.root
        validator.nonEmpty(serName, at: root.field("serName"))
        validator.nonEmpty(version, at: root.field("version"))
        serCategory?.check(&validator, at: root.field("serCategory"))
        switch context {
        case .create:
            validator.absent(
                serInstanceId, at: root.field("serInstanceId"), "must be absent when registering a service")
            if transportId != nil, transportInfo != nil {
                let message = "must not be present together with transportInfo"
                validator.report(root.field("transportId"), .conflict, message)
            } else if transportId == nil, transportInfo == nil {
                let message = "either transportId or transportInfo must be present"
                validator.report(root.field("transportInfo"), .missing, message)
            }
        case .update:
            validator.present(serInstanceId, at: root.field("serInstanceId"), "is required when updating a service")
            validator.absent(transportId, at: root.field("transportId"), "is only allowed when registering a service")
            validator.present(transportInfo, at: root.field("transportInfo"), "is required when updating a service")
        }
        validator.nonEmpty(serInstanceId, at: root.field("serInstanceId"))
        validator.nonEmpty(transportId, at: root.field("transportId"))
        transportInfo?.check(&validator, at: root.field("transportInfo"))
        validator.within(livenessInterval, 0...Int.max, at: root.field("livenessInterval"))
        validator.absent(links, at: root.field("_links"), "must be absent in requests")
        try validator.finish()
    }
}
