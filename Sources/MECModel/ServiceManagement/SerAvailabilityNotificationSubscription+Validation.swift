extension SerAvailabilityNotificationSubscription: Validatable {
    /// Checks a subscription request.
    ///
    /// - `subscriptionType` "shall be set to SerAvailabilityNotificationSubscription".
    /// - `callbackReference` is an absolute `http` or `https` URI.
    /// - `_links` "shall only be included in the HTTP responses", and so is `websockNotifConfig.websocketUri`.
    /// - The filtering criteria name no empty identifiers or names and only valid categories (their mutual
    ///   exclusion is enforced when decoding).
    public func validate(in context: ValidationContext) throws(ValidationError) {
        var validator = Validator(context: context)
        let root = FieldPath.root
        if subscriptionType != Self.subscriptionTypeValue {
            validator.report(root.field("subscriptionType"), .invalidValue, "must be \(Self.subscriptionTypeValue)")
        }
        validator.httpURI(callbackReference, at: root.field("callbackReference"))
        validator.absent(links, at: root.field("_links"), "must be absent in requests")
        validator.absent(
            websockNotifConfig?.websocketUri,
            at: root.field("websockNotifConfig").field("websocketUri"),
            "is assigned by the platform"
        )
        if let filteringCriteria {
            filteringCriteria.check(&validator, at: root.field("filteringCriteria"))
        }
        try validator.finish()
    }
}
