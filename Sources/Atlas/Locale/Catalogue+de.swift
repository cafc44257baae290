extension Catalogue {
    static func de(_ p: Phrase) -> String { en(p) }
}
