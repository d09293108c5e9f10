import Foundation

/// The migration runner for SQLite; a runner for another backend follows the same four steps.
extension SQLiteConnection {
    private static let createMigrationTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            applied_at INTEGER NOT NULL
        )
        """

    /// Brings the schema up to date in one transaction: creates `schema_migrations` when missing, reads the applied
    /// versions, runs each pending migration and records it. Either all pending migrations apply or none does.
    ///
    /// - Returns: the migrations that ran, in order.
    /// - Throws: ``StoreError`` with code ``StoreError/Code/incompatibleSchema`` when the database was migrated by a
    ///   newer program; nothing is changed then.
    func migrate(_ migrations: [SchemaMigration], now: Int64) throws -> [SchemaMigration] {
        try writeTransaction {
            try execute(Self.createMigrationTable)
            let applied = try query("SELECT version FROM schema_migrations ORDER BY version") { Int($0.int64(0)) }
            let plan = try SchemaMigrationPlan(known: migrations, applied: applied)
            for migration in plan.pending {
                try execute(migration.sql)
                try run(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    [.integer(Int64(migration.version)), .text(migration.name), .integer(now)]
                )
            }
            return plan.pending
        }
    }

    /// The rows of `schema_migrations`, oldest version first.
    func appliedMigrations() throws -> [AppliedSchemaMigration] {
        try query("SELECT version, name, applied_at FROM schema_migrations ORDER BY version") {
            AppliedSchemaMigration(
                version: Int($0.int64(0)),
                name: $0.text(1),
                appliedAt: Self.date(milliseconds: $0.int64(2))
            )
        }
    }
}
