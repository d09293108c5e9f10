import Synchronization

/// Histograms of observed values (such as request durations in seconds), one per combination of label values.
public final class HistogramFamily: MetricFamily {
    /// Bucket bounds in seconds suited to request latencies, from 0.5 ms to 10 s.
    public static let defaultBuckets: [Double] = [
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
    ]

    struct Series {
        var counts: [UInt64]
        var sum: Double = 0
        var count: UInt64 = 0
    }

    let name: String
    let help: String
    let labelNames: [String]
    let buckets: [Double]
    private let series = Mutex<[[String]: Series]>([:])

    init(name: String, help: String, labelNames: [String], buckets: [Double]) {
        self.name = name
        self.help = help
        self.labelNames = labelNames
        self.buckets = buckets.sorted()
    }

    /// Records one observation.
    public func observe(_ value: Double, _ labelValues: [String] = []) {
        let index = buckets.firstIndex { value <= $0 } ?? buckets.count
        series.withLock { all in
            var entry = all[labelValues] ?? Series(counts: Array(repeating: 0, count: buckets.count + 1))
            entry.counts[index] += 1
            entry.sum += value
            entry.count += 1
            all[labelValues] = entry
        }
    }

    /// The number of observations recorded for a series.
    public func count(_ labelValues: [String] = []) -> UInt64 {
        series.withLock { $0[labelValues]?.count ?? 0 }
    }

    func render(into out: inout String) {
        out += "# HELP \(name) \(help)\n# TYPE \(name) histogram\n"
        let snapshot = series.withLock { $0 }
        for (labels, entry) in snapshot.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            var cumulative: UInt64 = 0
            for (bound, count) in zip(buckets, entry.counts) {
                cumulative += count
                let le = renderLabels(labelNames, labels, extra: ("le", formatSample(bound)))
                out += "\(name)_bucket\(le) \(cumulative)\n"
            }
            let inf = renderLabels(labelNames, labels, extra: ("le", "+Inf"))
            out += "\(name)_bucket\(inf) \(entry.count)\n"
            out += "\(name)_sum\(renderLabels(labelNames, labels)) \(entry.sum)\n"
            out += "\(name)_count\(renderLabels(labelNames, labels)) \(entry.count)\n"
        }
    }
}
