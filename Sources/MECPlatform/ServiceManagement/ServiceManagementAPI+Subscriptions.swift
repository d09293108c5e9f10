import Foundation
import MECHTTP
import MECModel
import MECStore

extension ServiceManagementAPI {
    /// `GET /applications/{appInstanceId}/subscriptions`: links to the application instance's subscriptions.
    func listSubscriptions(_ request: Request) async throws -> Response {
        let appInstanceId = try authorizedApplication(request)
        let documents = try await context.store.list(
            Collections.serviceSubscriptions,
            matching: .key(ServiceRecord.Key.appInstanceId, equals: appInstanceId)
        )
        let entries = documents.map {
            SubscriptionLinkListSubscription(
                href: paths.subscription(appInstanceId, $0.id),
                subscriptionType: SerAvailabilityNotificationSubscription.subscriptionTypeValue
            )
        }
        let list = SubscriptionLinkList(
            links: SubscriptionLinkListLinks(
                selfLink: LinkType(href: paths.subscriptions(appInstanceId)), subscriptions: entries)
        )
        return try .json(list)
    }

    /// `POST /applications/{appInstanceId}/subscriptions`: subscribes to service availability; 201 with `Location`.
    func createSubscription(_ request: Request) async throws -> Response {
        let appInstanceId = try authorizedApplication(request)
        let subscription = try RequestBody.decode(
            SerAvailabilityNotificationSubscription.self,
            wrapper: "SerAvailabilityNotificationSubscription",
            from: request,
            context: .create
        )
        let subscriptionId = UUID().uuidString.lowercased()
        _ = try await context.store.insert(
            collection: Collections.serviceSubscriptions,
            id: subscriptionId,
            value: subscription,
            indexes: [IndexEntry(ServiceRecord.Key.appInstanceId, appInstanceId)]
        )
        logger.info(
            "service availability subscription created",
            ["app_instance_id": appInstanceId, "subscription_id": subscriptionId])
        let href = paths.subscription(appInstanceId, subscriptionId)
        return try json(rendered(subscription, href: href), status: 201, version: 1, location: href)
    }

    /// `GET /applications/{appInstanceId}/subscriptions/{subscriptionId}`.
    func getSubscription(_ request: Request) async throws -> Response {
        let appInstanceId = try authorizedApplication(request)
        let subscriptionId = try request.pathParameter("subscriptionId")
        let document = try await loadSubscription(subscriptionId, of: appInstanceId)
        let subscription = try document.decode(SerAvailabilityNotificationSubscription.self)
        let href = paths.subscription(appInstanceId, subscriptionId)
        return try json(rendered(subscription, href: href), version: document.version)
    }

    /// `DELETE /applications/{appInstanceId}/subscriptions/{subscriptionId}`.
    func deleteSubscription(_ request: Request) async throws -> Response {
        let appInstanceId = try authorizedApplication(request)
        let subscriptionId = try request.pathParameter("subscriptionId")
        let document = try await loadSubscription(subscriptionId, of: appInstanceId)
        guard
            try await context.store.delete(
                Collections.serviceSubscriptions, id: subscriptionId, ifVersion: document.version)
        else {
            throw HTTPError.notFound("The application instance has no subscription with this identifier.")
        }
        logger.info(
            "service availability subscription deleted",
            ["app_instance_id": appInstanceId, "subscription_id": subscriptionId])
        return .noContent()
    }

    private func loadSubscription(_ subscriptionId: String, of appInstanceId: String) async throws -> StoredDocument {
        guard let document = try await context.store.get(Collections.serviceSubscriptions, id: subscriptionId),
            document.indexValues(for: ServiceRecord.Key.appInstanceId).first == appInstanceId
        else {
            throw HTTPError.notFound("The application instance has no subscription with this identifier.")
        }
        return document
    }

    private func rendered(_ subscription: SerAvailabilityNotificationSubscription, href: String)
        -> SerAvailabilityNotificationSubscription
    {
        var copy = subscription
        copy.links = SubscriptionLinks(selfLink: LinkType(href: href))
        return copy
    }
}
