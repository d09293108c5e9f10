extension AppInfo: Validatable {
    /// Checks a registration.
    ///
    /// - `appName`, `appProvider`, `appDId` and `appInstanceId` are not empty.
    /// - `appDId` and `appInstanceId` "shall be present if the application instance is instantiated by the MEC
    ///   Management" (`isInsByMec` true).
    /// - `endpoint` "shall be present when isInsByMec is FALSE" (the default) and is valid.
    /// - The service and feature dependencies "shall not be provided if an AppD is available", which a present
    ///   `appDId` indicates; when given, each is valid (`serializers` and `labels` have at least one item).
    /// - "If appProfile is present, appProvider shall be consistent with provId" of the profile.
    public func validate(in context: ValidationContext) throws(ValidationError) {
        var validator = Validator(context: context)
        let root = FieldPath.root
        validator.nonEmpty(appName, at: root.field("appName"))
        validator.nonEmpty(appProvider, at: root.field("appProvider"))
        validator.nonEmpty(appDId, at: root.field("appDId"))
        validator.nonEmpty(appInstanceId, at: root.field("appInstanceId"))
        appCategory?.check(&validator, at: root.field("appCategory"))
        if isInsByMec == true {
            let message = "is required when isInsByMec is true"
            validator.present(appDId, at: root.field("appDId"), message)
            validator.present(appInstanceId, at: root.field("appInstanceId"), message)
        } else {
            validator.present(endpoint, at: root.field("endpoint"), "is required unless isInsByMec is true")
        }
        endpoint?.check(&validator, at: root.field("endpoint"))
        checkDependencies(&validator)
        checkProfile(&validator)
        try validator.finish()
    }

    private func checkDependencies(_ validator: inout Validator) {
        let services = [("appServiceRequired", appServiceRequired), ("appServiceOptional", appServiceOptional)]
        let features = [("appFeatureRequired", appFeatureRequired), ("appFeatureOptional", appFeatureOptional)]
        let message = "must not be provided when an application descriptor (appDId) is available"
        for (name, dependencies) in services {
            let path = FieldPath.root.field(name)
            if appDId != nil {
                validator.absent(dependencies, at: path, message)
            }
            for (index, dependency) in (dependencies ?? []).enumerated() {
                dependency.check(&validator, at: path.item(index))
            }
        }
        for (name, dependencies) in features {
            let path = FieldPath.root.field(name)
            if appDId != nil {
                validator.absent(dependencies, at: path, message)
            }
            for (index, dependency) in (dependencies ?? []).enumerated() {
                validator.nonEmpty(dependency.featureName, at: path.item(index).field("featureName"))
                validator.nonEmpty(dependency.version, at: path.item(index).field("version"))
            }
        }
    }

    private func checkProfile(_ validator: inout Validator) {
        guard let appProfile else {
            return
        }
        guard case .object(let profile) = appProfile else {
            validator.report(FieldPath.root.field("appProfile"), .wrongType, "must be an object")
            return
        }
        if case .string(let provId) = profile["provId"], let appProvider, appProvider != provId {
            validator.report(FieldPath.root.field("appProvider"), .conflict, "must match appProfile.provId")
        }
    }
}
