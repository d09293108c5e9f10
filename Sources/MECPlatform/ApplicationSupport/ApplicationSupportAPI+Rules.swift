import Foundation
import MECHTTP
import MECModel
import MECStore

extension ApplicationSupportAPI {
    func registerRules(in router: inout Router) {
        let base = Self.basePath + "/applications/{appInstanceId}"
        router.on(.get, base + "/traffic_rules") { request in
            try await self.listRules(request, TrafficRule.self, in: Collections.trafficRules)
        }
        router.on(.get, base + "/traffic_rules/{trafficRuleId}") { request in
            try await self.readRule(
                request, TrafficRule.self, in: Collections.trafficRules, idParameter: "trafficRuleId")
        }
        router.on(.put, base + "/traffic_rules/{trafficRuleId}") { request in
            try await self.writeTrafficRule(request)
        }
        router.on(.get, base + "/dns_rules") { request in
            try await self.listRules(request, DnsRule.self, in: Collections.dnsRules)
        }
        router.on(.get, base + "/dns_rules/{dnsRuleId}") { request in
            try await self.readRule(request, DnsRule.self, in: Collections.dnsRules, idParameter: "dnsRuleId")
        }
        router.on(.put, base + "/dns_rules/{dnsRuleId}") { request in
            try await self.writeDNSRule(request)
        }
    }

    static func ruleKey(_ appInstanceId: String, _ ruleId: String) -> String {
        "\(appInstanceId)/\(ruleId)"
    }

    func listRules<Rule: Codable & Sendable>(_ request: Request, _ type: Rule.Type, in collection: String)
        async throws -> Response
    {
        let id = try request.pathParameter("appInstanceId")
        try context.caller(request).authorize(appInstanceId: id)
        let documents = try await context.store.list(collection, matching: .key("appInstanceId", equals: id))
        if documents.isEmpty, try await registration(id) == nil {
            throw HTTPError.notFound("No application instance with this identifier is known.")
        }
        return try .json(try documents.map { try $0.decode(type) })
    }

    func readRule<Rule: Codable & Sendable>(
        _ request: Request,
        _ type: Rule.Type,
        in collection: String,
        idParameter: String
    ) async throws -> Response {
        let id = try request.pathParameter("appInstanceId")
        try context.caller(request).authorize(appInstanceId: id)
        let key = Self.ruleKey(id, try request.pathParameter(idParameter))
        guard let document = try await context.store.get(collection, id: key) else {
            throw HTTPError.notFound("No rule with this identifier exists for this application instance.")
        }
        return try .json(try document.decode(type), headers: EntityTag.headers(document))
    }

    /// `PUT .../traffic_rules/{trafficRuleId}`: stored and served; not enforced by a data plane yet.
    func writeTrafficRule(_ request: Request) async throws -> Response {
        let rule = try RequestBody.decode(TrafficRule.self, wrapper: "TrafficRule", from: request, context: .update)
        let (document, created) = try await writeRule(
            request,
            value: rule,
            ruleId: rule.trafficRuleId,
            idParameter: "trafficRuleId",
            collection: Collections.trafficRules
        )
        return try ruleResponse(rule, document, created: created, path: "traffic_rules")
    }

    /// `PUT .../dns_rules/{dnsRuleId}`: answered only once the DNS data plane serves the new set of rules.
    func writeDNSRule(_ request: Request) async throws -> Response {
        let rule = try RequestBody.decode(DnsRule.self, wrapper: "DnsRule", from: request, context: .update)
        let (document, created) = try await dnsChanges.run {
            let previous = try await self.context.store.get(
                Collections.dnsRules,
                id: Self.ruleKey(try request.pathParameter("appInstanceId"), rule.dnsRuleId)
            )
            let written = try await self.writeRule(
                request,
                value: rule,
                ruleId: rule.dnsRuleId,
                idParameter: "dnsRuleId",
                collection: Collections.dnsRules
            )
            do {
                try await self.applyStoredDNSRules()
            } catch {
                try await self.restore(previous, key: written.0.id, collection: Collections.dnsRules)
                try? await self.applyStoredDNSRules()
                if let refusal = error as? HTTPError, refusal.status == 400 {
                    throw refusal
                }
                self.context.logger.error("dns rules not applied", ["error": String(describing: type(of: error))])
                throw HTTPError(status: 503, detail: "The DNS data plane could not apply the rule; nothing changed.")
            }
            return written
        }
        return try ruleResponse(rule, document, created: created, path: "dns_rules")
    }

    /// Stores a rule. An application instance may only change rules it has; the operator may also create them.
    private func writeRule(
        _ request: Request,
        value: some Encodable & Sendable,
        ruleId: String,
        idParameter: String,
        collection: String
    ) async throws -> (StoredDocument, Bool) {
        let id = try request.pathParameter("appInstanceId")
        let caller = context.caller(request)
        try caller.authorize(appInstanceId: id)
        guard ruleId == (try request.pathParameter(idParameter)) else {
            throw HTTPError.badRequest("Field '\(idParameter)' does not match the resource.")
        }
        let key = Self.ruleKey(id, ruleId)
        let indexes = [IndexEntry(key: "appInstanceId", value: id)]
        guard let existing = try await context.store.get(collection, id: key) else {
            guard caller == .operatorClient else {
                throw HTTPError.notFound("No rule with this identifier exists for this application instance.")
            }
            let created = try await context.store.insert(
                collection: collection, id: key, value: value, indexes: indexes)
            return (created, true)
        }
        let version = try EntityTag.requiredVersion(request, current: existing.version) ?? existing.version
        let updated = try await context.store.update(
            collection: collection,
            id: key,
            value: value,
            indexes: indexes,
            ifVersion: version
        )
        return (updated, false)
    }

    private func restore(_ previous: StoredDocument?, key: String, collection: String) async throws {
        if let previous {
            _ = try await context.store.update(collection, id: key, body: previous.body, indexes: previous.indexes)
        } else {
            _ = try await context.store.delete(collection, id: key)
        }
    }

    private func ruleResponse(_ rule: some Encodable, _ document: StoredDocument, created: Bool, path: String)
        throws -> Response
    {
        var headers = EntityTag.headers(document)
        if created {
            let parts = document.id.split(separator: "/", maxSplits: 1).map(String.init)
            headers["Location"] = url("/applications/\(parts[0])/\(path)/\(parts.count > 1 ? parts[1] : "")")
        }
        return try .json(rule, status: created ? 201 : 200, headers: headers)
    }

    /// Hands every ACTIVE DNS rule of the host to the data plane. Callers hold `dnsChanges`.
    func applyStoredDNSRules() async throws {
        let documents = try await context.store.list(Collections.dnsRules)
        let active = try documents.map { try $0.decode(DnsRule.self) }.filter { $0.state == .active }
        try await applyDNSRules(active)
    }
}
