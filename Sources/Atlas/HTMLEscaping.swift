/// Escaping text for HTML element content and quoted attribute values.
enum HTMLEscaping {
    /// Replaces `& < > " '` with character references, so that text from data (a settlement named
    /// `<script>`, a headline with quotes) is shown as text and never read as markup. Control characters
    /// other than tab and newline are dropped: HTML forbids them and they show as nothing useful.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
