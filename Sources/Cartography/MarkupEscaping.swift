/// Escaping text from data for XML (SVG) and HTML, one rule for both.
public enum MarkupEscaping {
    /// Replaces `& < > " '` with references valid in XML and HTML alike, so that text from data (a
    /// settlement named `<script>`, a headline with quotes) is shown as text and never read as
    /// markup, in element content and in quoted attribute values. Keeps tab, line feed and carriage
    /// return; drops the other control characters (XML 1.0 forbids them, HTML shows nothing useful)
    /// and the non-characters U+FFFE and U+FFFF.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v >= 0x20 && !(0x7F...0x9F).contains(v) && v != 0xFFFE && v != 0xFFFF { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
