// The system SQLite3 library (Debian: libsqlite3-dev). Only Sources/FundLedger/SQLite uses it.
#include <sqlite3.h>

// sqlite3_config is variadic, which Swift cannot call. Turning off memory statistics removes
// a global mutex from every allocation (https://www.sqlite.org/c3ref/c_config_covering_index_scan.html);
// it must run before SQLite initializes. Returns SQLITE_MISUSE if SQLite is already running.
static inline int cpf_sqlite3_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
