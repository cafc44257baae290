extension Catalogue {
    static func uk(_ p: Phrase) -> String { en(p) }
}
