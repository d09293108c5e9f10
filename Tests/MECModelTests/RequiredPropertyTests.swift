import Foundation
import MECModel
import Testing

@Suite("Required properties")
struct RequiredPropertyTests {
    @Test("Removing any property the file lists as required makes the body fail to decode", arguments: Examples.all)
    func missingRequired(example: Example) throws {
        let schema = try SpecFixture.schema(example.file, example.schema)
        for key in schema.required {
            if example.schema == "ServiceInfo" && key == "_links" {
                continue
            }
            #expect(throws: (any Error).self, "\(key) removed") { try example.roundTrip(try example.removing(key)) }
        }
    }

    @Test("A ServiceInfo without _links decodes, since _links shall be absent in requests")
    func serviceInfoWithoutLinks() throws {
        let example = try #require(Examples.all.first { $0.schema == "ServiceInfo" })
        let decoded = try MECModelCoding.decode(ServiceInfo.self, from: try example.removing("_links"))
        #expect(decoded.links == nil)
    }
}
