import Cartography

/// `lead`, `body` and `tail` as one text that fits in `lines` lines of `width`: where the whole runs
/// longer, `body` is cut after its last word that still fits and ends in "…". `lead` (an event's
/// number) and `tail` (its source) are never cut: a shortened line still says whose claim it is.
/// A compact panel sets each event in two lines this way; the report lists them whole.
func shortened(
    lead: String, body: String, tail: String, lines: Int, style: TextStyle, width: Double, measurer: any TextMeasurer
) -> String {
    func joined(_ body: String) -> String { lead + body + (tail.isEmpty ? "" : " " + tail) }
    func height(_ s: String) -> Double { measurer.measure(s, style: style, maxWidth: width).height }
    // Text set in n lines is n lines of one line's height; half a pixel of slack for rounding.
    let limit = height(lead.isEmpty ? "X" : lead) * Double(max(1, lines)) + 0.5
    let whole = joined(body)
    guard height(whole) > limit else { return whole }
    let words = body.split(separator: " ", omittingEmptySubsequences: true)
    // The most words that fit, by bisection: fitting shrinks as words are added.
    var (fits, over) = (0, words.count)
    while over - fits > 1 {
        let mid = (fits + over) / 2
        if height(joined(words[..<mid].joined(separator: " ") + "…")) <= limit { fits = mid } else { over = mid }
    }
    return joined(words[..<fits].joined(separator: " ") + "…")
}
