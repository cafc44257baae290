extension Catalogue {
    static func ru(_ p: Phrase) -> String { en(p) }
}
