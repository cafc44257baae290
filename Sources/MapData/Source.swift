/// Where a piece of data comes from: enough to find it again and to credit it.
public struct SourceRef: Hashable, Sendable {
    public let name: String
    public let url: String?
    public let retrieved: String?
    public let note: String?

    public init(name: String, url: String? = nil, retrieved: String? = nil, note: String? = nil) {
        self.name = name; self.url = url; self.retrieved = retrieved; self.note = note
    }
}
