import MECModel
import MECStore

extension ServiceManagementAPI {
    /// Removes what an application instance left in service management when it terminates: its services, with a
    /// `REMOVED` notification for each to the subscribers, their liveness records, and its own service availability
    /// subscriptions.
    ///
    /// Application support calls this when an instance terminates, so that consumers learn the services are gone.
    /// - Returns: How many services were removed.
    @discardableResult
    public func removeApplicationInstance(_ appInstanceId: String) async throws -> Int {
        let byOwner = DocumentFilter.key(ServiceRecord.Key.appInstanceId, equals: appInstanceId)
        let services = try await context.store.list(Collections.services, matching: byOwner).map(ServiceRecord.init)
        var removed: [(service: ServiceInfo, changeType: ServiceChangeType)] = []
        for service in services {
            renderedServices.remove(service.serInstanceId)
            let deleted = try await writingServices {
                try await context.store.delete(Collections.services, id: service.serInstanceId)
            }
            if deleted {
                removed.append((service.info, .removed))
            }
        }
        _ = try await context.store.deleteAll(Collections.serviceLiveness, matching: byOwner)
        for subscription in try await engine.subscriptions(apiName: Self.availabilityAPI, owner: appInstanceId) {
            try await engine.unregister(subscription.id)
        }
        if !removed.isEmpty {
            logger.info(
                "application instance services removed",
                ["app_instance_id": appInstanceId, "count": "\(removed.count)"])
        }
        await announce(removed)
        return removed.count
    }
}
