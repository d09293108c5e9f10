import Testing

@testable import MECHTTP

@Suite("HTTP headers and media types")
struct HTTPHeadersTests {
    @Test("lookup ignores case and keeps every value")
    func caseInsensitive() {
        var headers: HTTPHeaders = ["Content-Type": "application/json"]
        headers.add("x-mark", "a")
        headers.add("X-MARK", "b")
        #expect(headers["content-type"] == "application/json")
        #expect(headers.values("X-Mark") == ["a", "b"])
        headers["X-Mark"] = "c"
        #expect(headers.values("x-mark") == ["c"])
        headers["x-mark"] = nil
        #expect(!headers.contains("X-Mark"))
    }

    @Test(
        "JSON content types are recognised",
        arguments: [
            ("application/json", true), ("Application/JSON; charset=utf-8", true),
            ("application/merge-patch+json", true),
            ("text/json", false), ("application/xml", false), ("application/jsonx", false),
        ])
    func jsonTypes(value: String, isJSON: Bool) {
        #expect(MediaType.isJSON(value) == isJSON)
    }

    @Test("q=0 excludes a media range")
    func exclusion() {
        #expect(!MediaType.accepts("application/json;q=0, text/html", anyOf: ["application/json"]))
        #expect(MediaType.accepts("application/json;q=0.5", anyOf: ["application/json"]))
    }
}
