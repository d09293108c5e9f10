import Foundation
import MECHTTP
import Testing

@testable import MECPlatform

@Suite("MEC 011 request support")
struct SupportTests {
    @Test(
        "a body wrapped in its schema name is unwrapped; other bodies are left alone",
        arguments: [
            (#"{"DnsRule":{"dnsRuleId":"a"}}"#, #"{"dnsRuleId":"a"}"#),
            (#"{"dnsRuleId":"a"}"#, #"{"dnsRuleId":"a"}"#),
            (#"{"DnsRule":{"dnsRuleId":"a"},"x":1}"#, #"{"DnsRule":{"dnsRuleId":"a"},"x":1}"#),
            (#"{"DnsRule":"text"}"#, #"{"DnsRule":"text"}"#),
            ("[1]", "[1]"),
        ])
    func unwrap(body: String, expected: String) throws {
        let unwrapped = RequestBody.unwrap(Data(body.utf8), wrapper: "DnsRule")
        let lhs = try JSONSerialization.jsonObject(with: unwrapped) as? NSObject
        let rhs = try JSONSerialization.jsonObject(with: Data(expected.utf8)) as? NSObject
        #expect(lhs == rhs)
    }

    @Test("If-Match must name the current version; * and absence match anything")
    func ifMatch() throws {
        var request = Request(method: .put, path: "/x")
        #expect(try EntityTag.requiredVersion(request, current: 3) == nil)
        request.headers["If-Match"] = "*"
        #expect(try EntityTag.requiredVersion(request, current: 3) == nil)
        request.headers["If-Match"] = "\"2\", \"3\""
        #expect(try EntityTag.requiredVersion(request, current: 3) == 3)
        request.headers["If-Match"] = "\"2\""
        #expect(throws: HTTPError.self) { try EntityTag.requiredVersion(request, current: 3) }
    }

    @Test("an application instance reaches only its own resources; the operator reaches all")
    func authorization() throws {
        try Caller.operatorClient.authorize(appInstanceId: "a")
        try Caller.application(appInstanceId: "a").authorize(appInstanceId: "a")
        #expect(throws: HTTPError.forbidden("The caller may not access resources of this application instance.")) {
            try Caller.application(appInstanceId: "b").authorize(appInstanceId: "a")
        }
        #expect(throws: HTTPError.self) { try Caller.anonymous.authorize(appInstanceId: "a") }
    }
}
