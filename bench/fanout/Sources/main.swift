// Service availability fan-out through a running host: N SerAvailabilityNotificationSubscriptions created through
// the MEC 011 API with callbacks to a local HTTPS receiver, then one service registered per round. Reports the time
// from the API's 201 until the receiver holds all N notifications of that service, the deliveries lost (must be 0),
// and as the baseline the same N POSTs (the same body) sent by HTTPClient alone to the same receiver, alternating
// with the rounds.
//
// Usage: mec-bench-fanout URL CA CERT KEY TOKEN RECEIVER_CERT RECEIVER_KEY [subscriptions] [rounds] [instances]
import Foundation
import MECHTTP
import MECObservability
import Synchronization

let arguments = CommandLine.arguments
guard arguments.count >= 8 else {
    FileHandle.standardError.write(
        Data("usage: mec-bench-fanout URL CA CERT KEY TOKEN RECEIVER_CERT RECEIVER_KEY [subs] [rounds] [apps]\n".utf8))
    exit(2)
}
let mecURL = arguments[1]
let caFile = arguments[2]
let token = arguments[5]
let subscribers = arguments.count > 8 ? Int(arguments[8]) ?? 5000 : 5000
let rounds = arguments.count > 9 ? Int(arguments[9]) ?? 10 : 10
let instances = arguments.count > 10 ? Int(arguments[10]) ?? 50 : 50
let serviceName = "bench-fanout"
let root = mecURL + "/mec_service_mgmt/v1"

/// What the receiver saw for one service: the distinct subscribers reached, every arrival, and the last one's time.
struct Arrivals {
    var subscribers: Set<Int> = []
    var total = 0
    var last: ContinuousClock.Instant?
    var sample: Data?
}

/// Arrivals per serInstanceId, filled by the receiver's threads.
final class Tally: Sendable {
    private let byService = Mutex<[String: Arrivals]>([:])

    func record(service: String, subscriber: Int, body: Data) {
        let now = ContinuousClock.now
        byService.withLock { all in
            var arrivals = all[service, default: Arrivals()]
            arrivals.subscribers.insert(subscriber)
            arrivals.total += 1
            arrivals.last = now
            if arrivals.sample == nil {
                arrivals.sample = body
            }
            all[service] = arrivals
        }
    }

