/// Retry delays: exponential growth with full jitter, capped.
struct Backoff: Sendable {
    let initial: Duration
    let maximum: Duration

    /// The delay before retry number `failures` (1 after the first failure): uniform in zero to
    /// `min(maximum, initial * 2^(failures - 1))`.
    func delay<Generator: RandomNumberGenerator>(afterFailures failures: Int, using generator: inout Generator)
        -> Duration
    {
        bound(afterFailures: failures) * Double.random(in: 0...1, using: &generator)
    }

    /// The upper bound of the delay after `failures` failures.
    func bound(afterFailures failures: Int) -> Duration {
        let exponent = min(max(failures - 1, 0), 30)
        let grown = initial * (1 << exponent)
        return min(grown, maximum)
    }
}
