import Foundation
let traceEnabled = ProcessInfo.processInfo.environment["LOOM_STORE_TRACE"] != nil
func cpuNow() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}
nonisolated(unsafe) var traceLast = cpuNow()
func trace(_ what: String) {
    guard traceEnabled else { return }
    let now = cpuNow()
    FileHandle.standardError.write("\(what): \(String(format: "%.3f", now - traceLast))s cpu\n".data(using: .utf8)!)
    traceLast = now
}
