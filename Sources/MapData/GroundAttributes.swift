/// Which side and status each feature's ground is: one for every feature, or read from the
/// feature's properties (`--side-property KEY=VALUE:SIDE`, `--status-property KEY`), so that one
/// layer holding both sides and many dates imports in one command.
public struct GroundAttributes: Sendable {
    public enum Side: Sendable {
        case fixed(String)
        /// The first rule whose property has the rule's value; a feature no rule matches is an error.
        case mapped([ValueRule])
    }

    public enum Status: Sendable {
        case fixed(ControlStatus)
        /// The property holds "assessed", "claimed" or "contested".
        case named(key: String)
        case mapped([ValueRule])
    }

    /// "KEY=VALUE:TARGET": features whose property KEY is VALUE get TARGET.
    public struct ValueRule: Sendable, Equatable {
        public let key: String, value: String, target: String

        public init(key: String, value: String, target: String) { self.key = key; self.value = value; self.target = target }

        /// The key runs to the first '=', the target from the last ':', so a value may hold either.
        public init(parsing text: String, option: String) throws(DataError) {
            guard let eq = text.firstIndex(of: "="), let colon = text.lastIndex(of: ":"), eq < colon else {
                throw DataError(message: "\(option) '\(text)' must be KEY=VALUE:TARGET, e.g. side=RU:russia")
            }
            let key = String(text[..<eq]), value = String(text[text.index(after: eq)..<colon])
            let target = String(text[text.index(after: colon)...])
            guard !key.isEmpty, !target.isEmpty else {
                throw DataError(message: "\(option) '\(text)' must be KEY=VALUE:TARGET with a key and a target")
            }
            self.init(key: key, value: value, target: target)
        }
    }

    public let side: Side
    public let status: Status

    public init(side: Side, status: Status) { self.side = side; self.status = status }

    /// Every side a feature can be given, in the order given.
    public var sides: [String] {
        switch side {
        case .fixed(let s): return [s]
        case .mapped(let rules):
            var out: [String] = []
            for r in rules where !out.contains(r.target) { out.append(r.target) }
            return out
        }
    }

    func side(of f: GeoFeature, file: String) throws(DataError) -> String {
        switch side {
        case .fixed(let s): return s
        case .mapped(let rules): return try Self.match(rules, f, file: file, option: "--side-property", what: "side")
        }
    }

    func status(of f: GeoFeature, file: String) throws(DataError) -> ControlStatus {
        let text: String
        switch status {
        case .fixed(let s): return s
        case .named(let key):
            guard let v = Self.text(f.properties[key]) else {
                throw DataError(
                    file: file, place: f.place, message: "property \"\(key)\" is missing; it must hold the status (--status-property)")
            }
            text = v
        case .mapped(let rules): text = try Self.match(rules, f, file: file, option: "--status-property", what: "status")
        }
        guard let s = ControlStatus(rawValue: text) else {
            throw DataError(file: file, place: f.place, message: "status '\(text)' is not assessed, claimed or contested")
        }
        return s
    }

    private static func match(_ rules: [ValueRule], _ f: GeoFeature, file: String, option: String, what: String) throws(DataError) -> String
    {
        for r in rules where text(f.properties[r.key]) == r.value { return r.target }
        let keys = rules.reduce(into: [String]()) { if !$0.contains($1.key) { $0.append($1.key) } }
        let found = keys.map { k in "\"\(k)\" is " + (text(f.properties[k]).map { "'\($0)'" } ?? "missing") }
        throw DataError(
            file: file, place: f.place,
            message:
                "no \(option) gives this feature a \(what): property \(found.joined(separator: ", ")); add \(option) \(keys.first ?? "KEY")=VALUE:\(what.uppercased())"
        )
    }

    /// A property as text: strings as they are, numbers as JSON writes them (1, 2.5).
    static func text(_ v: JSONValue?) -> String? { v?.string ?? v?.number.map { JSONWriter.formatNumber($0) } }
}
