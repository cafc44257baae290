import ArgumentParser
import Foundation
import MapData

/// One part of a sequence split across machines: part `index` of `count`, 0-based, as a contiguous
/// block, so the parts' outputs side by side are the whole output, with the same file names.
///
/// Taken from `--shard I/N`, else from a Slurm job array (`SLURM_ARRAY_TASK_ID` less
/// `SLURM_ARRAY_TASK_MIN`, of `SLURM_ARRAY_TASK_COUNT`), else from a Kubernetes Indexed Job
/// (`JOB_COMPLETION_INDEX`, of `FRONTLINE_SHARDS`, which the Job's manifest sets to its completions).
struct Shard: Equatable, ExpressibleByArgument {
    let index: Int
    let count: Int

    /// The part `--shard` gives (checked: its index within its count), else the environment's.
    static func resolve(_ option: Shard?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Shard? {
        if let option { return Shard(try OptionText.part(option.index, of: option.count, from: "--shard")) }
        func number(_ name: String) throws -> Int? { try environment[name].map { try OptionText.environmentNumber($0, name: name) } }
        if let id = try number("SLURM_ARRAY_TASK_ID"), let n = try number("SLURM_ARRAY_TASK_COUNT") {
            // Checked: a huge or negative minimum must not overflow the subtraction.
            let (i, overflow) = id.subtractingReportingOverflow(try number("SLURM_ARRAY_TASK_MIN") ?? 0)
            guard !overflow else { throw UsageError("SLURM_ARRAY_TASK_ID \(id) less SLURM_ARRAY_TASK_MIN is out of range") }
            return Shard(try OptionText.part(i, of: n, from: "SLURM_ARRAY_TASK_ID"))
        }
        if let id = try number("JOB_COMPLETION_INDEX") {
            guard let n = try number("FRONTLINE_SHARDS") else {
                throw UsageError("JOB_COMPLETION_INDEX is set but FRONTLINE_SHARDS is not: set it to the Job's completions")
            }
            return Shard(try OptionText.part(id, of: n, from: "JOB_COMPLETION_INDEX"))
        }
        return nil
    }

    init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    private init(_ part: (index: Int, count: Int)) { self.init(index: part.index, count: part.count) }

    /// `--shard I/N` as two whole numbers; whether I is a part of N is `resolve`'s to say, with the range.
    init?(argument: String) {
        guard let (i, n) = OptionText.shardNumbers(argument) else { return nil }
        self.init(index: i, count: n)
    }

    var defaultValueDescription: String { "\(index)/\(count)" }

    /// This part's block of `total` items.
    func range(of total: Int) -> Range<Int> { (total * index / count)..<(total * (index + 1) / count) }
}

/// The value name `--shard` shows in help and in its parse error.
let shardValueName = "i/n"
