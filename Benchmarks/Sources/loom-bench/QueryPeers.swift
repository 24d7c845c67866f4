import Foundation

/// networkx and Kùzu, run by `scripts/query_peers.py` in the virtual environment
/// `Benchmarks/.venv` (created with `python3 -m venv`; `pip install networkx`, and
/// `pip install kuzu` when it installs). A peer that cannot be installed is skipped, and says so.
enum QueryPeers {
    /// The venv's python, creating the venv and installing the peers the first time.
    static func python(benchmarks: URL, notes: inout [String]) -> String? {
        let venv = benchmarks.appendingPathComponent(".venv")
        let python = venv.appendingPathComponent("bin/python").path
        if !FileManager.default.isExecutableFile(atPath: python) {
            guard let system = ChildProcess.which("python3") else {
                notes.append("no python3 on PATH: networkx and Kùzu not run")
                return nil
            }
            print("creating \(venv.path) ...")
            guard (try? ChildProcess.runVisible(system, ["-m", "venv", venv.path])) != nil else {
                notes.append("python3 -m venv failed: networkx and Kùzu not run")
                return nil
            }
        }
        for package in ["networkx", "kuzu"] where !has(python, module: package) {
            print("pip install \(package) ...")
            if (try? ChildProcess.runVisible(python, ["-m", "pip", "install", "-q", package])) == nil {
                notes.append("`pip install \(package)` failed: \(package) skipped")
            }
        }
        return python
    }

    private static func has(_ python: String, module: String) -> Bool {
        (try? ChildProcess.run(python, ["-c", "import \(module)"]).succeeded) ?? false
    }

    /// Runs the script; returns per system, per question, the timing and answer.
    static func run(python: String, benchmarks: URL, database: String, workload: QueryWorkload,
                    repetitions: Int, timeout: Double, scratch: URL) throws -> [String: [QueryName: QueryTiming]] {
        let workloadFile = scratch.appendingPathComponent("query-workload.json")
        let object: [String: Any] = [
            "asOf": workload.asOf, "finishedGood": workload.finishedGood, "rawPart": workload.rawPart,
            "finishedGoods": workload.finishedGoods, "acyclicFinishedGoods": workload.acyclicFinishedGoods,
            "levelBound": QueryWorkload.levelBound,
        ]
        try JSONSerialization.data(withJSONObject: object).write(to: workloadFile)
        let output = scratch.appendingPathComponent("query-peers.json").path
        let errors = scratch.appendingPathComponent("query-peers-stderr.txt").path
        let script = benchmarks.appendingPathComponent("scripts/query_peers.py").path
        let run = try TimedChild.run(python, [script, "--db", database, "--workload", workloadFile.path,
                                              "--repeat", "\(repetitions)", "--timeout", "\(Int(timeout))",
                                              "--scratch", scratch.path],
                                     stdout: output, stderr: errors, timeout: timeout * Double(5 * repetitions) + 600)
        guard run.seconds != nil, run.exitCode == 0 else {
            let message = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
            throw ChildProcessError(description: "query_peers.py failed (exit \(run.exitCode)): \(message.suffix(2000))")
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: output))
        guard let systems = try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]] else {
            throw ChildProcessError(description: "query_peers.py printed no JSON object")
        }
        var result: [String: [QueryName: QueryTiming]] = [:]
        for (system, questions) in systems {
            var timings: [QueryName: QueryTiming] = [:]
            for query in QueryName.allCases {
                var timing = QueryTiming()
                if let skipped = questions["skipped"] as? String {
                    timing.failure = "skipped: \(skipped)"
                } else if let entry = questions[query.rawValue] as? [String: Any] {
                    if let failure = entry["failure"] as? String { timing.failure = failure }
                    timing.seconds = entry["seconds"] as? [Double] ?? []
                    if let rows = entry["rows"] as? Int, let values = entry["values"] as? [String: Any] {
                        timing.answer = QueryAnswer(rows: rows, values: values.mapValues { ($0 as? NSNumber)?.doubleValue })
                    }
                } else {
                    timing.failure = "not run"
                }
                timings[query] = timing
            }
            result[system] = timings
        }
        return result
    }
}
