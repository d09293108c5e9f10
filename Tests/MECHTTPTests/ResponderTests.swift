import Foundation
import MECObservability
import Testing

@testable import MECHTTP

@Suite("Responder")
struct ResponderTests {
    struct Greeting: Codable, Equatable {
        var name: String
        var count: Int
    }

    struct Denying: Middleware {
        func prepare(_ request: inout Request) throws -> Response? {
            request.headers["X-Deny"] != nil ? .problem(HTTPError(status: 401, detail: "no"), instance: nil) : nil
        }
    }

    struct Marking: Middleware {
        let mark: String
        func finish(_ request: Request, _ response: inout Response) {
            response.headers.add("X-Mark", mark)
        }
    }

    struct Unexpected: Error {}

    static func responder(logs: MemoryLogSink = MemoryLogSink()) -> Responder {
        var router = Router()
        router.on(.post, "/greetings") { request in
            let greeting = try request.decode(Greeting.self)
            return try .json(greeting, status: 201)
        }
        router.on(.get, "/slow/{id}") { (request: Request) async throws -> Response in
            try await Task.sleep(for: .milliseconds(5))
            return try .json(["id": request.pathParameter("id")])
        }
        router.on(.get, "/fails") { _ in throw Unexpected() }
        router.on(.get, "/forbidden") { _ in throw HTTPError.forbidden("not yours") }
        return Responder(
            router: router,
            middlewares: [RequestIDMiddleware(), Marking(mark: "outer"), Denying(), Marking(mark: "inner")],
            logger: Logger(label: "test", sink: logs)
        )
    }

    static func respond(_ request: Request, _ responder: Responder = responder()) async -> Response {
        switch responder.respond(to: request) {
        case .ready(let response): return response
        case .pending(let work): return await work()
        }
    }

    static func problem(_ response: Response) throws -> ProblemDetails {
        #expect(response.headers["Content-Type"] == MediaType.problemJSON)
        return try JSONDecoder().decode(ProblemDetails.self, from: response.bodyData)
    }

    static func post(_ body: String, contentType: String? = "application/json") -> Request {
        var headers = HTTPHeaders()
        if let contentType { headers["Content-Type"] = contentType }
        return Request(method: .post, path: "/greetings", headers: headers, body: Data(body.utf8))
    }

    @Test(
        "a route that answers immediately when it can is ready without suspending, else pending, with middleware both ways",
        arguments: [("kept", true, 200), ("other", false, 202), ("bad", true, 400)]
    )
    func immediateOrAsync(name: String, ready: Bool, status: Int) async throws {
        var router = Router()
        router.on(
            .get, "/answers/{name}",
            immediate: { request in
                let name = try request.pathParameter("name")
                if name == "bad" { throw HTTPError.badRequest("bad name") }
                return name == "kept" ? Response(status: 200) : nil
            },
            async: { _ in Response(status: 202) }
        )
        let responder = Responder(router: router, middlewares: [Marking(mark: "m")], logger: Logger(label: "test"))
        let outcome = responder.respond(to: Request(method: .get, path: "/answers/\(name)"))
        let response: Response
        switch outcome {
        case .ready(let answer):
            #expect(ready)
            response = answer
        case .pending(let work):
            #expect(!ready)
            response = await work()
        }
        #expect(response.status == status)
        #expect(response.headers["X-Mark"] == "m")
    }

