import Foundation
import FoundationNetworking
import MECHTTP

// Compares the libcurl-based HTTPClient with URLSession: N small POSTs, C in flight, to the URL given.
let arguments = CommandLine.arguments
let url = arguments.count > 1 ? arguments[1] : "http://127.0.0.1:8089/"
let total = arguments.count > 2 ? Int(arguments[2]) ?? 5000 : 5000
let concurrency = arguments.count > 3 ? Int(arguments[3]) ?? 32 : 32
let body = Data(#"{"notificationType":"ServiceAvailabilityNotification","seq":1}"#.utf8)

struct Measurement {
    var seconds: Double
    var cpuSeconds: Double
    var failures: Int
    var requestsPerSecond: Double { Double(total) / seconds }
}

func cpuTime() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return user + system
}

func measure(_ send: @escaping @Sendable () async -> Bool) async -> Measurement {
    let cpuStart = cpuTime()
    let start = ContinuousClock.now
    let failures = await withTaskGroup(of: Int.self) { group in
        for worker in 0..<concurrency {
            group.addTask {
                var failed = 0
                for _ in stride(from: worker, to: total, by: concurrency) where await !send() {
                    failed += 1
                }
                return failed
            }
        }
        return await group.reduce(0, +)
    }
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return Measurement(seconds: seconds, cpuSeconds: cpuTime() - cpuStart, failures: failures)
}

let client = HTTPClient(configuration: .init(maxConcurrentRequests: concurrency))
let curlRequest = HTTPClientRequest(method: "POST", url: url, headers: ["Content-Type": "application/json"], body: body)
let sessionConfiguration = URLSessionConfiguration.default
sessionConfiguration.httpMaximumConnectionsPerHost = concurrency
let session = URLSession(configuration: sessionConfiguration)
var urlRequest = URLRequest(url: URL(string: url) ?? URL(fileURLWithPath: "/"))
urlRequest.httpMethod = "POST"
urlRequest.setValue("application/json", forHTTPHeaderField: "Content-Type")
let sessionRequest = urlRequest

// Warm up both so that connection set-up is not counted.
_ = try? await client.execute(curlRequest)
_ = try? await session.upload(for: sessionRequest, from: body)

let curl = await measure {
    (try? await client.execute(curlRequest).status) == 204
}
let foundation = await measure {
    let response = try? await session.upload(for: sessionRequest, from: body)
    return (response?.1 as? HTTPURLResponse)?.statusCode == 204
}

func line(_ name: String, _ m: Measurement) -> String {
    let cpuPerRequest = m.cpuSeconds / Double(total) * 1e6
    return "\(name): \(Int(m.requestsPerSecond)) req/s, wall \(String(format: "%.2f", m.seconds)) s, "
        + "CPU \(String(format: "%.2f", m.cpuSeconds)) s (\(Int(cpuPerRequest)) us/request), failures \(m.failures)"
}

print("\(total) POSTs, \(concurrency) in flight, \(url)")
print(line("HTTPClient (libcurl multi)", curl))
print(line("URLSession", foundation))
print(
    "ratio HTTPClient/URLSession: throughput "
        + "\(String(format: "%.2f", curl.requestsPerSecond / foundation.requestsPerSecond))x, "
        + "CPU per request \(String(format: "%.2f", curl.cpuSeconds / foundation.cpuSeconds))x"
)
