import Cartography

extension TextLayout {
    /// Longest run of characters (grapheme clusters) without a break opportunity that is handed to
    /// Pango for wrapping. Pango 1.50 breaks a word too long for its line by shaping what is left of
    /// the word again for every line, so a 100,000-character word took 40 s to wrap (issue 24); with a
    /// break opportunity at least this often, wrapping is linear in the text. No word of real text
    /// (titles, sources, URLs) comes near it, so real text is laid out exactly as before.
    static let longestRun = 200

    /// U+200B ZERO WIDTH SPACE: a break opportunity that draws nothing.
    static let breakOpportunity: Character = "\u{200B}"

    /// `text` with a zero-width space after every `longestRun` characters of a run without
    /// whitespace; nil when no run is that long (the text is used as it is).
    static func withBreakOpportunities(_ text: String, every n: Int = longestRun) -> String? {
        var run = 0, tooLong = false
        for c in text where !tooLong {
            run = breaks(c) ? 0 : run + 1
            tooLong = run > n
        }
        guard tooLong else { return nil }
        var out = ""
        out.reserveCapacity(text.utf8.count + text.utf8.count / n * 3)
        run = 0
        for c in text {
            if breaks(c) {
                run = 0
            } else {
                if run == n {
                    out.append(breakOpportunity)
                    run = 0
                }
                run += 1
            }
            out.append(c)
        }
        return out
    }

    private static func breaks(_ c: Character) -> Bool { c.isWhitespace || c == breakOpportunity }
}
