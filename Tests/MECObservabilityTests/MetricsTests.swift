import Testing

@testable import MECObservability

@Suite("Metrics")
struct MetricsTests {
    @Test("counters render in the Prometheus text format with escaped labels")
    func counters() {
        let registry = MetricsRegistry()
        let counter = registry.counter("http_requests_total", help: "Requests.", labels: ["route", "status"])
        counter.increment(["/a", "200"])
        counter.increment(["/a", "200"])
        counter.increment(["/\"b\"", "404"], by: 3)
        let text = registry.render()
        #expect(text.contains("# TYPE http_requests_total counter\n"))
        #expect(text.contains(#"http_requests_total{route="/a",status="200"} 2"#))
        #expect(text.contains(#"http_requests_total{route="/\"b\"",status="404"} 3"#))
        #expect(counter.value(["/a", "200"]) == 2)
    }

    @Test("histograms have cumulative buckets, sum and count")
    func histograms() {
        let registry = MetricsRegistry()
        let histogram = registry.histogram("latency_seconds", help: "Latency.", buckets: [0.1, 1])
        histogram.observe(0.05)
        histogram.observe(0.5)
        histogram.observe(5)
        let text = registry.render()
        #expect(text.contains(#"latency_seconds_bucket{le="0.1"} 1"#))
        #expect(text.contains(#"latency_seconds_bucket{le="1"} 2"#))
        #expect(text.contains(#"latency_seconds_bucket{le="+Inf"} 3"#))
        #expect(text.contains("latency_seconds_count 3"))
        #expect(text.contains("latency_seconds_sum 5.55"))
    }

    @Test("gauges go up and down, and asking twice returns the same family")
    func gauges() {
        let registry = MetricsRegistry()
        registry.gauge("open", help: "Open.").add(2)
        registry.gauge("open", help: "Open.").add(-1)
        #expect(registry.gauge("open", help: "Open.").value() == 1)
        #expect(registry.render().contains("open 1\n"))
    }
}
