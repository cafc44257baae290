import Foundation

/// One part of a sequence split across machines: part `index` of `count`, 0-based, as a contiguous
/// block, so the parts' outputs side by side are the whole output, with the same file names.
///
/// Taken from `--shard I/N`, else from a Slurm job array (`SLURM_ARRAY_TASK_ID` less
/// `SLURM_ARRAY_TASK_MIN`, of `SLURM_ARRAY_TASK_COUNT`), else from a Kubernetes Indexed Job
/// (`JOB_COMPLETION_INDEX`, of `FRONTLINE_SHARDS`, which the Job's manifest sets to its completions).
struct Shard: Equatable {
    let index: Int
    let count: Int

    static func resolve(_ option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Shard? {
        if let option {
            let parts = option.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
            guard parts.count == 2, let i = parts[0], let n = parts[1] else {
                throw UsageError("--shard '\(option)': expected I/N, e.g. 0/4 for the first of four parts")
            }
            return try make(i, n, "--shard")
        }
        if let id = environment["SLURM_ARRAY_TASK_ID"], let n = environment["SLURM_ARRAY_TASK_COUNT"] {
            guard let i = Int(id), let n = Int(n), let min = Int(environment["SLURM_ARRAY_TASK_MIN"] ?? "0") else {
                throw UsageError("SLURM_ARRAY_TASK_ID / SLURM_ARRAY_TASK_COUNT are not numbers")
            }
            return try make(i - min, n, "SLURM_ARRAY_TASK_ID")
        }
        if let id = environment["JOB_COMPLETION_INDEX"] {
            guard let n = environment["FRONTLINE_SHARDS"] else {
                throw UsageError("JOB_COMPLETION_INDEX is set but FRONTLINE_SHARDS is not: set it to the Job's completions")
            }
            guard let i = Int(id), let n = Int(n) else { throw UsageError("JOB_COMPLETION_INDEX / FRONTLINE_SHARDS are not numbers") }
            return try make(i, n, "JOB_COMPLETION_INDEX")
        }
        return nil
    }

    private static func make(_ i: Int, _ n: Int, _ source: String) throws -> Shard {
        guard n >= 1, n <= 100_000, i >= 0, i < n else { throw UsageError("\(source): part \(i) of \(n) is out of range (0…\(n - 1))") }
        return Shard(index: i, count: n)
    }

    /// This part's block of `total` items.
    func range(of total: Int) -> Range<Int> { (total * index / count)..<(total * (index + 1) / count) }
}
