import Foundation
import Synchronization

/// A set of named metrics, rendered in the Prometheus text exposition format (version 0.0.4).
///
/// Metrics are created once (usually at start) and updated from any thread.
public final class MetricsRegistry: Sendable {
    private let families = Mutex<[String: any MetricFamily]>([:])
    private let order = Mutex<[String]>([])

    /// Creates an empty registry.
    public init() {}

    /// Returns the counter family called `name`, creating it on first use.
    public func counter(_ name: String, help: String, labels: [String] = []) -> CounterFamily {
        family(name) { CounterFamily(name: name, help: help, labelNames: labels) }
    }

    /// Returns the gauge family called `name`, creating it on first use.
    public func gauge(_ name: String, help: String, labels: [String] = []) -> GaugeFamily {
        family(name) { GaugeFamily(name: name, help: help, labelNames: labels) }
    }

    /// Returns the histogram family called `name`, creating it on first use.
    public func histogram(
        _ name: String,
        help: String,
        labels: [String] = [],
        buckets: [Double] = HistogramFamily.defaultBuckets
    ) -> HistogramFamily {
        family(name) { HistogramFamily(name: name, help: help, labelNames: labels, buckets: buckets) }
    }

    /// The text exposition of every metric, families in creation order.
    public func render() -> String {
        let names = order.withLock { $0 }
        let all = families.withLock { $0 }
        var out = ""
        for name in names {
            all[name]?.render(into: &out)
        }
        return out
    }

    private func family<F: MetricFamily>(_ name: String, make: () -> F) -> F {
        families.withLock { families in
            if let existing = families[name] as? F {
                return existing
            }
            let created = make()
            families[name] = created
            order.withLock { $0.append(name) }
            return created
        }
    }
}

/// A metric name with its help text and labelled series.
protocol MetricFamily: Sendable {
    func render(into out: inout String)
}

/// Formats label pairs as `{a="x",b="y"}`.
func renderLabels(_ names: [String], _ values: [String], extra: (String, String)? = nil) -> String {
    var pairs = zip(names, values).map { "\($0)=\"\(escapeLabelValue($1))\"" }
    if let extra {
        pairs.append("\(extra.0)=\"\(escapeLabelValue(extra.1))\"")
    }
    return pairs.isEmpty ? "" : "{" + pairs.joined(separator: ",") + "}"
}

func escapeLabelValue(_ value: String) -> String {
    value.replacingOccurrences(of: "\\", with: "\\\\")
        .replacingOccurrences(of: "\"", with: "\\\"")
        .replacingOccurrences(of: "\n", with: "\\n")
}

func formatSample(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 {
        return String(Int64(value))
    }
    return String(value)
}
