extension TrafficFilter {
    /// Checks the syntax of the addresses and ports and the range of the class fields.
    ///
    /// Addresses are IP addresses, addresses with a prefix length, or ranges ("an IP address plus mask, or an
    /// individual IP address, or a range of IP addresses"); ports are "a port or a range of ports" from 0 to 65535;
    /// `dSCP` is a 6-bit and `qCI` and `tC` are 8-bit values.
    func check(_ validator: inout Validator, at path: FieldPath) {
        let addresses = [
            ("srcAddress", srcAddress), ("dstAddress", dstAddress),
            ("srcTunnelAddress", srcTunnelAddress), ("tgtTunnelAddress", tgtTunnelAddress),
        ]
        for (name, values) in addresses {
            for (index, value) in (values ?? []).enumerated() where !AddressSyntax.isTrafficAddress(value) {
                let message = "must be an IP address, an address with a prefix length, or an address range"
                validator.report(path.field(name).item(index), .invalidAddress, message)
            }
        }
        let ports = [
            ("srcPort", srcPort), ("dstPort", dstPort), ("srcTunnelPort", srcTunnelPort),
            ("dstTunnelPort", dstTunnelPort),
        ]
        for (name, values) in ports {
            for (index, value) in (values ?? []).enumerated() where !AddressSyntax.isPortOrRange(value) {
                let message = "must be a port or a port range between 0 and 65535"
                validator.report(path.field(name).item(index), .invalidAddress, message)
            }
        }
        for (name, values) in [("protocol", `protocol`), ("tag", tag)] {
            for (index, value) in (values ?? []).enumerated() {
                validator.nonEmpty(value, at: path.field(name).item(index))
            }
        }
        validator.within(qCI, 0...255, at: path.field("qCI"))
        validator.within(dSCP, 0...63, at: path.field("dSCP"))
        validator.within(tC, 0...255, at: path.field("tC"))
    }
}
