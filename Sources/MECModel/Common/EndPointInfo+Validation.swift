extension EndPointInfo {
    /// Checks the syntax of each entry point; a REST transport shall use `uris`.
    func check(_ validator: inout Validator, at path: FieldPath, transport: TransportType? = nil) {
        switch self {
        case .uris(let uris):
            for (index, uri) in uris.enumerated() {
                validator.absoluteURI(uri, at: path.field("uris").item(index))
            }
        case .fqdn(let names):
            for (index, name) in names.enumerated() where !AddressSyntax.isHostName(name) {
                let message = "must be a fully qualified domain name"
                validator.report(path.field("fqdn").item(index), .invalidAddress, message)
            }
        case .addresses(let addresses):
            for (index, address) in addresses.enumerated() {
                validator.nonEmpty(address.host, at: path.field("addresses").item(index).field("host"))
                validator.within(address.port, 0...65535, at: path.field("addresses").item(index).field("port"))
            }
        case .alternative:
            break
        }
        if transport == .restHTTP, !isURIs {
            validator.report(path, .invalidValue, "must give uris for a REST_HTTP transport")
        }
    }

    private var isURIs: Bool {
        if case .uris = self { true } else { false }
    }
}
