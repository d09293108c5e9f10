import Foundation

/// A row of `schema_migrations`: a migration that has run on this database.
public struct AppliedSchemaMigration: Sendable, Hashable {
    /// The migration's version.
    public var version: Int
    /// The migration's name.
    public var name: String
    /// When it ran, to the millisecond.
    public var appliedAt: Date

    /// Creates a record of an applied migration.
    public init(version: Int, name: String, appliedAt: Date) {
        self.version = version
        self.name = name
        self.appliedAt = appliedAt
    }
}
