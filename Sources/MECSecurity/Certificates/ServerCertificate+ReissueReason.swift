extension ServerCertificate {
    /// Why a new server certificate was issued, as logged in the `reason` metadata key.
    enum ReissueReason: String, Error {
        case missing
        case incomplete
        case unreadable
        case keyMismatch = "key_mismatch"
        case otherIssuer = "other_issuer"
        case wrongUsage = "wrong_usage"
        case namesChanged = "names_changed"
        case expiring
    }
}
