import Foundation
import GeoCore
import MapData

/// The one formatter for what a reader sees (maps, SVG, charts, reports, cards): numbers and dates
/// in the output locale's CLDR conventions, taken as a value; never the process's locale. Data files
/// (CSV, JSON) keep plain numbers (`formatFixed`).
public struct Format: Sendable {
    public let locale: MapLocale

    public init(_ locale: MapLocale = .en) { self.locale = locale }

    /// `v` rounded to `digits` decimals (trailing zeros trimmed), with the locale's decimal and
    /// grouping separators: "30,200.5" (en), "30.200,5" (de), "30 200,5" (uk, ru; U+00A0); never "-0".
    public func number(_ v: Double, digits: Int = 0) -> String {
        let plain = formatFixed(v, digits: digits)
        let negative = plain.hasPrefix("-")
        let body = negative ? String(plain.dropFirst()) : plain
        let parts = body.split(separator: ".", maxSplits: 1)
        var whole = String(parts.first ?? "")
        var out = ""
        while whole.count > 3 {
            out = locale.groupSeparator + whole.suffix(3) + out
            whole = String(whole.dropLast(3))
        }
        out = whole + out + (parts.count > 1 ? locale.decimalSeparator + parts[1] : "")
        return (negative ? "-" : "") + out
    }

    /// A whole number: "112,396" (en), "112.396" (de), "112 396" (uk, ru).
    public func number(_ n: Int) -> String { number(Double(n)) }

    /// "957 km²", "16,955 km²"; one decimal under 10; never "-0".
    public func km2(_ v: Double) -> String { locale.unit(number(v, digits: abs(v) < 10 ? 1 : 0), squared: true) }

    /// "957 km²", "30,200 km²": three significant figures, what a compiler's polygon supports.
    public func km2Rounded(_ v: Double) -> String {
        guard v.isFinite, abs(v) >= 0.005 else { return locale.unit("0", squared: true) }
        let magnitude = Int(log10(abs(v)).rounded(.down))
        let digits = max(0, 2 - magnitude)
        var scale = 1.0
        for _ in 0..<max(0, magnitude - 2) { scale *= 10 }
        let rounded = digits > 0 ? v : (v / scale).rounded() * scale
        return locale.unit(number(rounded, digits: digits), squared: true)
    }

    /// A kilometre figure: "20 km", "2,5 km" (de), "20 км" (uk, ru).
    public func km(_ v: Double, digits: Int = 1) -> String { locale.unit(number(v, digits: digits), squared: false) }

    /// A figure in km² as a chart's description writes it: whole, grouped, in the locale's unit.
    public func km2Whole(_ v: Double) -> String { locale.unit(number(v), squared: true) }

    /// CLDR's long date: "15 August 2024", "15. August 2024", "15 серпня 2024 р.", "15 августа 2024 г.".
    public func longDate(_ d: Day) -> String {
        let month = locale.months[d.month - 1]
        switch locale {
        case .en: return "\(d.day) \(month) \(d.year)"
        case .de: return "\(d.day). \(month) \(d.year)"
        case .uk: return "\(d.day) \(month) \(d.year) р."
        case .ru: return "\(d.day) \(month) \(d.year) г."
        }
    }

    /// A short date: "1 Sep 2024" (en, as before), "01.09.2024" (de, CLDR medium), "1 вер. 2024 р."
    /// (uk), "1 сент. 2024 г." (ru).
    public func shortDate(_ d: Day) -> String {
        let month = locale.shortMonthsInDate[d.month - 1]
        switch locale {
        case .en: return "\(d.day) \(month) \(d.year)"
        case .de: return "\(d.day < 10 ? "0" : "")\(d.day).\(d.month < 10 ? "0" : "")\(d.month).\(d.year)"
        case .uk: return "\(d.day) \(month) \(d.year) р."
        case .ru: return "\(d.day) \(month) \(d.year) г."
        }
    }

    /// A day on a short time axis: "8 Mar", "8. März", "8 бер.", "8 марта"; with the year where the
    /// axis starts or the year turns ("1 Mar 2025").
    public func axisDay(_ d: Day, withYear: Bool) -> String {
        let month = locale.shortMonthsInDate[d.month - 1]
        let dayMonth = locale == .de ? "\(d.day). \(month)" : "\(d.day) \(month)"
        return withYear ? "\(dayMonth) \(d.year)" : dayMonth
    }

    /// A month on a time axis: "Aug", or "Jan 2025" where the year turns (`withYear`).
    public func axisMonth(_ month: Int, year: Int, withYear: Bool) -> String {
        let name = locale.axisMonths[month - 1]
        return withYear ? "\(name) \(year)" : name
    }
}
