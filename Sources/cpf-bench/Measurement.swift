#if canImport(Glibc)
import Glibc
#endif

/// Seconds on the monotonic clock.
func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Peak resident memory of this process so far, in MiB.
func peakResidentMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// What a child process took: wall time, its own peak resident memory, its exit status.
struct ChildRun {
    let seconds: Double
    let peakResidentMiB: Double
    let status: Int32
}

/// Runs `arguments` (the program found on PATH unless it has a '/') with standard output
/// sent to `outputPath` (default /dev/null) and standard error inherited, and measures it
/// with wait4(2), so the peak memory is the child's alone.
///
/// - Parameter timeoutSeconds: the child is killed (SIGKILL) past this; its status is then 137.
///
/// A child spawned from a large process starts out sharing its memory until it executes, and
/// Linux counts that in the child's `ru_maxrss`; with `sampling`, the child's own high-water
/// mark (`VmHWM` in /proc/PID/status, which starts afresh at exec) is read every 2 ms instead.
func runChild(_ arguments: [String], outputPath: String = "/dev/null", environment: [String: String] = [:],
              timeoutSeconds: Double = .infinity, sampling: Bool = false) -> ChildRun {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    var current: [String: String] = [:]
    var pointer = environ
    while let entry = pointer.pointee {
        let text = String(cString: entry)
        if let equals = text.firstIndex(of: "=") { current[String(text[..<equals])] = String(text[text.index(after: equals)...]) }
        pointer += 1
    }
    for (key, value) in environment { current[key] = value }
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = current.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid: pid_t = 0
    let start = now()
    let code = posix_spawnp(&pid, arguments[0], &actions, nil, argv, envp)
    guard code == 0 else { return ChildRun(seconds: 0, peakResidentMiB: 0, status: -1) }
    var status: Int32 = 0
    var usage = rusage()
    var sampledKiB = 0
    while true {
        let waited = wait4(pid, &status, timeoutSeconds.isFinite || sampling ? WNOHANG : 0, &usage)
        if waited == pid { break }
        if waited < 0 && errno != EINTR { break }
        if sampling, let kib = highWaterMarkKiB(pid) { sampledKiB = max(sampledKiB, kib) }
        if now() - start > timeoutSeconds { kill(pid, SIGKILL) } else if waited == 0 { usleep(sampling ? 2_000 : 20_000) }
    }
    let seconds = now() - start
    let exited = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return ChildRun(seconds: seconds, peakResidentMiB: Double(sampling ? sampledKiB : usage.ru_maxrss) / 1024, status: exited)
}

/// `VmHWM` of a running process, in KiB.
func highWaterMarkKiB(_ pid: pid_t) -> Int? {
    guard let file = fopen("/proc/\(pid)/status", "r") else { return nil }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, Int32(line.count), file) != nil {
        let text = String(cString: line)
        if text.hasPrefix("VmHWM:") { return Int(text.dropFirst(6).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "") }
    }
    return nil
}

/// Whether a program is on PATH.
func programExists(_ name: String) -> Bool {
    let path = ProcessEnvironment.value("PATH") ?? "/usr/bin:/bin"
    return path.split(separator: ":").contains { access("\($0)/\(name)", X_OK) == 0 }
}

enum ProcessEnvironment {
    static func value(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
}

func removeLedger(_ path: String) {
    for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
}

func format(_ value: Double, _ decimals: Int = 1) -> String {
    var text = String(Int((value * pow(10, Double(decimals))).rounded()))
    if decimals > 0 {
        while text.count <= decimals { text = "0" + text }
        text.insert(".", at: text.index(text.endIndex, offsetBy: -decimals))
    }
    return text
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}
