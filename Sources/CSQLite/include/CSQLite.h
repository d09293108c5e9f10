#ifndef C_SQLITE_H
#define C_SQLITE_H

#include <sqlite3.h>

/// Binds text that SQLite copies (`SQLITE_TRANSIENT` is a macro Swift cannot import).
int mec_sqlite_bind_text(sqlite3_stmt *statement, int index, const char *text, int length);

/// Binds a blob that SQLite copies.
int mec_sqlite_bind_blob(sqlite3_stmt *statement, int index, const void *bytes, int length);

#endif
