import Foundation
import MECHTTP
import MECModel
import Testing

@testable import MECPlatform

@Suite("MEC 011 service liveness")
struct ServiceManagementLivenessTests {
    typealias Harness = ServiceManagementHarness

    private static let heartbeat = #"{"state":"ACTIVE"}"#

    private func state(_ harness: Harness, _ id: String) async throws -> ServiceState {
        let response = await harness.send(.get, "/applications/app-a/services/\(id)")
        return try harness.decode(ServiceInfo.self, response).state
    }

    @Test("a service proposing an interval gets it back with a liveness link; zero or none requires no heartbeats")
    func livenessLink() async throws {
        try await Harness.with { harness in
            let service = try await harness.register(["livenessInterval": 10])
            let id = try #require(service.serInstanceId)
            #expect(service.livenessInterval == 10)
            let href = Harness.root + "/applications/app-a/services/\(id)/liveness"
            #expect(service.links?.liveness?.href == href)
            for proposal in [0, nil] as [Int?] {
                let quiet = try await harness.register(proposal.map { ["livenessInterval": $0] } ?? [:])
                #expect(quiet.livenessInterval == nil)
                #expect(quiet.links?.liveness == nil)
                let quietId = try #require(quiet.serInstanceId)
                #expect(await harness.send(.get, "/applications/app-a/services/\(quietId)/liveness").status == 404)
            }
        }
    }

    @Test("a proposed interval outside the accepted range is moved to its nearest bound")
    func intervalRange() async throws {
        let configuration = ServiceManagementConfiguration(livenessIntervalRange: 5...60)
        try await Harness.with(configuration: configuration) { harness in
            let intervals = [
                try await harness.register(["livenessInterval": 1]).livenessInterval,
                try await harness.register(["livenessInterval": 600]).livenessInterval,
                try await harness.register(["livenessInterval": 30]).livenessInterval,
            ]
            #expect(intervals == [5, 60, 30])
        }
    }

    @Test("the liveness resource answers the state, the time of the last heartbeat and the interval")
    func livenessInfo() async throws {
        try await Harness.with { harness in
            let id = try #require(try await harness.register(["livenessInterval": 10]).serInstanceId)
            let path = "/applications/app-a/services/\(id)/liveness"
            let first = try harness.decode(ServiceLivenessInfo.self, await harness.send(.get, path))
            #expect(first.state == .active)
            #expect(first.interval == 10)
            #expect(first.timeStamp.seconds == 1_700_000_000)
            #expect(first.timeStamp.nanoSeconds == 250_000_000)
            harness.advance(seconds: 7)
            #expect(await harness.send(.patch, path, body: Self.heartbeat).status == 204)
            let second = try harness.decode(ServiceLivenessInfo.self, await harness.send(.get, path))
            #expect(second.timeStamp.seconds == 1_700_000_007)
        }
    }

