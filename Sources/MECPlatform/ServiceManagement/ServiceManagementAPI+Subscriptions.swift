import Foundation
import MECHTTP
import MECModel
import MECNotifications

extension ServiceManagementAPI {
    var availabilitySubscriptions: EngineSubscriptions<SerAvailabilityNotificationSubscription> {
        EngineSubscriptions(engine: engine, apiName: Self.availabilityAPI)
    }

    /// `GET /applications/{appInstanceId}/subscriptions`: links to the application instance's subscriptions.
    func listSubscriptions(_ request: Request) async throws -> Response {
        let appInstanceId = try authorizedApplication(request)
        return try await availabilitySubscriptions.list(
            owner: appInstanceId,
            selfHref: paths.subscriptions(appInstanceId),
            subscriptionType: SerAvailabilityNotificationSubscription.subscriptionTypeValue
        )
    }

    /// `POST /applications/{appInstanceId}/subscriptions`: subscribes to service availability; 201 with `Location`.
    /// A `websockNotifConfig` with `requestWebsocketUri` gets notifications over a websocket the platform serves.
    func createSubscription(_ request: Request) async throws -> Response {
        let appInstanceId = try authorizedApplication(request)
        let subscription = try RequestBody.decode(
            SerAvailabilityNotificationSubscription.self,
            wrapper: "SerAvailabilityNotificationSubscription",
            from: request,
            context: .create
        )
        let paths = self.paths
        let response = try await availabilitySubscriptions.create(
            subscription,
            owner: appInstanceId,
            location: { paths.subscription(appInstanceId, $0) }
        )
        logger.info(
            "service availability subscription created",
            ["app_instance_id": appInstanceId, "subscription": response.headers["Location"] ?? ""])
        return response
    }

    /// `GET /applications/{appInstanceId}/subscriptions/{subscriptionId}`.
    func getSubscription(_ request: Request) async throws -> Response {
        let appInstanceId = try authorizedApplication(request)
        return try availabilitySubscriptions.read(try request.pathParameter("subscriptionId"), owner: appInstanceId)
    }

    /// `DELETE /applications/{appInstanceId}/subscriptions/{subscriptionId}`.
    func deleteSubscription(_ request: Request) async throws -> Response {
        let appInstanceId = try authorizedApplication(request)
        let subscriptionId = try request.pathParameter("subscriptionId")
        let response = try await availabilitySubscriptions.delete(subscriptionId, owner: appInstanceId)
        logger.info(
            "service availability subscription deleted",
            ["app_instance_id": appInstanceId, "subscription_id": subscriptionId])
        return response
    }
}
