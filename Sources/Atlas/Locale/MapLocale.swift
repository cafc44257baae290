/// The language of a map's words, dates and numbers (`--locale`): a value, never the process's
/// locale, so the same inputs give the same bytes on every machine. The conventions are CLDR's
/// (numbers: symbols and grouping; dates: the long and medium patterns and month names), written
/// out here for the four locales Frontline ships, so no lookup depends on what is installed.
public enum MapLocale: String, CaseIterable, Sendable {
    case en, uk, ru, de

    /// CLDR's decimal separator.
    var decimalSeparator: String { self == .en ? "." : "," }

    /// CLDR's grouping separator: "," (en), "." (de), a no-break space U+00A0 (uk, ru). Every
    /// locale here groups from four digits on (CLDR minimumGroupingDigits 1).
    var groupSeparator: String {
        switch self {
        case .en: return ","
        case .de: return "."
        case .uk, .ru: return "\u{00A0}"
        }
    }

    /// CLDR's short unit patterns: "{0} km²" and "{0} km" (Cyrillic "км²", "км" in Ukrainian and
    /// Russian), the number and unit joined by a no-break space (English keeps its plain space).
    func unit(_ value: String, squared: Bool) -> String {
        let unit = (self == .uk || self == .ru) ? "км" : "km"
        return value + (self == .en ? " " : "\u{00A0}") + unit + (squared ? "²" : "")
    }

    /// The BCP 47 tag, for `<html lang>`.
    public var tag: String { rawValue }

    /// Month names as a date's day-month-year pattern uses them: CLDR's format context, which in
    /// Ukrainian and Russian is the genitive ("15 серпня", "15 августа").
    var months: [String] {
        switch self {
        case .en:
            return [
                "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
                "December",
            ]
        case .de:
            return [
                "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
                "Dezember",
            ]
        case .uk:
            return [
                "січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада",
                "грудня",
            ]
        case .ru:
            return [
                "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
                "декабря",
            ]
        }
    }

    /// Abbreviated month names in a date (CLDR format, abbreviated); English keeps Frontline's "Sep".
    var shortMonthsInDate: [String] {
        switch self {
        case .en: return ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        case .de: return ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."]
        case .uk: return ["січ.", "лют.", "бер.", "квіт.", "трав.", "черв.", "лип.", "серп.", "вер.", "жовт.", "лист.", "груд."]
        case .ru: return ["янв.", "февр.", "марта", "апр.", "мая", "июня", "июля", "авг.", "сент.", "окт.", "нояб.", "дек."]
        }
    }

    /// Abbreviated month names standing alone, as on a chart's time axis (CLDR stand-alone, abbreviated).
    var axisMonths: [String] {
        switch self {
        case .en: return ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        case .de: return ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"]
        case .uk: return ["січ.", "лют.", "бер.", "квіт.", "трав.", "черв.", "лип.", "серп.", "вер.", "жовт.", "лист.", "груд."]
        case .ru: return ["янв.", "февр.", "март", "апр.", "май", "июнь", "июль", "авг.", "сент.", "окт.", "нояб.", "дек."]
        }
    }

    /// CLDR's cardinal plural category of a whole number: English and German tell one from other;
    /// Ukrainian and Russian one (21, 31…), few (2–4, 22–24…) and many (0, 5–20, 25…).
    func plural(_ n: Int) -> PluralCategory {
        let n = abs(n)
        switch self {
        case .en, .de: return n == 1 ? .one : .other
        case .uk, .ru:
            if n % 10 == 1 && n % 100 != 11 { return .one }
            if (2...4).contains(n % 10) && !(12...14).contains(n % 100) { return .few }
            return .many
        }
    }
}

/// CLDR plural categories the shipped locales use, in the order a catalogue entry lists its forms.
enum PluralCategory: Int, CaseIterable {
    case one, few, many, other
}