    func arrivals(_ service: String) -> Arrivals {
        byService.withLock { $0[service] ?? Arrivals() }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("mec-bench-fanout: \(message)\n".utf8))
    exit(1)
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

/// The serInstanceId of the one service a ServiceAvailabilityNotification names.
@Sendable func serviceId(in body: Data) -> String? {
    guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
        let references = object["serviceReferences"] as? [[String: Any]]
    else { return nil }
    return references.first?["serInstanceId"] as? String
}

// The receiver: counts notifications per service and subscriber (the subscriber is the callback path's number).
let quiet = Logger(label: "bench", level: .error)
let tally = Tally()
var router = Router()
router.on(.post, "/cb/{n}") { request in
    if let n = request.pathParameters["n"].flatMap(Int.init), let service = serviceId(in: request.body) {
        tally.record(service: service, subscriber: n, body: request.body)
    }
    return Response(status: 204)
}
var serverConfiguration = HTTPServerConfiguration()
serverConfiguration.host = "127.0.0.1"
serverConfiguration.port = 0
serverConfiguration.threads = 2
guard let receiverCertificate = try? String(contentsOfFile: arguments[6], encoding: .utf8),
    let receiverKey = try? String(contentsOfFile: arguments[7], encoding: .utf8)
else { fail("cannot read the receiver certificate or key") }
serverConfiguration.tls = TLSSettings(certificatePEM: receiverCertificate, privateKeyPEM: receiverKey)
let receiver = HTTPServer(
    configuration: serverConfiguration,
    responder: Responder(router: router, middlewares: [], logger: quiet),
    metrics: MetricsRegistry(),
    logger: quiet
)
try receiver.start()
let callbackBase = "https://localhost:\(receiver.port)/cb/"

// The API client presents the operator's certificate with its bound token.
let api = HTTPClient(
    configuration: HTTPClient.Configuration(
        caFile: caFile, clientCertificateFile: arguments[3], clientKeyFile: arguments[4], maxConcurrentRequests: 16),
    logger: quiet
)
@Sendable func call(_ method: String, _ url: String, _ body: String) async throws -> HTTPClientResponse {
    var headers = HTTPHeaders()
    headers["Authorization"] = "Bearer \(token)"
    headers["Content-Type"] = MediaType.json
    headers["Accept"] = MediaType.json
    return try await api.execute(HTTPClientRequest(method: method, url: url, headers: headers, body: Data(body.utf8)))
}

let createStart = ContinuousClock.now
let created = await withTaskGroup(of: Int.self) { group in
    for n in 0..<subscribers {
        group.addTask {
            let app = "app-\(n % instances)"
            let body = """
                {"subscriptionType":"SerAvailabilityNotificationSubscription",\
                "callbackReference":"\(callbackBase)\(n)","filteringCriteria":{"serNames":["\(serviceName)"]}}
                """
            let response = try? await call("POST", root + "/applications/\(app)/subscriptions", body)
            return response?.status == 201 ? 1 : 0
        }
    }
    var count = 0
    for await one in group {
        count += one
    }
    return count
}
if created != subscribers {
    fail("only \(created) of \(subscribers) subscriptions were created")
}
let createSeconds = seconds(ContinuousClock.now - createStart)

// The baseline client is configured as the host's notification client: the same trust, default limits.
let baselineClient = HTTPClient(configuration: HTTPClient.Configuration(caFile: caFile), logger: quiet)

/// Sends `body` (naming service `service`) to every subscriber's callback; returns the time until the last answer.
func baselineRound(_ body: Data, service: String) async -> Double {
    let start = ContinuousClock.now
    await withTaskGroup(of: Void.self) { group in
        for n in 0..<subscribers {
            group.addTask {
                var headers = HTTPHeaders()
                headers["Content-Type"] = MediaType.json
                let url = callbackBase + "\(n)"
                let request = HTTPClientRequest(method: "POST", url: url, headers: headers, body: body)
                _ = try? await baselineClient.execute(request)
            }
        }
    }
    let arrived = tally.arrivals(service).subscribers.count
    if arrived != subscribers {
        fail("the baseline reached \(arrived) of \(subscribers) subscribers")
    }
    return seconds(ContinuousClock.now - start)
}

var answered: [Double] = []  // POST sent -> 201 received: matching subscriptions and the durable publish
var delivered: [Double] = []  // 201 -> last notification at the receiver
var total: [Double] = []  // POST sent -> last notification
var baseline: [Double] = []
var lost = 0
var duplicates = 0
for round in 0..<(rounds + 1) {
    let service = """
        {"serName":"\(serviceName)","version":"1.0.\(round)","state":"ACTIVE","serializer":"JSON",\
        "serCategory":{"href":"https://catalogue.example/categories/bench","id":"bench","name":"BENCH","version":"v1"},\
        "transportInfo":{"id":"bench-rest","name":"REST","type":"REST_HTTP","protocol":"HTTP","version":"2.0",\
        "endpoint":{"uris":["https://producer.example/bench/v1/"]},"security":{}}}
        """
    let start = ContinuousClock.now
    let response = try await call("POST", root + "/applications/app-producer/services", service)
    let accepted = ContinuousClock.now
    guard response.status == 201,
        let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any],
        let id = object["serInstanceId"] as? String
    else { fail("registering the service answered \(response.status)") }
    let deadline = accepted + .seconds(60)
    var arrivals = tally.arrivals(id)
    while arrivals.subscribers.count < subscribers, ContinuousClock.now < deadline {
        try await Task.sleep(for: .milliseconds(1))
        arrivals = tally.arrivals(id)
    }
    // Late duplicates would still count as delivered; a short settle shows whether any arrive.
    try await Task.sleep(for: .milliseconds(50))
    arrivals = tally.arrivals(id)
    lost += subscribers - arrivals.subscribers.count
    duplicates += arrivals.total - arrivals.subscribers.count
    guard let sample = arrivals.sample, let last = arrivals.last else { fail("no notification arrived") }
    let marker = "baseline-\(round)"
    let body = Data(String(decoding: sample, as: UTF8.self).replacingOccurrences(of: id, with: marker).utf8)
    let baselineSeconds = await baselineRound(body, service: marker)
    if round > 0 {  // round 0 warms up connections and caches on both sides
        answered.append(seconds(accepted - start))
        delivered.append(seconds(last - accepted))
        total.append(seconds(last - start))
        baseline.append(baselineSeconds)
    }
}

// Notifications still pending in the host, from its metrics.
var pending = "unknown"
if let metrics = try? await api.execute(HTTPClientRequest(url: mecURL + "/metrics")) {
    let text = String(decoding: metrics.body, as: UTF8.self)
    if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("mec_notification_pending ") }) {
        pending = String(line.split(separator: " ").last ?? "")
    }
}
api.shutdown()
baselineClient.shutdown()
await receiver.shutdown()

let expected = subscribers * rounds + subscribers
print(
    "bench fanout: one service registered -> \(subscribers) service availability subscriptions over "
        + "\(instances) application instances, callbacks to a local HTTPS receiver, \(rounds) rounds (+1 warm-up), "
        + "\(ProcessInfo.processInfo.activeProcessorCount) cores"
)
print("  creating \(subscribers) subscriptions through the API: \(format(createSeconds)) s")
print(
    "  POST -> 201 (matching subscriptions, durable publish): p50 \(format(percentile(answered, 50))) s"
        + "  p99 \(format(percentile(answered, 99))) s"
)
print(
    "  201 -> last delivery: p50 \(format(percentile(delivered, 50))) s  p99 \(format(percentile(delivered, 99))) s"
        + "  (POST -> last delivery: p50 \(format(percentile(total, 50))) s  p99 \(format(percentile(total, 99))) s)"
)
print(
    "  baseline, the same \(subscribers) POSTs by HTTPClient alone: p50 \(format(percentile(baseline, 50))) s"
        + "  p99 \(format(percentile(baseline, 99))) s"
)
print("  ratio (201 -> last delivery)/baseline, p50: \(format(percentile(delivered, 50) / percentile(baseline, 50)))")
print("  deliveries lost: \(lost) of \(expected); duplicates: \(duplicates); pending in the host after: \(pending)")
print("  goal: 201 -> last delivery p99 under 1 s: \(percentile(delivered, 99) < 1 ? "met" : "not met")")
if lost > 0 {
    exit(1)
}
