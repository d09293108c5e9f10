import Foundation
import MECHTTP
import MECModel
import MECStore

extension ApplicationSupportAPI {
    func registerRegistrations(in router: inout Router) {
        let base = Self.basePath
        router.on(.post, base + "/registrations") { request in try await self.createRegistration(request) }
        router.on(.get, base + "/registrations/{appInstanceId}") { request in try await self.readRegistration(request) }
        router.on(.put, base + "/registrations/{appInstanceId}") { request in
            try await self.updateRegistration(request)
        }
        router.on(.delete, base + "/registrations/{appInstanceId}") { request in
            try await self.deleteRegistration(request)
        }
        router.on(.post, base + "/applications/{appInstanceId}/confirm_ready") { request in
            try await self.confirmReady(request)
        }
        router.on(.post, base + "/applications/{appInstanceId}/confirm_termination") { request in
            try await self.confirmTermination(request)
        }
    }

    /// `POST /registrations`: an application instance registers itself (or the operator registers one).
    func createRegistration(_ request: Request) async throws -> Response {
        var info = try RequestBody.decode(AppInfo.self, wrapper: "AppInfo", from: request, context: .create)
        let caller = context.caller(request)
        switch caller {
        case .application(let own):
            if let claimed = info.appInstanceId, claimed != own {
                throw HTTPError.forbidden("An application instance may only register itself.")
            }
            info.appInstanceId = own
        case .operatorClient:
            info.appInstanceId = info.appInstanceId ?? UUID().uuidString.lowercased()
        case .anonymous:
            throw HTTPError.forbidden("Registration needs an authenticated application instance.")
        }
        let id = info.appInstanceId ?? ""
        let record = RegistrationRecord(appInfo: info)
        do {
            _ = try await context.store.insert(collection: Collections.registrations, id: id, value: record)
        } catch let error as StoreError where error.code == .conflict {
            throw HTTPError.conflict("This application instance is already registered.")
        }
        context.logger.info("application registered", ["app_instance_id": id])
        var headers = HTTPHeaders()
        headers["Location"] = url("/registrations/\(id)")
        return try .json(info, status: 201, headers: headers)
    }

    func readRegistration(_ request: Request) async throws -> Response {
        let id = try request.pathParameter("appInstanceId")
        try context.caller(request).authorize(appInstanceId: id)
        let (record, document) = try await requireRegistration(id)
        return try .json(record.appInfo, headers: EntityTag.headers(document))
    }

    func updateRegistration(_ request: Request) async throws -> Response {
        let id = try request.pathParameter("appInstanceId")
        try context.caller(request).authorize(appInstanceId: id)
        var info = try RequestBody.decode(AppInfo.self, wrapper: "AppInfo", from: request, context: .update)
        if let claimed = info.appInstanceId, claimed != id {
            throw HTTPError.badRequest("Field 'appInstanceId' does not match the resource.")
        }
        info.appInstanceId = id
        let (record, document) = try await requireRegistration(id)
        let version = try EntityTag.requiredVersion(request, current: document.version) ?? document.version
        var updated = record
        updated.appInfo = info
        _ = try await context.store.update(
            collection: Collections.registrations,
            id: id,
            value: updated,
            ifVersion: version
        )
        return .noContent()
    }

    func deleteRegistration(_ request: Request) async throws -> Response {
        let id = try request.pathParameter("appInstanceId")
        try context.caller(request).authorize(appInstanceId: id)
        _ = try await requireRegistration(id)
        try await deregister(id, reason: "deleted")
        return .noContent()
    }

    /// `POST .../confirm_ready`: the instance tells the platform it is up.
    func confirmReady(_ request: Request) async throws -> Response {
        let id = try request.pathParameter("appInstanceId")
        try context.caller(request).authorize(appInstanceId: id)
        _ = try RequestBody.decode(
            AppReadyConfirmation.self, wrapper: "AppReadyConfirmation", from: request, context: .create)
        let (record, document) = try await requireRegistration(id)
        var updated = record
        updated.readyAt = Date()
        _ = try await context.store.update(
            collection: Collections.registrations,
            id: id,
            value: updated,
            ifVersion: document.version
        )
        context.logger.info("application ready", ["app_instance_id": id])
        return .noContent()
    }

