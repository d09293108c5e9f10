/// Decides which migrations to run, independent of any backend.
///
/// A backend runner does four things inside one transaction: create `schema_migrations` if missing, read the applied
/// versions, ask this plan for the pending migrations, then run each one and record it. The plan refuses a database
/// whose history this program does not know, so an older binary never writes to a newer schema.
public struct SchemaMigrationPlan: Sendable, Hashable {
    /// The migrations to run, in order.
    public let pending: [SchemaMigration]
    /// The schema version after the pending migrations have run.
    public let targetVersion: Int

    /// Compares the migrations this program knows with the versions the database has applied.
    ///
    /// - Throws: ``StoreError`` with code ``StoreError/Code/invalidArgument`` when `known` is not strictly increasing
    ///   positive versions, or ``StoreError/Code/incompatibleSchema`` when the database has a version this program
    ///   does not know (it was written by a newer program).
    public init(known: [SchemaMigration], applied: [Int]) throws {
        var previous = 0
        for migration in known {
            guard migration.version > previous else {
                throw StoreError(.invalidArgument, "migration versions must be positive and strictly increasing")
            }
            previous = migration.version
        }
        let knownVersions = Set(known.map(\.version))
        if let newest = applied.max(), newest > previous {
            throw StoreError(
                .incompatibleSchema,
                "database schema version \(newest) is newer than this program supports (\(previous))"
            )
        }
        if let unknown = applied.first(where: { !knownVersions.contains($0) }) {
            throw StoreError(.incompatibleSchema, "database has schema migration \(unknown) that this program lacks")
        }
        let appliedVersions = Set(applied)
        self.pending = known.filter { !appliedVersions.contains($0.version) }
        self.targetVersion = previous
    }
}
