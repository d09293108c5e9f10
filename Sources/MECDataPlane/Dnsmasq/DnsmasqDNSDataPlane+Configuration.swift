extension DnsmasqDNSDataPlane {
    /// Settings for a ``DnsmasqDNSDataPlane``, with defaults for a DNS server on loopback.
    public struct Configuration: Sendable {
        /// The numeric address dnsmasq binds to and answers on; it binds to no other address.
        public var listenAddress: String
        /// The UDP and TCP port; 0 picks a port that is free for both when the data plane starts.
        public var port: UInt16
        /// Directory for the generated configuration; created with mode 0700, files in it are mode 0600.
        /// Put it inside the host's data directory, such as `<data-dir>/dns`.
        public var workingDirectory: String
        /// The dnsmasq program (Debian package dnsmasq-base).
        public var executablePath: String
        /// The user and group dnsmasq switches to after reading its configuration, when started as root.
        public var user: String
        /// See ``user``.
        public var group: String
        /// The time to live of answers for records that have none.
        public var defaultTTL: Int
        /// Longest wait for dnsmasq to answer queries after each start.
        public var readinessTimeout: Duration
        /// Longest wait for dnsmasq to exit after SIGTERM before it gets SIGKILL.
        public var stopGrace: Duration
        /// First wait before restarting a dnsmasq that exited on its own; doubled on each failure in a row.
        public var restartBackoffMinimum: Duration
        /// Longest wait between restarts.
        public var restartBackoffMaximum: Duration

        /// Creates a configuration.
        public init(
            listenAddress: String = "127.0.0.1",
            port: UInt16 = 0,
            workingDirectory: String,
            executablePath: String = "/usr/sbin/dnsmasq",
            user: String = "nobody",
            group: String = "nogroup",
            defaultTTL: Int = 60,
            readinessTimeout: Duration = .seconds(5),
            stopGrace: Duration = .seconds(2),
            restartBackoffMinimum: Duration = .milliseconds(100),
            restartBackoffMaximum: Duration = .seconds(5)
        ) {
            self.listenAddress = listenAddress
            self.port = port
            self.workingDirectory = workingDirectory
            self.executablePath = executablePath
            self.user = user
            self.group = group
            self.defaultTTL = defaultTTL
            self.readinessTimeout = readinessTimeout
            self.stopGrace = stopGrace
            self.restartBackoffMinimum = restartBackoffMinimum
            self.restartBackoffMaximum = restartBackoffMaximum
        }
    }
}
