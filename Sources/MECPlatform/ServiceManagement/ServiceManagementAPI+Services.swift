import Foundation
import MECHTTP
import MECModel
import MECStore

extension ServiceManagementAPI {
    /// `GET /services`: the services the caller may consume that match the query.
    ///
    /// The body is the JSON array of the rendered services, each taken from the cache of rendered services when the
    /// stored version was rendered before.
    func listServices(_ request: Request) async throws -> Response {
        let caller = try authenticatedCaller(request)
        let query = try ServiceQuery.parse(request, maximumURILength: configuration.maximumURILength)
        let generation = discoveryAnswers.generation
        let documents = try await context.store.list(Collections.services, matching: query.filter)
        let platform = renderingPlatform()
        var body = Data("[".utf8)
        for document in documents {
            let entry = try renderedService(document, platform: platform)
            guard isVisible(consumedLocalOnly: entry.consumedLocalOnly, to: caller) else { continue }
            if body.count > 1 {
                body.append(UInt8(ascii: ","))
            }
            body.append(entry.json)
        }
        body.append(UInt8(ascii: "]"))
        discoveryAnswers.keep(body, for: discoveryKey(request, caller: caller), generation: generation)
        return Self.serviceList(body)
    }

    /// `GET /services` answered from the answer kept for the same query and caller locality, if no service was
    /// written since; nil sends the request to ``listServices(_:)``.
    func keptServiceList(_ request: Request) throws -> Response? {
        let caller = try authenticatedCaller(request)
        _ = try ServiceQuery.parse(request, maximumURILength: configuration.maximumURILength)
        return discoveryAnswers.answer(discoveryKey(request, caller: caller)).map(Self.serviceList)
    }

    /// What a discovery answer depends on: the caller's locality, the platform URLs, and every query parameter
    /// (each length-prefixed, so that no two queries share a key).
    private func discoveryKey(_ request: Request, caller: Caller) -> String {
        var key = isLocalConsumer(caller) ? "local " : "remote "
        key += renderingPlatform()
        for item in request.query {
            key += "\n\(item.name.utf8.count):\(item.name)\(item.value.utf8.count):\(item.value)"
        }
        return key
    }

    private static func serviceList(_ body: Data) -> Response {
        var headers = HTTPHeaders()
        headers["Content-Type"] = MediaType.json
        return Response(status: 200, headers: headers, body: body)
    }

    /// `GET /services/{serviceId}`.
    func getService(_ request: Request) async throws -> Response {
        let caller = try authenticatedCaller(request)
        let serviceId = try request.pathParameter("serviceId")
        guard let document = try await context.store.get(Collections.services, id: serviceId) else {
            throw HTTPError.notFound("No service has this identifier.")
        }
        let entry = try renderedService(document, platform: renderingPlatform())
        guard isVisible(consumedLocalOnly: entry.consumedLocalOnly, to: caller) else {
            throw HTTPError.notFound("No service has this identifier.")
        }
        var headers = HTTPHeaders()
        headers["Content-Type"] = MediaType.json
        headers["ETag"] = EntityTag.tag(document.version)
        return Response(status: 200, headers: headers, body: entry.json)
    }

    /// What the rendering of a service depends on besides the service: the base URL and the token endpoint.
    private func renderingPlatform() -> String {
        context.baseURL() + " " + (context.tokenEndpoint() ?? "")
    }

    /// A stored service as discovery answers it (`_links.self` under `/services`), from the cache when this version
    /// was rendered before for the same platform URLs.
    private func renderedService(_ document: StoredDocument, platform: String) throws -> RenderedServiceCache.Entry {
        if let entry = renderedServices.entry(document.id, version: document.version, platform: platform) {
            return entry
        }
        let record = try ServiceRecord(document)
        let rendered = render(record.info, appInstanceId: record.appInstanceId, selfHref: paths.service(document.id))
        let entry = RenderedServiceCache.Entry(
            version: document.version,
            platform: platform,
            consumedLocalOnly: record.info.consumedLocalOnly != false,
            json: try JSONCoding.encoder.encode(rendered)
        )
        renderedServices.store(entry, for: document.id)
        return entry
    }

