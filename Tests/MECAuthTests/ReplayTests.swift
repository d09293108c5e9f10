import Foundation
import MECAuth
import MECSecurity
import Testing

/// A small seeded generator, so a failing run can be repeated with its seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Randomized replay of stolen tokens", .serialized)
struct ReplayTests {
    @Test("Hundreds of replays with other certificates, no certificate or altered tokens all get 401")
    func replaysFail() async throws {
        let seed =
            UInt64(ProcessInfo.processInfo.environment["MEC_REPLAY_SEED"] ?? "") ?? UInt64.random(in: 1...UInt64.max)
        var random = SplitMix64(state: seed)
        let host = try await TestHost()
        defer { host.remove() }
        let route = "/mec_app_support/v1/timing/current_time"
        let owner = try host.issue("victim")
        try await host.register("victim", owner, scopes: [MECScope.all(api: MECScope.appSupport)])
        let thieves = [
            try host.issue("victim", file: "stolen-name"), try host.issue("thief"), try host.selfSigned("victim"),
        ]
        let token = try await host.token("victim", with: owner)
        let revoked = try await host.token("victim", with: owner)
        #expect(
            try await host.post(OAuthPaths.revocation, "client_id=victim&token=\(revoked)", with: owner).status == 200)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        var accepted = 0
        for attempt in 0..<240 {
            var candidate = Bool.random(using: &random) ? token : revoked
            var files: ClientFiles? = thieves.randomElement(using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0:
                files = nil
            case 1:
                var characters = Array(candidate)
                let index = Int.random(in: 0..<characters.count, using: &random)
                if characters[index] != "." {
                    characters[index] = alphabet.filter { $0 != characters[index] }.randomElement(using: &random) ?? "A"
                }
                candidate = String(characters)
                files = Bool.random(using: &random) ? owner : files
                if candidate == token && files?.certificate == owner.certificate { continue }
            case 2:
                candidate = String(candidate.dropLast(Int.random(in: 1...20, using: &random)))
                files = owner
            default:
                break
            }
            let response = try await host.call("GET", route, token: candidate, with: files)
            #expect(response.status == 401, "seed \(seed), attempt \(attempt)")
            // The owner keeps working between replays.
            if attempt % 40 == 0 {
                #expect(try await host.call("GET", route, token: token, with: owner).status == 200)
                accepted += 1
            }
        }
        #expect(accepted == 6)
        await host.stop()
    }
}
