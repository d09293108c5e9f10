extension AppTerminationNotificationSubscription: Validatable {
    /// Checks a subscription request.
    ///
    /// - `subscriptionType` "shall be set to AppTerminationNotificationSubscription".
    /// - `callbackReference` is an absolute `http` or `https` URI.
    /// - `appInstanceId` is not empty.
    /// - `_links` "shall only be included in the HTTP responses", and so is `websockNotifConfig.websocketUri`.
    public func validate(in context: ValidationContext) throws(ValidationError) {
        var validator = Validator(context: context)
        let root = FieldPath.root
        if subscriptionType != Self.subscriptionTypeValue {
            validator.report(root.field("subscriptionType"), .invalidValue, "must be \(Self.subscriptionTypeValue)")
        }
        validator.httpURI(callbackReference, at: root.field("callbackReference"))
        validator.nonEmpty(appInstanceId, at: root.field("appInstanceId"))
        validator.absent(links, at: root.field("_links"), "must be absent in requests")
        validator.absent(
            websockNotifConfig?.websocketUri,
            at: root.field("websockNotifConfig").field("websocketUri"),
            "is assigned by the platform"
        )
        try validator.finish()
    }
}
