// The system SQLite3 library (Debian: libsqlite3-dev). Only Sources/FundLedger/SQLite uses it.
#include <sqlite3.h>

// sqlite3_config is variadic, which Swift cannot call. Turning off memory statistics removes
// a global mutex from every allocation (https://www.sqlite.org/c3ref/c_config_covering_index_scan.html);
// it must run before SQLite initializes. Returns SQLITE_MISUSE if SQLite is already running.
static inline int cpf_sqlite3_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

#ifdef __linux__
// Linux's sync_file_range(2) (glibc declares it only under _GNU_SOURCE, which Swift's Glibc
// module is not built with). SYNC_FILE_RANGE_WRITE = 2 starts writing the file's dirty pages
// to the device without waiting for them: a later fsync then has less left to wait for.
#include <stdint.h>
#ifdef __cplusplus
extern "C"
#endif
int sync_file_range(int fd, int64_t offset, int64_t nbytes, unsigned int flags);
static inline int cpf_start_writeback(int fd) {
    return sync_file_range(fd, 0, 0, 2);
}
#else
static inline int cpf_start_writeback(int fd) { (void)fd; return 0; }
#endif
