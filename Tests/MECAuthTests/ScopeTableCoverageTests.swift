import Foundation
import MECAuth
import MECHTTP
import Testing

@Suite("Scope checks on every route of the host", .serialized)
struct ScopeTableCoverageTests {
    @Test("Every protected route of the host has a scope row, needs a token, and honours its scopes")
    func everyRoute() async throws {
        let host = try await TestHost()
        defer { host.remove() }
        let table = ScopeTable.standard
        let app = try host.issue("operator-tool")
        try await host.register("operator-tool", app, scopes: table.knownScopes)
        var tokens: [String: String] = [:]
        func token(_ scope: String) async throws -> String {
            if let known = tokens[scope] { return known }
            let made = try await host.token("operator-tool", with: app, scope: scope)
            tokens[scope] = made
            return made
        }
        let routes = host.host.routes
        #expect(!routes.isEmpty)
        var checked = 0
        for route in routes {
            // The client acts as the application instance it names, so MEC 011's own-resources rule lets it through.
            let path = route.template.replacingOccurrences(of: "{appInstanceId}", with: "operator-tool")
                .replacingOccurrences(of: #"\{[^}]+\}"#, with: "x", options: .regularExpression)
            let method = route.method.rawValue
            switch table.access(route.method, route.template) {
            case .public:
                #expect(ScopeTable.standardPublicTemplates.contains(route.template))
            case .unlisted, .methodNotListed:
                Issue.record("\(method) \(route.template) has no row in the scope table")
            case .scopes(let granting):
                checked += 1
                let rule = try #require(
                    table.rules.first { $0.template == route.template && $0.method == route.method })
                let api = try #require(MECScope.api(of: rule.permission))
                #expect(try await host.call(method, path, token: nil, with: app).status == 401, "\(method) \(path)")
                for scope in [rule.permission, MECScope.all(api: api), MECScope.operator] {
                    #expect(granting.contains(scope))
                    let status = try await host.call(method, path, token: try await token(scope), with: app).status
                    #expect(status != 401 && status != 403, "\(method) \(path) with \(scope): \(status)")
                }
                let unrelated = table.knownScopes.first { !granting.contains($0) && $0 != MECScope.operator }
                let denied = try await host.call(
                    method, path, token: try await token(try #require(unrelated)), with: app)
                #expect(denied.status == 403, "\(method) \(path) with \(unrelated ?? "")")
            }
        }
        #expect(checked >= 2)
        await host.stop()
    }

    @Test("The table has a row for every operation of the MEC 011 OpenAPI descriptions")
    func tableCoversMEC011() throws {
        let table = ScopeTable.standard
        for (file, base) in [
            ("MEC011_AppEnablement_ServiceMgmt.yaml", "/mec_service_mgmt/v1"),
            ("MEC011_AppEnablement_AppSupport.yaml", "/mec_app_support/v1"),
        ] {
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Sources/MECPlatform/Resources/openapi/\(file)")
            let text = try String(contentsOf: url, encoding: .utf8)
            var path: String?
            for line in text.split(separator: "\n") {
                if line.hasPrefix("  /") && line.hasSuffix(":") {
                    path = String(line.dropFirst(2).dropLast())
                } else if line.hasPrefix("    "), !line.hasPrefix("     "), let path,
                    let method = ["get", "put", "post", "delete", "patch"].first(where: { line == "    \($0):" })
                {
                    let access = table.access(HTTPMethod(rawValue: method.uppercased()), base + path)
                    #expect(access != .unlisted && access != .methodNotListed, "\(method) \(base)\(path)")
                } else if !line.hasPrefix(" ") {
                    path = nil
                }
            }
        }
    }
}