    /// `GET /transports`: the transports the platform provides.
    func listTransports(_ request: Request) throws -> Response {
        _ = try authenticatedCaller(request)
        return try .json(PlatformTransports.offered(baseURL: context.baseURL(), tokenEndpoint: context.tokenEndpoint()))
    }

    /// `GET /applications/{appInstanceId}/services`: the services the application instance produces.
    func listApplicationServices(_ request: Request) async throws -> Response {
        let appInstanceId = try authorizedApplication(request)
        let query = try ServiceQuery.parse(request, maximumURILength: configuration.maximumURILength)
        let filter = query.filter.and(ServiceRecord.Key.appInstanceId, equals: appInstanceId)
        let records = try await context.store.list(Collections.services, matching: filter).map(ServiceRecord.init)
        let services = records.map {
            render(
                $0.info, appInstanceId: appInstanceId,
                selfHref: paths.applicationService(appInstanceId, $0.serInstanceId))
        }
        return try .json(services)
    }

    /// `GET /applications/{appInstanceId}/services/{serviceId}`.
    func getApplicationService(_ request: Request) async throws -> Response {
        let appInstanceId = try authorizedApplication(request)
        let serviceId = try request.pathParameter("serviceId")
        let record = try await loadService(serviceId, of: appInstanceId)
        let href = paths.applicationService(appInstanceId, serviceId)
        return try json(
            render(record.info, appInstanceId: appInstanceId, selfHref: href), version: record.document.version)
    }

    /// `POST /applications/{appInstanceId}/services`: registers a service; 201 with `Location`.
    ///
    /// The platform assigns `serInstanceId` (a UUID), replaces a `transportId` by the transport it names, decides
    /// `isLocal` (every service registered here is local) and the liveness interval, and reports `ADDED`.
    func createService(_ request: Request) async throws -> Response {
        let appInstanceId = try authorizedApplication(request)
        var info = try RequestBody.decode(ServiceInfo.self, wrapper: "ServiceInfo", from: request, context: .create)
        if let transportId = info.transportId {
            let offered = PlatformTransports.offered(baseURL: context.baseURL(), tokenEndpoint: nil)
            guard let transport = offered.first(where: { $0.id == transportId }) else {
                throw HTTPError.badRequest("Field 'transportId' names no transport the platform provides.")
            }
            info.transportInfo = transport
            info.transportId = nil
        }
        let serviceId = UUID().uuidString.lowercased()
        info.serInstanceId = serviceId
        info.isLocal = true
        info.livenessInterval = livenessInterval(proposed: info.livenessInterval)
        info = withPlatformSecurity(info)
        var operations: [StoreOperation] = [
            .insert(
                try NewDocument(
                    collection: Collections.services,
                    id: serviceId,
                    value: info,
                    indexes: ServiceRecord.indexes(info, appInstanceId: appInstanceId)
                )
            )
        ]
        if let interval = info.livenessInterval {
            let record = ServiceLivenessRecord(interval: interval, lastHeartbeat: clock.now())
            operations.append(.insert(try livenessDocument(serviceId, record, appInstanceId: appInstanceId)))
        }
        try await writingServices { try await context.store.transaction(operations) }
        logger.info("service registered", ["app_instance_id": appInstanceId, "ser_instance_id": serviceId])
        await announce([(info, .added)])
        let href = paths.applicationService(appInstanceId, serviceId)
        return try json(
            render(info, appInstanceId: appInstanceId, selfHref: href), status: 201, version: 1, location: href)
    }