    @Test("a service whose heartbeat is overdue is suspended and subscribers are told; a heartbeat reactivates it")
    func suspendAndReactivate() async throws {
        try await Harness.with { harness in
            _ = try await harness.subscribe(#"{"states":["SUSPENDED","ACTIVE"]}"#)
            let id = try #require(try await harness.register(["livenessInterval": 10]).serInstanceId)
            harness.clearSent()

            harness.advance(seconds: 11)
            await harness.api.checkLiveness()
            #expect(try await state(harness, id) == .active, "within the grace period")
            #expect(harness.sent.isEmpty)

            harness.advance(seconds: 2)
            await harness.api.checkLiveness()
            #expect(try await state(harness, id) == .suspended)
            let suspended = harness.sent.map(\.notification.serviceReferences[0])
            #expect(suspended.map(\.changeType) == [.stateChanged])
            #expect(suspended.map(\.state) == [.suspended])

            await harness.api.checkLiveness()
            #expect(harness.sent.count == 1, "a suspended service is not suspended again")

            let path = "/applications/app-a/services/\(id)/liveness"
            #expect(await harness.send(.patch, path, body: Self.heartbeat).status == 204)
            #expect(try await state(harness, id) == .active)
            let references = harness.sent.map(\.notification.serviceReferences[0])
            #expect(references.map(\.changeType) == [.stateChanged, .stateChanged])
            #expect(references.map(\.state) == [.suspended, .active])
        }
    }

    @Test("heartbeats in time keep the service ACTIVE and notify nobody")
    func heartbeatsInTime() async throws {
        try await Harness.with { harness in
            _ = try await harness.subscribe()
            let id = try #require(try await harness.register(["livenessInterval": 10]).serInstanceId)
            harness.clearSent()
            let path = "/applications/app-a/services/\(id)/liveness"
            for _ in 0..<5 {
                harness.advance(seconds: 9)
                #expect(await harness.send(.patch, path, body: Self.heartbeat).status == 204)
                await harness.api.checkLiveness()
            }
            #expect(try await state(harness, id) == .active)
            #expect(harness.sent.isEmpty)
        }
    }

    @Test("services that are not ACTIVE are never suspended, and a PUT back to ACTIVE restarts the heartbeat clock")
    func inactiveServices() async throws {
        try await Harness.with { harness in
            let id = try #require(
                try await harness.register(["livenessInterval": 10, "state": "INACTIVE"]).serInstanceId)
            harness.advance(seconds: 100)
            await harness.api.checkLiveness()
            #expect(try await state(harness, id) == .inactive)
            let body = Harness.serviceJSON(["serInstanceId": id, "livenessInterval": 10, "state": "ACTIVE"])
            #expect(await harness.send(.put, "/applications/app-a/services/\(id)", body: body).status == 200)
            await harness.api.checkLiveness()
            #expect(try await state(harness, id) == .active)
        }
    }

    @Test(
        "a heartbeat that is not a ServiceLivenessUpdate with state ACTIVE is refused with 400",
        arguments: [#"{"state":"INACTIVE"}"#, #"{"state":"SUSPENDED"}"#, #"{"state":"UP"}"#, "{}", "[]"]
    )
    func badHeartbeat(body: String) async throws {
        try await Harness.with { harness in
            let id = try #require(try await harness.register(["livenessInterval": 10]).serInstanceId)
            let path = "/applications/app-a/services/\(id)/liveness"
            #expect(await harness.send(.patch, path, body: body).status == 400)
        }
    }

    @Test("a wrapped heartbeat is accepted and a stale If-Match on the liveness resource is 412")
    func heartbeatPreconditions() async throws {
        try await Harness.with { harness in
            let id = try #require(try await harness.register(["livenessInterval": 10]).serInstanceId)
            let path = "/applications/app-a/services/\(id)/liveness"
            let read = await harness.send(.get, path)
            let etag = try #require(read.headers["ETag"])
            let wrapped = #"{"ServiceLivenessUpdate":{"state":"ACTIVE"}}"#
            #expect(await harness.send(.patch, path, body: wrapped, headers: ["If-Match": etag]).status == 204)
            #expect(await harness.send(.patch, path, body: wrapped, headers: ["If-Match": etag]).status == 412)
        }
    }

    @Test("the liveness of an unknown or another instance's service is 404")
    func unknownLiveness() async throws {
        try await Harness.with { harness in
            let other = try #require(try await harness.register(["livenessInterval": 10], app: "app-b").serInstanceId)
            #expect(await harness.send(.get, "/applications/app-a/services/unknown/liveness").status == 404)
            #expect(await harness.send(.get, "/applications/app-a/services/\(other)/liveness").status == 404)
            let path = "/applications/app-a/services/\(other)/liveness"
            #expect(await harness.send(.patch, path, body: Self.heartbeat).status == 404)
        }
    }

    @Test("the watchdog started by start() suspends an overdue service, and stop() ends it")
    func watchdog() async throws {
        try await Harness.with { harness in
            _ = try await harness.subscribe()
            let id = try #require(try await harness.register(["livenessInterval": 10]).serInstanceId)
            harness.clearSent()
            harness.advance(seconds: 60)
            harness.api.start()
            var waited = 0
            while harness.sent.isEmpty, waited < 2000 {
                try await Task.sleep(for: .milliseconds(5))
                waited += 1
            }
            await harness.api.stop()
            #expect(harness.sent.map(\.notification.serviceReferences[0].state) == [.suspended])
            #expect(try await state(harness, id) == .suspended)
        }
    }
}
