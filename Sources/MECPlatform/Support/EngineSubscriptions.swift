import Foundation
import MECHTTP
import MECModel
import MECNotifications
import MECStore

/// Creating, reading and listing an API's subscriptions through the notification engine, which owns them.
struct EngineSubscriptions<Subscription: NotificationSubscriptionRequest> {
    let engine: NotificationEngine
    let apiName: String

    /// Registers a subscription of `owner`, answering 201 with `Location`, `_links.self` and, for a websocket, the
    /// `websocketUri` the engine assigned.
    func create(
        _ subscription: Subscription,
        owner: String,
        location: @escaping @Sendable (String) -> String,
        indexes: [IndexEntry] = []
    ) async throws -> Response {
        let id = UUID().uuidString.lowercased()
        let href = location(id)
        let registration = SubscriptionRegistration(
            id: id,
            owner: owner,
            apiName: apiName,
            href: href,
            callbackReference: subscription.callbackReference,
            requestWebsocketURI: subscription.websockNotifConfig?.requestWebsocketUri == true,
            requestTestNotification: subscription.requestTestNotification == true,
            expiryDeadline: subscription.expiryDeadline?.date,
            indexes: indexes
        )
        let registered = try await engine.register(registration) { registered in
            var stored = subscription
            stored.links = SubscriptionLinks(selfLink: LinkType(href: href))
            if let websocketURI = registered.websocketURI {
                stored.websockNotifConfig = WebsockNotifConfig(websocketUri: websocketURI, requestWebsocketUri: true)
            }
            return try MECModelCoding.encode(stored)
        }
        var headers = HTTPHeaders()
        headers["Location"] = href
        headers["Content-Type"] = MediaType.json
        return Response(status: 201, headers: headers, body: registered.resource)
    }

    /// The subscription `id` of `owner`, or 404.
    func owned(_ id: String, owner: String) throws -> NotificationSubscription {
        guard let subscription = engine.subscription(id), subscription.apiName == apiName, subscription.owner == owner
        else {
            throw HTTPError.notFound("No subscription with this identifier exists for this application instance.")
        }
        return subscription
    }

    /// The stored JSON of a subscription as a 200 response.
    func read(_ id: String, owner: String) throws -> Response {
        let subscription = try owned(id, owner: owner)
        var headers = HTTPHeaders()
        headers["Content-Type"] = MediaType.json
        return Response(status: 200, headers: headers, body: subscription.resource)
    }

    /// A `SubscriptionLinkList` of `owner`'s subscriptions.
    func list(owner: String, selfHref: String, subscriptionType: String) async throws -> Response {
        let subscriptions = try await engine.subscriptions(apiName: apiName, owner: owner)
        let links = SubscriptionLinkListLinks(
            selfLink: LinkType(href: selfHref),
            subscriptions: subscriptions.map {
                SubscriptionLinkListSubscription(href: $0.href, subscriptionType: subscriptionType)
            }
        )
        return try .json(SubscriptionLinkList(links: links))
    }

    /// Removes a subscription of `owner`, or 404.
    func delete(_ id: String, owner: String) async throws -> Response {
        _ = try owned(id, owner: owner)
        try await engine.unregister(id)
        return .noContent()
    }
}