    /// `POST .../confirm_termination`: the instance has finished its graceful shutdown.
    func confirmTermination(_ request: Request) async throws -> Response {
        let id = try request.pathParameter("appInstanceId")
        try context.caller(request).authorize(appInstanceId: id)
        let confirmation = try RequestBody.decode(
            AppTerminationConfirmation.self,
            wrapper: "AppTerminationConfirmation",
            from: request,
            context: .create
        )
        let (record, _) = try await requireRegistration(id)
        guard let termination = record.termination else {
            throw HTTPError.conflict("No termination of this application instance is in progress.")
        }
        guard termination.operationAction == confirmation.operationAction else {
            throw HTTPError.badRequest("Field 'operationAction' does not match the termination in progress.")
        }
        terminations.withLock { $0.removeValue(forKey: id) }?.cancel()
        try await deregister(id, reason: "termination confirmed")
        return .noContent()
    }

    /// Removes a registration with its subscriptions and rules, then tells the other APIs.
    func deregister(_ id: String, reason: String) async throws {
        try await context.store.transaction([.delete(collection: Collections.registrations, id: id, ifVersion: nil)])
        for subscription in try await engine.subscriptions(apiName: Self.terminationAPI, owner: id) {
            try await engine.unregister(subscription.id)
        }
        _ = try await context.store.deleteAll(Collections.trafficRules, matching: .key("appInstanceId", equals: id))
        let removedDNS = try await context.store.deleteAll(
            Collections.dnsRules,
            matching: .key("appInstanceId", equals: id)
        )
        if removedDNS > 0 {
            try await dnsChanges.run { try await self.applyStoredDNSRules() }
        }
        await onDeregistered(id)
        context.logger.info("application deregistered", ["app_instance_id": id, "reason": reason])
    }

    /// Starts terminating an instance: notifies its termination subscribers, then removes it when it confirms or
    /// when `maxGracefulTimeout` seconds have passed. Called by lifecycle management.
    public func beginTermination(
        appInstanceId id: String,
        action: OperationActionType,
        maxGracefulTimeout: UInt32
    ) async throws {
        let (record, document) = try await requireRegistration(id)
        var updated = record
        updated.termination = RegistrationRecord.Termination(
            operationAction: action,
            deadline: Date().addingTimeInterval(TimeInterval(maxGracefulTimeout))
        )
        _ = try await context.store.update(
            collection: Collections.registrations,
            id: id,
            value: updated,
            ifVersion: document.version
        )
        let subscriptions = try await engine.subscriptions(apiName: Self.terminationAPI, owner: id)
        var pending: [(subscriptionID: String, body: Data)] = []
        for subscription in subscriptions {
            let notification = AppTerminationNotification(
                operationAction: action,
                maxGracefulTimeout: maxGracefulTimeout,
                links: AppTerminationNotificationLinks(
                    subscription: LinkType(href: subscription.href),
                    confirmTermination: LinkType(href: url("/applications/\(id)/confirm_termination"))
                )
            )
            pending.append((subscription.id, try MECModelCoding.encode(notification)))
        }
        try await engine.publish(pending)
        context.logger.info(
            "application termination started",
            ["app_instance_id": id, "action": action.rawValue, "subscribers": String(pending.count)]
        )
        let timer = Task {
            try? await Task.sleep(for: .seconds(Int(maxGracefulTimeout)))
            guard !Task.isCancelled else { return }
            self.terminations.withLock { _ = $0.removeValue(forKey: id) }
            try? await self.deregister(id, reason: "graceful timeout expired")
        }
        terminations.withLock { $0[id] = timer }
    }
}
