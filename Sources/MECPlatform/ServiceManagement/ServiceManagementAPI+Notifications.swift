import MECModel
import MECNotifications
import MECStore

extension ServiceManagementAPI {
    /// Hands the notifications that `changes` cause to the notification engine: one per change and matching
    /// subscription, each naming the one service that changed.
    ///
    /// Called after the changes are stored; a failure here is logged and changes nothing that was stored.
    func announce(_ changes: [(service: ServiceInfo, changeType: ServiceChangeType)]) async {
        guard !changes.isEmpty else { return }
        do {
            let pending = try await notifications(for: changes)
            guard !pending.isEmpty else { return }
            try await notify(pending)
            for notification in pending {
                let changeType = notification.notification.serviceReferences.first?.changeType.rawValue ?? ""
                notificationsHandedOff.increment([changeType])
            }
        } catch {
            logger.error("service availability notification hand-off failed", ["error": "\(type(of: error))"])
        }
    }

    /// The notifications `changes` cause, in subscription order.
    ///
    /// Matches against the subscriptions the engine delivers to, held in memory with their decoded resources; each
    /// change's notification is encoded once and only the subscription link differs per subscriber.
    func notifications(for changes: [(service: ServiceInfo, changeType: ServiceChangeType)]) async throws
        -> [PendingNotification]
    {
        let subscriptions = engine.deliverableSubscriptions(apiName: Self.availabilityAPI)
        let templates = try changes.map { try NotificationBodyTemplate(references: [reference($0, $1)]) }
        let decoded = try availabilityCriteria.decoded(subscriptions)
        var pending: [PendingNotification] = []
        for (stored, subscription) in zip(subscriptions, decoded) {
            for (index, change) in changes.enumerated()
            where subscription.filteringCriteria?.matches(change.service) ?? true {
                let template = templates[index]
                pending.append(
                    PendingNotification(
                        subscriptionId: stored.id,
                        appInstanceId: stored.owner,
                        callbackReference: subscription.callbackReference,
                        notification: template.notification(subscriptionHref: stored.href),
                        body: try template.body(subscriptionHref: stored.href)
                    ))
            }
        }
        return pending
    }

    /// The `ServiceReferences` of one change; the link to the service is left out when it was removed.
    private func reference(_ service: ServiceInfo, _ changeType: ServiceChangeType) -> ServiceReferences {
        let id = service.serInstanceId ?? ""
        return ServiceReferences(
            link: changeType == .removed ? nil : LinkType(href: paths.service(id)),
            serName: service.serName,
            serInstanceId: id,
            state: service.state,
            changeType: changeType
        )
    }
}
