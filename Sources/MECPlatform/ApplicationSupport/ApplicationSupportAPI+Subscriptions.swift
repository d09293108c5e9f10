import Foundation
import MECHTTP
import MECModel
import MECStore

extension ApplicationSupportAPI {
    func registerSubscriptions(in router: inout Router) {
        let base = Self.basePath + "/applications/{appInstanceId}/subscriptions"
        router.on(.get, base) { request in try await self.listSubscriptions(request) }
        router.on(.post, base) { request in try await self.createSubscription(request) }
        router.on(.get, base + "/{subscriptionId}") { request in try await self.readSubscription(request) }
        router.on(.delete, base + "/{subscriptionId}") { request in try await self.deleteSubscription(request) }
    }

    /// `POST .../subscriptions`: an application termination subscription for the instance itself.
    func createSubscription(_ request: Request) async throws -> Response {
        let id = try request.pathParameter("appInstanceId")
        try context.caller(request).authorize(appInstanceId: id)
        var subscription = try RequestBody.decode(
            AppTerminationNotificationSubscription.self,
            wrapper: "AppTerminationNotificationSubscription",
            from: request,
            context: .create
        )
        guard subscription.appInstanceId == id else {
            throw HTTPError.badRequest("Field 'appInstanceId' does not match the resource.")
        }
        _ = try await requireRegistration(id)
        let subscriptionId = UUID().uuidString.lowercased()
        let location = url("/applications/\(id)/subscriptions/\(subscriptionId)")
        subscription.links = SubscriptionLinks(selfLink: LinkType(href: location))
        _ = try await context.store.insert(
            collection: Collections.terminationSubscriptions,
            id: subscriptionId,
            value: subscription,
            indexes: [IndexEntry(key: "appInstanceId", value: id)]
        )
        var headers = HTTPHeaders()
        headers["Location"] = location
        return try .json(subscription, status: 201, headers: headers)
    }

    func listSubscriptions(_ request: Request) async throws -> Response {
        let id = try request.pathParameter("appInstanceId")
        try context.caller(request).authorize(appInstanceId: id)
        _ = try await requireRegistration(id)
        let documents = try await context.store.list(
            Collections.terminationSubscriptions,
            matching: .key("appInstanceId", equals: id)
        )
        let links = SubscriptionLinkListLinks(
            selfLink: LinkType(href: url("/applications/\(id)/subscriptions")),
            subscriptions: documents.map { document in
                SubscriptionLinkListSubscription(
                    href: url("/applications/\(id)/subscriptions/\(document.id)"),
                    subscriptionType: AppTerminationNotificationSubscription.subscriptionTypeValue
                )
            }
        )
        return try .json(SubscriptionLinkList(links: links))
    }

    func readSubscription(_ request: Request) async throws -> Response {
        let (_, document) = try await ownedSubscription(request)
        return try .json(try document.decode(AppTerminationNotificationSubscription.self))
    }

    func deleteSubscription(_ request: Request) async throws -> Response {
        let (_, document) = try await ownedSubscription(request)
        _ = try await context.store.delete(Collections.terminationSubscriptions, id: document.id)
        return .noContent()
    }

    private func ownedSubscription(_ request: Request) async throws -> (String, StoredDocument) {
        let id = try request.pathParameter("appInstanceId")
        try context.caller(request).authorize(appInstanceId: id)
        let subscriptionId = try request.pathParameter("subscriptionId")
        guard let document = try await context.store.get(Collections.terminationSubscriptions, id: subscriptionId),
            document.indexValues(for: "appInstanceId") == [id]
        else {
            throw HTTPError.notFound("No subscription with this identifier exists for this application instance.")
        }
        return (id, document)
    }
}
