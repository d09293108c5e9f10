import Foundation
import MECHTTP
import MECModel
import MECStore

extension ServiceManagementAPI {
    /// `GET` on a service's liveness resource: its liveness state, last heartbeat and interval.
    func getLiveness(_ request: Request) async throws -> Response {
        let (service, liveness) = try await loadLiveness(request)
        let record = try liveness.decode(ServiceLivenessRecord.self)
        let info = ServiceLivenessInfo(
            state: service.info.state, timeStamp: record.timeStamp, interval: record.interval)
        return try json(info, version: liveness.version)
    }

    /// `PATCH` on a service's liveness resource: a heartbeat (`ServiceLivenessUpdate` with state `ACTIVE`).
    ///
    /// Records the time; a service the watchdog suspended becomes `ACTIVE` again and subscribers are told
    /// (`STATE_CHANGED`). Answers 204: the interval stays as determined at registration.
    func heartbeat(_ request: Request) async throws -> Response {
        let (service, liveness) = try await loadLiveness(request)
        _ = try EntityTag.requiredVersion(request, current: liveness.version)
        _ = try RequestBody.decode(
            ServiceLivenessUpdate.self, wrapper: "ServiceLivenessUpdate", from: request, context: .update)
        var record = try liveness.decode(ServiceLivenessRecord.self)
        record.lastHeartbeat = clock.now()
        var operations: [StoreOperation] = [
            .update(
                collection: Collections.serviceLiveness,
                id: liveness.id,
                body: try DocumentCoding.encode(record),
                indexes: liveness.indexes,
                ifVersion: liveness.version
            )
        ]
        var reactivated: ServiceInfo?
        if service.info.state == .suspended {
            var info = service.info
            info.state = .active
            operations.append(try service.update(to: info))
            reactivated = info
        }
        try await writingServices { try await context.store.transaction(operations) }
        if let reactivated {
            logger.info(
                "service reactivated by heartbeat",
                ["app_instance_id": service.appInstanceId, "ser_instance_id": service.serInstanceId])
            await announce([(reactivated, .stateChanged)])
        }
        return .noContent()
    }

    /// Suspends every `ACTIVE` service whose heartbeat is overdue and reports `STATE_CHANGED`; the watchdog calls
    /// this every `livenessCheckPeriod`.
    ///
    /// Each suspension is conditional on the service and its liveness record being unchanged since they were read,
    /// so a heartbeat or update that arrives meanwhile wins.
    public func checkLiveness() async {
        let now = clock.now()
        var changes: [(service: ServiceInfo, changeType: ServiceChangeType)] = []
        do {
            for liveness in try await context.store.list(Collections.serviceLiveness) {
                let record = try liveness.decode(ServiceLivenessRecord.self)
                guard record.isOverdue(at: now, grace: configuration.livenessGrace) else { continue }
                guard let service = try await loadService(liveness.id) else {
                    // The service was removed without its liveness record (by another API or a crash in between).
                    _ = try await context.store.delete(Collections.serviceLiveness, id: liveness.id)
                    continue
                }
                guard service.info.state == .active else { continue }
                if let suspended = try await suspend(service, liveness) {
                    changes.append((suspended, .stateChanged))
                }
            }
        } catch {
            logger.error("liveness check failed", ["error": "\(type(of: error))"])
        }
        await announce(changes)
    }

    /// Marks `service` SUSPENDED unless it or its liveness record changed since read; returns the new state.
    private func suspend(_ service: ServiceRecord, _ liveness: StoredDocument) async throws -> ServiceInfo? {
        var info = service.info
        info.state = .suspended
        do {
            let operations: [StoreOperation] = [
                try service.update(to: info),
                .update(
                    collection: Collections.serviceLiveness,
                    id: liveness.id,
                    body: liveness.body,
                    indexes: liveness.indexes,
                    ifVersion: liveness.version
                ),
            ]
            try await writingServices { try await context.store.transaction(operations) }
        } catch let error as StoreError where error.code == .versionMismatch || error.code == .notFound {
            return nil
        }
        logger.notice(
            "service suspended: heartbeat overdue",
            ["app_instance_id": service.appInstanceId, "ser_instance_id": service.serInstanceId])
        return info
    }

    /// The service of the request's path and its liveness document; 404 when the application instance has no such
    /// service or the platform requires no heartbeats from it.
    private func loadLiveness(_ request: Request) async throws -> (ServiceRecord, StoredDocument) {
        let appInstanceId = try authorizedApplication(request)
        let serviceId = try request.pathParameter("serviceId")
        let service = try await loadService(serviceId, of: appInstanceId)
        guard let liveness = try await context.store.get(Collections.serviceLiveness, id: serviceId) else {
            throw HTTPError.notFound("The platform requires no heartbeats from this service.")
        }
        return (service, liveness)
    }
}
