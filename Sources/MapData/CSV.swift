/// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines. Rows keep their line numbers.
public enum CSV {
    public struct Row: Sendable {
        public let line: Int
        public let fields: [String]
    }

    public static func parse(_ text: String, file: String) throws(DataError) -> [Row] {
        var rows: [Row] = []
        var field = "", fields: [String] = []
        var inQuotes = false, line = 1, column = 0, rowLine = 1, afterQuote = false
        var quoteOpened = (line: 1, column: 1)
        func fail(_ message: String) -> DataError {
            DataError(file: file, place: TextPosition(line: line, column: column).description, message: message)
        }
        var it = text.makeIterator()
        while let c = it.next() {
            column += 1
            if inQuotes {
                if c == "\"" {
                    inQuotes = false; afterQuote = true
                } else {
                    if c == "\n" || c == "\r\n" { line += 1; column = 0 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"":
                if afterQuote {
                    field.append("\""); inQuotes = true; afterQuote = false
                } else if field.isEmpty {
                    inQuotes = true; quoteOpened = (line, column)
                } else {
                    throw fail("quote inside an unquoted field")
                }
            case ",":
                fields.append(field); field = ""; afterQuote = false
            case "\n", "\r\n":
                fields.append(field); field = ""; afterQuote = false
                if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(line: rowLine, fields: fields)) }
                fields = []; line += 1; column = 0; rowLine = line
            default:
                if afterQuote { throw fail("text after a closing quote") }
                field.append(c)
            }
        }
        if inQuotes {
            throw DataError(
                file: file, place: TextPosition(line: quoteOpened.line, column: quoteOpened.column).description,
                message: "unterminated quoted field")
        }
        if !field.isEmpty || !fields.isEmpty { fields.append(field); rows.append(Row(line: rowLine, fields: fields)) }
        return rows
    }
}

extension CSV {
    /// A text cell from data, written by RFC 4180 (quoted, quotes doubled, when it holds a comma,
    /// quote, CR or LF) and defused by OWASP's rule for CSV injection: a cell starting with =, +, -,
    /// @, tab or CR gets a leading ' so that a spreadsheet shows it as text, never runs it as a
    /// formula. Numbers the program formats itself are written as they are (a negative stays one).
    public static func text(_ cell: String) -> String {
        let defused = cell.first.map { "=+-@\t\r".contains($0) } == true ? "'" + cell : cell
        guard defused.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return defused }
        return "\"" + defused.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