    @Test("a valid JSON body reaches the handler")
    func validBody() async throws {
        let response = await Self.respond(Self.post(#"{"name":"edge","count":2}"#))
        #expect(response.status == 201)
        #expect(try JSONDecoder().decode(Greeting.self, from: response.bodyData) == Greeting(name: "edge", count: 2))
    }

    @Test(
        "malformed or mistyped bodies get 400 naming the field",
        arguments: [
            (#"{"name":"edge","count":"two"}"#, "count"),
            (#"{"name":"edge"}"#, "count"),
            (#"{"name":null,"count":1}"#, "name"),
            (#"{"name": "edge", "count": 1"#, "not valid JSON"),
            ("", "empty"),
        ])
    func badBodies(body: String, mention: String) async throws {
        let request = body.isEmpty ? Request(method: .post, path: "/greetings") : Self.post(body)
        let response = await Self.respond(request)
        #expect(response.status == 400)
        let problem = try Self.problem(response)
        #expect(problem.status == 400)
        #expect(problem.detail?.contains(mention) == true, "detail: \(problem.detail ?? "")")
        #expect(problem.instance == "/greetings")
    }

    @Test("a body that is not JSON gets 415")
    func unsupportedMediaType() async throws {
        let response = await Self.respond(Self.post("name=edge", contentType: "application/x-www-form-urlencoded"))
        #expect(response.status == 415)
        #expect(try Self.problem(response).status == 415)
        let missing = await Self.respond(Self.post(#"{"name":"x","count":1}"#, contentType: nil))
        #expect(missing.status == 415)
    }

    @Test("an Accept header that excludes JSON gets 406", arguments: ["text/html", "application/xml, text/*"])
    func notAcceptable(accept: String) async throws {
        var request = Request(method: .get, path: "/slow/1")
        request.headers["Accept"] = accept
        let response = await Self.respond(request)
        #expect(response.status == 406)
    }

    @Test(
        "Accept matching follows wildcards, exact types, parameters and q=0 exclusions",
        arguments: [
            ("*/*", [MediaType.json], true),
            ("*/*", [], false),
            (MediaType.json, [MediaType.json], true),
            (MediaType.prometheusText, [MediaType.prometheusText], true),
            ("text/plain", [MediaType.prometheusText], true),
            ("application/json;q=0", [MediaType.json], false),
            ("application/json; q=0, */*", [MediaType.json], true),
            ("APPLICATION/JSON", [MediaType.json], true),
            ("text/html", [MediaType.json], false),
            ("  ", [MediaType.json], true),
        ] as [(String, [String], Bool)]
    )
    func acceptMatching(accept: String, offered: [String], expected: Bool) {
        #expect(MediaType.accepts(accept, anyOf: offered) == expected)
    }

    @Test("wildcards and JSON in Accept are fine", arguments: ["*/*", "application/*", "application/json;q=0.9", ""])
    func acceptable(accept: String) async throws {
        var request = Request(method: .get, path: "/slow/1")
        request.headers["Accept"] = accept
        let response = await Self.respond(request)
        #expect(response.status == 200)
    }

    @Test("an unknown path gets 404 and a wrong method 405 with Allow")
    func routingErrors() async throws {
        let missing = await Self.respond(Request(method: .get, path: "/nope"))
        #expect(missing.status == 404)
        #expect(try Self.problem(missing).title == "Not Found")
        let wrong = await Self.respond(Request(method: .delete, path: "/greetings"))
        #expect(wrong.status == 405)
        #expect(wrong.headers["Allow"] == "POST")
        #expect(try Self.problem(wrong).status == 405)
    }

    @Test("an async handler's response passes through every finish hook")
    func asyncRoute() async throws {
        let response = await Self.respond(Request(method: .get, path: "/slow/42"))
        #expect(response.status == 200)
        #expect(try JSONDecoder().decode([String: String].self, from: response.bodyData) == ["id": "42"])
        #expect(response.headers.values("X-Mark") == ["inner", "outer"])
        #expect(response.headers["X-Request-ID"]?.isEmpty == false)
    }

    @Test("middleware can answer in place of the handler, and only earlier hooks finish")
    func shortCircuit() async throws {
        var request = Self.post(#"{"name":"x","count":1}"#)
        request.headers["X-Deny"] = "1"
        let response = await Self.respond(request)
        #expect(response.status == 401)
        #expect(response.headers.values("X-Mark") == ["outer"])
    }

    @Test("an unexpected error becomes a 500 that reveals nothing and is logged")
    func unexpectedError() async throws {
        let logs = MemoryLogSink()
        let response = await Self.respond(Request(method: .get, path: "/fails"), Self.responder(logs: logs))
        #expect(response.status == 500)
        let problem = try Self.problem(response)
        #expect(problem.detail == "The server could not complete the request.")
        #expect(!String(decoding: response.bodyData, as: UTF8.self).contains("Unexpected"))
        #expect(logs.lines.contains { $0.contains("handler failed") && $0.contains("Unexpected") })
    }

    @Test("an HTTPError thrown by a handler keeps its status and detail")
    func thrownHTTPError() async throws {
        let response = await Self.respond(Request(method: .get, path: "/forbidden"))
        #expect(response.status == 403)
        #expect(try Self.problem(response).detail == "not yours")
    }

    @Test(
        "a well-formed X-Request-ID is kept and a hostile one replaced",
        arguments: [
            ("abc-123_x.y", true), ("has space", false), (String(repeating: "a", count: 65), false),
            ("ok\u{7f}", false),
        ])
    func requestID(sent: String, kept: Bool) async {
        var request = Request(method: .get, path: "/slow/1")
        request.headers["X-Request-ID"] = sent
        let response = await Self.respond(request)
        #expect((response.headers["X-Request-ID"] == sent) == kept)
    }

    @Test("rejected requests still get a request id and reach observers only")
    func rejection() throws {
        let response = Self.responder().reject(
            Request(method: .post, path: "/greetings"),
            with: HTTPError(status: 413, detail: "too big")
        )
        #expect(response.status == 413)
        #expect(response.headers["X-Request-ID"]?.isEmpty == false)
        #expect(response.headers.values("X-Mark").isEmpty)
        #expect(try Self.problem(response).detail == "too big")
    }

    @Test(
        "a problem's instance is the absolute URI of the request, or its path when the Host header is unusable",
        arguments: [
            ("edge.example:8443", true, "/no where", "https://edge.example:8443/no%20where"),
            ("[::1]:8443", true, "/nowhere", "https://[::1]:8443/nowhere"),
            ("localhost", false, "/nowhere", "http://localhost/nowhere"),
            ("evil.example/x?y", true, "/nowhere", "/nowhere"),
            ("", true, "/nowhere", "/nowhere"),
        ]
    )
    func problemInstance(host: String, secure: Bool, path: String, instance: String) async throws {
        var headers = HTTPHeaders()
        if !host.isEmpty {
            headers["Host"] = host
        }
        let request = Request(method: .get, path: path, headers: headers, isSecure: secure)
        let response = await Self.respond(request)
        #expect(response.status == 404)
        #expect(try Self.problem(response).instance == instance)
    }
}
