// Notification fan-out benchmark: one notification published to N callback subscriptions served by a local HTTPS
// receiver; reports the time until the last delivery per round and the deliveries lost (must be 0). The baseline
// is the same N POSTs sent with the same HTTPClient and no engine, in the same run.
import Foundation
import MECHTTP
import MECNotifications
import MECObservability
import MECSecurity
import MECStore
import Synchronization

let arguments = CommandLine.arguments
let subscribers = arguments.count > 1 ? Int(arguments[1]) ?? 5000 : 5000
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 10 : 10
let concurrency = arguments.count > 3 ? Int(arguments[3]) ?? 64 : 64

/// Counts distinct subscribers reached per round.
final class Tally: Sendable {
    private let reached = Mutex<[Int: Set<String>]>([:])
    private let total = Atomic<Int>(0)

    func record(round: Int, subscriber: String) {
        reached.withLock { _ = $0[round, default: []].insert(subscriber) }
        total.add(1, ordering: .relaxed)
    }

    func count(round: Int) -> Int {
        reached.withLock { $0[round]?.count ?? 0 }
    }

    var arrivals: Int { total.load(ordering: .relaxed) }
}

func seconds(_ duration: Duration) -> Double {
    let (whole, fraction) = duration.components
    return Double(whole) + Double(fraction) / 1e18
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
    return sorted[min(max(rank, 0), sorted.count - 1)]
}

func format(_ value: Double) -> String {
    String(format: "%.3f", value)
}

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mec-bench-notify-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }
let quiet = Logger(label: "bench", level: .error)
let authority = try LocalCertificateAuthority.loadOrCreate(directory: directory, logger: quiet)
let certificate = try ServerCertificate.loadOrCreate(
    directory: directory, authority: authority, names: [], logger: quiet)

let tally = Tally()
var router = Router()
router.on(.post, "/cb/{id}") { request in
    if let object = try? JSONSerialization.jsonObject(with: request.body) as? [String: Any],
        let round = object["round"] as? Int, let id = request.pathParameters["id"]
    {
        tally.record(round: round, subscriber: id)
    }
    return Response(status: 204)
}
var serverConfiguration = HTTPServerConfiguration()
serverConfiguration.port = 0
serverConfiguration.tls = TLSSettings(
    certificatePEM: certificate.certificatePEM, privateKeyPEM: certificate.privateKeyPEM)
serverConfiguration.threads = 2
let receiver = HTTPServer(
    configuration: serverConfiguration,
    responder: Responder(router: router, middlewares: [], logger: quiet),
    metrics: MetricsRegistry(),
    logger: quiet
)
try receiver.start()
let base = "https://localhost:\(receiver.port)/cb/"

let clientConfiguration = HTTPClient.Configuration(
    caFile: authority.certificateFile.path,
    maxConcurrentRequests: concurrency,
    maxIdleConnections: concurrency
)

// Baseline: the same POSTs with the same client, no engine, no store.
var baseline: [Double] = []
do {
    let client = HTTPClient(configuration: clientConfiguration, logger: quiet)
    for round in 0..<(rounds + 1) {
        let body = Data(#"{"notificationType":"Baseline","round":\#(-1 - round)}"#.utf8)
        let start = ContinuousClock.now
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<subscribers {
                group.addTask {
                    var headers = HTTPHeaders()
                    headers["Content-Type"] = MediaType.json
                    let request = HTTPClientRequest(
                        method: "POST", url: base + "b\(index)", headers: headers, body: body)
                    _ = try? await client.execute(request)
                }
            }
        }
        if round > 0 {  // round 0 warms the connections up
            baseline.append(seconds(ContinuousClock.now - start))
        }
    }
    client.shutdown()
}

let metrics = MetricsRegistry()
let store = try SQLiteStore(path: directory.appendingPathComponent("mec.sqlite").path, logger: quiet)
let engine = NotificationEngine(
    store: store,
    client: HTTPClient(configuration: clientConfiguration, logger: quiet),
    baseURL: { "https://localhost:\(receiver.port)" },
    metrics: metrics,
    logger: quiet
)
try await engine.start()
let registerStart = ContinuousClock.now
var ids: [String] = []
for index in 0..<subscribers {
    let id = "s\(index)"
    let registration = SubscriptionRegistration(
        id: id,
        owner: "app-\(index % 50)",
        apiName: "bench",
        href: "https://localhost/bench/v1/subscriptions/\(id)",
        callbackReference: base + id
    )
    try await engine.register(registration) { _ in Data("{}".utf8) }
    ids.append(id)
}
let registerSeconds = seconds(ContinuousClock.now - registerStart)

var fanOut: [Double] = []
var publishTimes: [Double] = []
var lost = 0
for round in 0..<(rounds + 1) {
    let body = Data(#"{"notificationType":"BenchNotification","round":\#(round)}"#.utf8)
    let start = ContinuousClock.now
    try await engine.publish(body, to: ids)
    let published = ContinuousClock.now
    let deadline = start + .seconds(60)
    while tally.count(round: round) < subscribers, ContinuousClock.now < deadline {
        try await Task.sleep(for: .milliseconds(1))
    }
    let end = ContinuousClock.now
    lost += subscribers - tally.count(round: round)
    if round > 0 {
        fanOut.append(seconds(end - start))
        publishTimes.append(seconds(published - start))
    }
}
var pending = try await store.count(NotificationEngine.pendingCollection)
let drainDeadline = ContinuousClock.now + .seconds(10)
while pending > 0, ContinuousClock.now < drainDeadline {
    try await Task.sleep(for: .milliseconds(20))
    pending = try await store.count(NotificationEngine.pendingCollection)
}
await engine.stop()
await store.close()
await receiver.shutdown()

let expected = subscribers * (rounds + 1)
print("notification fan-out: \(subscribers) callback subscriptions, \(rounds) rounds (+1 warm-up), HTTPS loopback")
print("  registering \(subscribers) subscriptions: \(format(registerSeconds)) s")
print("  publish (stored durably, one transaction): p50 \(format(percentile(publishTimes, 50))) s")
print(
    "  engine fan-out, time to last delivery: p50 \(format(percentile(fanOut, 50))) s"
        + "  p99 \(format(percentile(fanOut, 99))) s  max \(format(fanOut.max() ?? .nan)) s"
)
print(
    "  baseline, \(subscribers) POSTs with HTTPClient alone: p50 \(format(percentile(baseline, 50))) s"
        + "  p99 \(format(percentile(baseline, 99))) s"
)
print("  ratio engine/baseline (p50): \(format(percentile(fanOut, 50) / percentile(baseline, 50)))")
print("  deliveries lost: \(lost) of \(expected); left pending in the store: \(pending)")
print("  goal: fan-out p99 under 1 s: \(percentile(fanOut, 99) < 1 ? "met" : "not met")")
if lost > 0 || pending > 0 {
    exit(1)
}
