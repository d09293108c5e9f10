import Foundation
import MECHTTP
import MECModel
import MECNotifications

extension ApplicationSupportAPI {
    var terminationSubscriptions: EngineSubscriptions<AppTerminationNotificationSubscription> {
        EngineSubscriptions(engine: engine, apiName: Self.terminationAPI)
    }

    func registerSubscriptions(in router: inout Router) {
        let base = Self.basePath + "/applications/{appInstanceId}/subscriptions"
        router.on(.get, base) { request in try await self.listSubscriptions(request) }
        router.on(.post, base) { request in try await self.createSubscription(request) }
        router.on(.get, base + "/{subscriptionId}") { request in
            let id = try request.pathParameter("appInstanceId")
            try self.context.caller(request).authorize(appInstanceId: id)
            return try self.terminationSubscriptions.read(try request.pathParameter("subscriptionId"), owner: id)
        }
        router.on(.delete, base + "/{subscriptionId}") { request in
            let id = try request.pathParameter("appInstanceId")
            try self.context.caller(request).authorize(appInstanceId: id)
            return try await self.terminationSubscriptions.delete(
                try request.pathParameter("subscriptionId"),
                owner: id
            )
        }
    }

    /// `POST .../subscriptions`: an application termination subscription for the instance itself.
    func createSubscription(_ request: Request) async throws -> Response {
        let id = try request.pathParameter("appInstanceId")
        try context.caller(request).authorize(appInstanceId: id)
        let subscription = try RequestBody.decode(
            AppTerminationNotificationSubscription.self,
            wrapper: "AppTerminationNotificationSubscription",
            from: request,
            context: .create
        )
        guard subscription.appInstanceId == id else {
            throw HTTPError.badRequest("Field 'appInstanceId' does not match the resource.")
        }
        _ = try await requireRegistration(id)
        let base = url("/applications/\(id)/subscriptions/")
        return try await terminationSubscriptions.create(subscription, owner: id, location: { base + $0 })
    }

    func listSubscriptions(_ request: Request) async throws -> Response {
        let id = try request.pathParameter("appInstanceId")
        try context.caller(request).authorize(appInstanceId: id)
        _ = try await requireRegistration(id)
        return try await terminationSubscriptions.list(
            owner: id,
            selfHref: url("/applications/\(id)/subscriptions"),
            subscriptionType: AppTerminationNotificationSubscription.subscriptionTypeValue
        )
    }
}
