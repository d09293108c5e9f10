extension DestinationInterface {
    /// Checks that `tunnelInfo` is given exactly for a `TUNNEL` interface ("included only if the destination
    /// interface type is tunnel") and that MAC and IP addresses are well formed.
    func check(_ validator: inout Validator, at path: FieldPath) {
        if interfaceType == .tunnel {
            validator.present(tunnelInfo, at: path.field("tunnelInfo"), "is required when interfaceType is TUNNEL")
        } else {
            validator.absent(tunnelInfo, at: path.field("tunnelInfo"), "is only allowed when interfaceType is TUNNEL")
        }
        for (name, value) in [("srcMacAddress", srcMacAddress), ("dstMacAddress", dstMacAddress)] {
            if let value, !AddressSyntax.isMACAddress(value) {
                validator.report(path.field(name), .invalidAddress, "must be a MAC address")
            }
        }
        if let dstIpAddress, !AddressSyntax.isIPAddress(Substring(dstIpAddress)) {
            validator.report(path.field("dstIpAddress"), .invalidAddress, "must be an IP address")
        }
        if let tunnelInfo {
            let tunnelPath = path.field("tunnelInfo")
            let addresses = [
                ("tunnelDstAddress", tunnelInfo.tunnelDstAddress), ("tunnelSrcAddress", tunnelInfo.tunnelSrcAddress),
            ]
            for (name, value) in addresses {
                if let value, !AddressSyntax.isIPAddress(Substring(value)) {
                    validator.report(tunnelPath.field(name), .invalidAddress, "must be an IP address")
                }
            }
        }
    }
}
