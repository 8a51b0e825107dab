// The system SQLite3 library (Debian: libsqlite3-dev). Only Sources/FundLedger/SQLite uses it.
#include <sqlite3.h>
