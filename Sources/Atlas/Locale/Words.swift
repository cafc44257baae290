import GeoCore
import MapData

/// The words of one locale: every user-visible phrase Atlas draws or writes comes from the string
/// catalogue (`Phrase`, one Swift table per locale), with its `{placeholders}` filled in and the
/// locale's numbers and dates (`format`). Values put in are never read as placeholders themselves.
public struct Words: Sendable {
    public let locale: MapLocale
    public let format: Format

    public init(_ locale: MapLocale = .en) {
        self.locale = locale
        format = Format(locale)
    }

    /// The phrase with each `{name}` replaced by its value.
    public func callAsFunction(_ phrase: Phrase, _ values: [String: String] = [:]) -> String {
        Self.fill(Catalogue.template(phrase, locale), values)
    }

    /// A phrase whose form depends on a count (`{n}`, written in the locale's digits): the catalogue
    /// gives the forms separated by "|" in the order of the locale's plural categories (one|other
    /// in English and German; one|few|many in Ukrainian and Russian).
    public func plural(_ phrase: Phrase, _ n: Int, _ values: [String: String] = [:]) -> String {
        let forms = Catalogue.template(phrase, locale).split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        let category = locale.plural(n)
        let index: Int
        switch locale {
        case .en, .de: index = category == .one ? 0 : 1
        case .uk, .ru: index = category == .one ? 0 : category == .few ? 1 : 2
        }
        var all = values
        all["n"] = format.number(n)
        return Self.fill(forms[min(index, forms.count - 1)], all)
    }

    /// One pass over the template, so a value containing "{x}" stays as it is.
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}"), let value = values[String(rest[rest.index(after: open)..<close])]
            else {
                out.append("{")
                rest = rest[rest.index(after: open)...]
                continue
            }
            out += value
            rest = rest[rest.index(after: close)...]
            // A value that ends a sentence's abbreviation ("2024 р.") takes the sentence's full stop.
            if value.hasSuffix("."), rest.hasPrefix(".") { rest = rest.dropFirst() }
        }
        return out + rest
    }

    /// The catalogue's template of `phrase` in this locale, placeholders unfilled.
    public func template(_ phrase: Phrase) -> String { Catalogue.template(phrase, locale) }

    /// The names of the placeholders in a template, sorted: the catalogue test checks every locale
    /// uses the same ones as English.
    static func placeholderNames(_ template: String) -> [String] {
        var names: Set<String> = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names.sorted()
    }

    // Shorthands for what the panel, the legend and the report say of a date and of an event.

    public func longDate(_ d: Day) -> String { format.longDate(d) }
    public func shortDate(_ d: Day) -> String { format.shortDate(d) }

    /// An event's verification status in words ("claimed", "geolocated", …).
    public func status(_ s: String) -> String {
        switch s {
        case "claimed": return self(.statusClaimed)
        case "reported": return self(.statusReported)
        case "geolocated": return self(.statusGeolocated)
        case "assessed": return self(.statusAssessed)
        case "disputed": return self(.statusDisputed)
        case "unverified": return self(.statusUnverified)
        default: return s
        }
    }
}
