/// The data plane that answers DNS queries for the DNS rules of MEC application instances.
///
/// This is the seam between the MEC platform and whatever serves DNS: a local DNS server process today
/// (``DnsmasqDNSDataPlane``), a user plane function later. The platform passes the whole desired set of records on
/// every change; the data plane answers exactly those names and nothing else.
///
/// ```swift
/// let dns = DnsmasqDNSDataPlane(configuration: .init(workingDirectory: dataDir + "/dns"), logger: logger)
/// try await dns.start()
/// try await dns.apply([DNSRecord(domainName: "app.example.com", address: "10.0.0.7", addressType: .ipv4, ttl: 30)])
/// await dns.stop()
/// ```
public protocol DNSDataPlane: Sendable {
    /// The address DNS clients send queries to, such as `127.0.0.1`.
    var listenAddress: String { get }

    /// The UDP and TCP port DNS clients send queries to; known once ``start()`` has returned.
    var port: UInt16 { get }

    /// Starts answering queries, with no records until the first ``apply(_:)``.
    ///
    /// - Throws: ``DNSDataPlaneError`` when the server cannot be started or does not answer in time.
    func start() async throws

    /// Replaces the whole set of answered records and returns once the new set is being served.
    ///
    /// Idempotent: applying the same set again changes nothing. Names absent from `records` stop being answered.
    /// Every record is checked before anything changes; one bad record rejects the whole call.
    ///
    /// - Parameter records: every record to answer, typically the ACTIVE DNS rules of every application instance.
    /// - Throws: ``DNSDataPlaneError`` with a validation code for a bad record (nothing changes), or another code when
    ///   the new set could not be served.
    func apply(_ records: [DNSRecord]) async throws

    /// Stops answering queries and releases every resource, child processes included.
    func stop() async
}
