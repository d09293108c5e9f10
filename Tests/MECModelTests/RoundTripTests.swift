import Foundation
import MECModel
import Testing

@Suite("Round trips of every schema")
struct RoundTripTests {
    @Test(
        "An example body decodes and re-encodes to the same JSON with the same property names", arguments: Examples.all)
    func roundTrip(example: Example) throws {
        let encoded = try example.roundTrip(Data(example.json.utf8))
        #expect(try JSONDecoder().decode(JSONValue.self, from: encoded) == example.value)
    }

    @Test("Every schema of both files has an example", arguments: SpecFixture.File.allCases)
    func everySchemaHasAnExample(file: SpecFixture.File) throws {
        let names = try #require(try SpecFixture.schemas.get()[file.rawValue]).keys
        // Not modelled as types of their own: ProblemDetails (the HTTP layer owns it), the string and integer
        // aliases, the free-form placeholders, and the enumerations (covered by the enumeration tests).
        let notTypes: Set = [
            "ProblemDetails", "SerInstanceId", "SerName", "Not_specified", "Uint32", "AppProfile", "LocalityType",
            "SerializerType", "TransportType", "TransportTypes", "ServiceState",
        ]
        let covered = Set(Examples.all.filter { $0.file == file }.map(\.schema))
        #expect(Set(names).subtracting(notTypes).subtracting(covered).sorted() == [])
    }

    @Test("Encoding sorts keys and leaves slashes unescaped")
    func encodingForm() throws {
        let json = String(decoding: try MECModelCoding.encode(LinkType(href: "https://a.example/b")), as: UTF8.self)
        #expect(json == #"{"href":"https://a.example/b"}"#)
        let links = ServiceInfoLinks(selfLink: LinkType(href: "https://a.example/s"))
        #expect(String(decoding: try MECModelCoding.encode(links), as: UTF8.self).contains(#""self":"#))
    }

    @Test("Unknown members are ignored except where the specification leaves the object open")
    func unknownMembers() throws {
        let body = Data(#"{"href":"https://a.example/b","extra":1}"#.utf8)
        #expect(
            String(
                decoding: try MECModelCoding.encode(try MECModelCoding.decode(LinkType.self, from: body)), as: UTF8.self
            ) == #"{"href":"https://a.example/b"}"#)
        let security = try MECModelCoding.decode(SecurityInfo.self, from: Data(#"{"tls":{"v":1.3}}"#.utf8))
        #expect(security.extensions == ["tls": .object(["v": .number(1.3)])])
    }

    @Test("An extensible enumeration keeps a value it does not know")
    func extensibleEnumeration() throws {
        let value = try MECModelCoding.decode([SerializerType].self, from: Data(#"["CBOR","JSON"]"#.utf8))
        #expect(value == [.other("CBOR"), .json])
        #expect(String(decoding: try MECModelCoding.encode(value), as: UTF8.self) == #"["CBOR","JSON"]"#)
    }

    @Test("The forms one file declares differently from the other decode too")
    func alternativeForms() throws {
        let stamp = try MECModelCoding.decode(TimeStamp.self, from: Data(#"{"seconds":[5],"nanoSeconds":[6]}"#.utf8))
        #expect(stamp == TimeStamp(seconds: 5, nanoSeconds: 6))
        let oAuth2 = try MECModelCoding.decode(
            OAuth2Info.self, from: Data(#"{"grantTypes":"OAUTH2_CLIENT_CREDENTIALS"}"#.utf8))
        #expect(oAuth2.grantTypes == [.clientCredentials])
        let interfaces = #"[{"interfaceType":"IP","dstIpAddress":"192.0.2.1"},{"interfaceType":"MAC"}]"#
        let rule = Examples.trafficRule.replacingOccurrences(of: Examples.destinationInterface, with: interfaces)
        let decoded = try MECModelCoding.decode(TrafficRule.self, from: Data(rule.utf8))
        #expect(decoded.dstInterface?.count == 2)
        #expect(String(decoding: try MECModelCoding.encode(decoded), as: UTF8.self).contains(#""dstInterface":[{"#))
    }
}
