/// One numbered step of a database schema, applied once and recorded in `schema_migrations`.
///
/// Migrations are written in the dialect of one backend; each backend keeps its own ordered list with the same
/// version numbers for the same logical change.
public struct SchemaMigration: Sendable, Hashable {
    /// The position in the history; versions are positive and strictly increasing within a list.
    public var version: Int
    /// A short name, such as `documents`, recorded next to the version.
    public var name: String
    /// The statements to run, separated by semicolons.
    public var sql: String

    /// Creates a migration.
    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}
