import Synchronization

/// Monotonic counters, one per combination of label values.
public final class CounterFamily: MetricFamily {
    let name: String
    let help: String
    let labelNames: [String]
    private let series = Mutex<[[String]: Double]>([:])

    init(name: String, help: String, labelNames: [String]) {
        self.name = name
        self.help = help
        self.labelNames = labelNames
    }

    /// Adds `amount` (default 1) to the series with these label values, in the order the labels were declared.
    public func increment(_ labelValues: [String] = [], by amount: Double = 1) {
        precondition(labelValues.count == labelNames.count, "label values do not match label names")
        series.withLock { $0[labelValues, default: 0] += amount }
    }

    /// The current value of a series, 0 when it was never incremented.
    public func value(_ labelValues: [String] = []) -> Double {
        series.withLock { $0[labelValues] ?? 0 }
    }

    func render(into out: inout String) {
        out += "# HELP \(name) \(help)\n# TYPE \(name) counter\n"
        let snapshot = series.withLock { $0 }
        for (labels, value) in snapshot.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            out += "\(name)\(renderLabels(labelNames, labels)) \(formatSample(value))\n"
        }
    }
}

/// Values that go up and down, one per combination of label values.
public final class GaugeFamily: MetricFamily {
    let name: String
    let help: String
    let labelNames: [String]
    private let series = Mutex<[[String]: Double]>([:])

    init(name: String, help: String, labelNames: [String]) {
        self.name = name
        self.help = help
        self.labelNames = labelNames
    }

    /// Sets a series to `value`.
    public func set(_ value: Double, _ labelValues: [String] = []) {
        series.withLock { $0[labelValues] = value }
    }

    /// Adds `amount` (which may be negative) to a series.
    public func add(_ amount: Double, _ labelValues: [String] = []) {
        series.withLock { $0[labelValues, default: 0] += amount }
    }

    /// The current value of a series, 0 when it was never set.
    public func value(_ labelValues: [String] = []) -> Double {
        series.withLock { $0[labelValues] ?? 0 }
    }

    func render(into out: inout String) {
        out += "# HELP \(name) \(help)\n# TYPE \(name) gauge\n"
        let snapshot = series.withLock { $0 }
        if snapshot.isEmpty && labelNames.isEmpty {
            out += "\(name) 0\n"
        }
        for (labels, value) in snapshot.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            out += "\(name)\(renderLabels(labelNames, labels)) \(formatSample(value))\n"
        }
    }
}