    /// `PUT /applications/{appInstanceId}/services/{serviceId}`: replaces the service's attributes.
    ///
    /// `If-Match` must name the current ETag when given (412 otherwise). `serInstanceId` must equal the one in the
    /// path and `livenessInterval`, if sent, the one the platform determined; both are 400 otherwise. A change of
    /// the state alone is reported as `STATE_CHANGED`, any other change as `ATTRIBUTES_CHANGED`.
    func updateService(_ request: Request) async throws -> Response {
        let appInstanceId = try authorizedApplication(request)
        let serviceId = try request.pathParameter("serviceId")
        let record = try await loadService(serviceId, of: appInstanceId)
        _ = try EntityTag.requiredVersion(request, current: record.document.version)
        var info = try RequestBody.decode(ServiceInfo.self, wrapper: "ServiceInfo", from: request, context: .update)
        if info.serInstanceId != serviceId {
            throw HTTPError.badRequest("Field 'serInstanceId' is assigned by the platform and cannot change.")
        }
        if let interval = info.livenessInterval, interval != (record.info.livenessInterval ?? 0) {
            throw HTTPError.badRequest("Field 'livenessInterval' is set when the service is registered.")
        }
        info.livenessInterval = record.info.livenessInterval
        info.isLocal = true
        info.links = nil
        info = withPlatformSecurity(info)
        var operations = [try record.update(to: info)]
        let reactivated = info.state == .active && record.info.state != .active
        if reactivated, let interval = info.livenessInterval {
            // The producer declares the service running again; its heartbeat clock starts over.
            let liveness = ServiceLivenessRecord(interval: interval, lastHeartbeat: clock.now())
            operations.append(.upsert(try livenessDocument(serviceId, liveness, appInstanceId: appInstanceId)))
        }
        try await writingServices { try await context.store.transaction(operations) }
        if let changeType = Self.changeType(from: withPlatformSecurity(record.info), to: info) {
            await announce([(info, changeType)])
        }
        let href = paths.applicationService(appInstanceId, serviceId)
        // The update was conditional on the version read, so the stored version is exactly one more.
        let version = record.document.version + 1
        return try json(render(info, appInstanceId: appInstanceId, selfHref: href), version: version)
    }

    /// `DELETE /applications/{appInstanceId}/services/{serviceId}`: deregisters the service and reports `REMOVED`.
    func deleteService(_ request: Request) async throws -> Response {
        let appInstanceId = try authorizedApplication(request)
        let serviceId = try request.pathParameter("serviceId")
        let record = try await loadService(serviceId, of: appInstanceId)
        let deleted = try await writingServices {
            try await context.store.delete(Collections.services, id: serviceId, ifVersion: record.document.version)
        }
        guard deleted else {
            throw HTTPError.notFound("The application instance has no service with this identifier.")
        }
        _ = try await context.store.delete(Collections.serviceLiveness, id: serviceId)
        renderedServices.remove(serviceId)
        logger.info("service deregistered", ["app_instance_id": appInstanceId, "ser_instance_id": serviceId])
        await announce([(record.info, .removed)])
        return .noContent()
    }

    /// The interval the platform requires for a proposal: none for zero or absent, else within the configured range.
    func livenessInterval(proposed: Int?) -> Int? {
        guard let proposed, proposed > 0 else { return nil }
        let range = configuration.livenessIntervalRange
        return min(max(proposed, range.lowerBound), range.upperBound)
    }

    /// The liveness document of a service.
    func livenessDocument(_ serviceId: String, _ record: ServiceLivenessRecord, appInstanceId: String) throws
        -> NewDocument
    {
        try NewDocument(
            collection: Collections.serviceLiveness,
            id: serviceId,
            value: record,
            indexes: [IndexEntry(ServiceRecord.Key.appInstanceId, appInstanceId)]
        )
    }

    /// How `old` became `new`: nil when nothing changed.
    static func changeType(from old: ServiceInfo, to new: ServiceInfo) -> ServiceChangeType? {
        guard old != new else { return nil }
        var sameButState = old
        sameButState.state = new.state
        return sameButState == new ? .stateChanged : .attributesChanged
    }
}
