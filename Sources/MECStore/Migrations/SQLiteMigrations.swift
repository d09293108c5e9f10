/// The schema of ``SQLiteStore``, in SQLite's dialect.
///
/// Append new migrations at the end with the next version; never edit one that has shipped. Another module can extend
/// the schema by passing `SQLiteMigrations.all + [its own]` to ``SQLiteStore/init(path:logger:migrations:)``.
public enum SQLiteMigrations {
    /// Documents and their index entries.
    public static let documents = SchemaMigration(
        version: 1,
        name: "documents",
        sql: """
            CREATE TABLE documents (
                collection TEXT NOT NULL,
                id TEXT NOT NULL,
                version INTEGER NOT NULL,
                body BLOB NOT NULL,
                seq INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                PRIMARY KEY (collection, id)
            );
            CREATE INDEX documents_by_seq ON documents (collection, seq);
            CREATE TABLE document_indexes (
                collection TEXT NOT NULL,
                id TEXT NOT NULL,
                key TEXT NOT NULL,
                value TEXT NOT NULL,
                FOREIGN KEY (collection, id) REFERENCES documents (collection, id) ON DELETE CASCADE
            );
            CREATE INDEX document_indexes_by_value ON document_indexes (collection, key, value);
            CREATE INDEX document_indexes_by_document ON document_indexes (collection, id);
            """
    )

    /// Host-wide key/value pairs.
    public static let meta = SchemaMigration(
        version: 2,
        name: "meta",
        sql: """
            CREATE TABLE meta (
                key TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL
            );
            """
    )

    /// Every migration, in order.
    public static let all: [SchemaMigration] = [documents, meta]
}
