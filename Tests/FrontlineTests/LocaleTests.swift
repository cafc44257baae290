import Foundation
import GeoCore
import Testing
@testable import Atlas
import MapData

/// The string catalogue and the one formatter: every phrase in every locale, CLDR's numbers and
/// dates, and no user-visible English left in Atlas outside the catalogue.
@Suite("Locale")
struct LocaleTests {
    /// Phrases whose forms depend on a count ("one|other", or "one|few|many").
    static let plurals: Set<Phrase> = [.days, .cardSnapshots, .eventCount, .reportDates, .reportEvents]

    @Test("Every phrase is in every locale, with English's placeholders and the locale's number of plural forms")
    func catalogueIsComplete() throws {
        #expect(Phrase.allCases.count >= 120)
        for phrase in Phrase.allCases {
            let english = Words(.en).template(phrase)
            for locale in MapLocale.allCases {
                let text = Words(locale).template(phrase)
                #expect(!text.isEmpty, "\(locale) \(phrase): empty")
                #expect(Words.placeholderNames(text) == Words.placeholderNames(english), "\(locale) \(phrase): placeholders differ")
                let forms = text.split(separator: "|", omittingEmptySubsequences: false)
                let expected = Self.plurals.contains(phrase) ? (locale == .uk || locale == .ru ? 3 : 2) : 1
                #expect(forms.count == expected, "\(locale) \(phrase): \(forms.count) forms, expected \(expected)")
                #expect(forms.allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty }, "\(locale) \(phrase): an empty form")
                // Words outside the placeholders are in the locale's script.
                let words = Words.fill(text, Dictionary(uniqueKeysWithValues: Words.placeholderNames(text).map { ($0, "") }))
                if locale == .uk || locale == .ru, words.contains(where: \.isLetter),
                    !["WGS", "CSV", "JSON"].contains(where: words.contains)
                {
                    #expect(
                        words.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }, "\(locale) \(phrase): no Cyrillic: \(text)")
                }
            }
        }
        // Translated, not copied: most German phrases differ from the English ones.
        let same = Phrase.allCases.filter { Words(.de).template($0) == Words(.en).template($0) }
        #expect(same.count <= 8, "German copies English in \(same)")
    }

    @Test("Numbers follow CLDR: en 112,396; de 112.396 and 2,5; uk and ru 112 396 with a no-break space")
    func numbers() {
        #expect(Format(.en).number(112_396) == "112,396")
        #expect(Format(.de).number(112_396) == "112.396")
        #expect(Format(.uk).number(112_396) == "112\u{00A0}396")
        #expect(Format(.ru).number(112_396) == "112\u{00A0}396")
        #expect(Format(.de).number(2.5, digits: 1) == "2,5")
        #expect(Format(.de).number(-1234.56, digits: 2) == "-1.234,56")
        #expect(Format(.en).km2Rounded(30_193.34) == "30,200 km²")
        #expect(Format(.de).km2Rounded(30_193.34) == "30.200\u{00A0}km²")
        #expect(Format(.uk).km2(956.6) == "957\u{00A0}км²")
        #expect(Format(.en).km2(-0.01) == "0 km²")
        #expect(Format(.ru).km(20) == "20\u{00A0}км")
    }

    @Test("Dates follow CLDR: long dates, medium dates and months in the genitive")
    func dates() throws {
        let d = try Day(parsing: "2024-08-15"), s = try Day(parsing: "2024-09-01")
        #expect(Format(.en).longDate(d) == "15 August 2024")
        #expect(Format(.de).longDate(d) == "15. August 2024")
        #expect(Format(.uk).longDate(d) == "15 серпня 2024 р.")
        #expect(Format(.ru).longDate(d) == "15 августа 2024 г.")
        #expect(Format(.en).shortDate(s) == "1 Sep 2024")
        #expect(Format(.de).shortDate(s) == "01.09.2024")
        #expect(Format(.uk).shortDate(s) == "1 вер. 2024 р.")
        #expect(Format(.ru).shortDate(s) == "1 сент. 2024 г.")
        #expect(Format(.de).axisMonth(3, year: 2025, withYear: true) == "Mär 2025")
    }

    @Test("Plural forms follow CLDR's rules (uk, ru: one, few, many)")
    func plurals() {
        let uk = Words(.uk), ru = Words(.ru), de = Words(.de)
        #expect(
            [1, 2, 5, 11, 21, 22, 112].map { uk.plural(.days, $0) } == [
                "1 день", "2 дні", "5 днів", "11 днів", "21 день", "22 дні", "112 днів",
            ])
        #expect([1, 3, 14, 24].map { ru.plural(.days, $0) } == ["1 день", "3 дня", "14 дней", "24 дня"])
        #expect([1, 2].map { de.plural(.days, $0) } == ["1 Tag", "2 Tage"])
        #expect(Words(.en).plural(.days, 1_000) == "1,000 days")
    }

    @Test("A value is never read as a placeholder")
    func fillIsOnePass() {
        #expect(Words.fill("{a} and {b}", ["a": "{b}", "b": "x"]) == "{b} and x")
        #expect(Words.fill("{missing} stays", [:]) == "{missing} stays")
        // No "р.." where a date in the genitive ends a sentence.
        #expect(Words(.uk)(.altSince, ["date": "1 вересня 2024 р.", "changes": "x"]) == "З 1 вересня 2024 р.: x.")
        #expect(Words.fill("on {date}.", ["date": "1 вер. 2024 р."]) == "on 1 вер. 2024 р.")
    }

    /// Every string literal in Atlas (and every line of its multi-line literals) that reads as words
    /// for a reader: two words in a row, or a capitalised word. Markup, ids and keys are not words.
    @Test("No user-visible English in Atlas outside the catalogue")
    func noLiteralsOutsideTheCatalogue() throws {
        let atlas = KurskData.repoRoot.appendingPathComponent("Sources/Atlas")
        // Not for a reader of the map: style-file keys and their errors (the CLI's), fonts, the
        // report's CSS and script, the layouts' descriptions (the CLI's help), a precondition, and
        // the errors for a date before the data and for an unknown key place.
        let skipped = ["Locale/", "StyleFile.swift", "Theme.swift", "Theme+Dark.swift", "ReportAssets.swift", "LayoutRules.swift"]
        let allowed: Set<String> = [
            "AnimationPlan: checked by the caller", "date \\(d) is before the first control snapshot (\\($0))",
            "'\\(name)' is not a settlement of settlements.geojson (by name or alternative name)",
            "the data set has no control snapshots",
        ]
        let files = try #require(FileManager.default.enumerator(atPath: atlas.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !skipped.contains(where: $0.contains) }
        #expect(files.count > 40)
        // The rule itself: a phrase or a capitalised word is caught; markup, ids and keys are not.
        #expect(Self.readsAsWords(#"Taken by \(side) since"#) && Self.readsAsWords("River"))
        #expect(!Self.readsAsWords(#"<span class=\"star\" title=\"\(t)\">"#) && !Self.readsAsWords("panel-base"))
        #expect(Self.literals(in: #"a("x \"y\" z", "River")"#) == [#"x \"y\" z"#, "River"])
        var found: [String] = []
        for file in files {
            let lines = try String(contentsOf: atlas.appendingPathComponent(file), encoding: .utf8).split(
                separator: "\n", omittingEmptySubsequences: false)
            var inMultiline = false
            for (n, line) in lines.enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("//") { continue }
                let fences = line.components(separatedBy: "\"\"\"").count - 1
                let literals = inMultiline ? [String(line)] : Self.literals(in: String(line))
                if fences % 2 == 1 { inMultiline.toggle() }
                for literal in literals where !allowed.contains(literal) && Self.readsAsWords(literal) {
                    found.append("\(file):\(n + 1): \(literal)")
                }
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    /// The contents of the one-line string literals on a line (escapes kept).
    static func literals(in line: String) -> [String] {
        var out: [String] = [], current: String?
        var escaped = false
        for ch in line {
            if var c = current {
                if escaped {
                    c.append(ch)
                    escaped = false
                } else if ch == "\\" {
                    c.append(ch)
                    escaped = true
                } else if ch == "\"" {
                    out.append(c)
                    current = nil
                    continue
                } else {
                    c.append(ch)
                }
                current = c
            } else if ch == "\"" {
                current = ""
            }
        }
        return out.filter { !$0.hasPrefix("\"") }
    }

    /// Interpolations, tags and attributes removed, is anything left that a reader would read?
    static func readsAsWords(_ literal: String) -> Bool {
        var s = literal
        for pattern in [#"\\\((?:[^()]|\([^()]*\))*\)"#, #"<[^>]*>?"#, #"[a-z-]+=\\?"[^"\\]*\\?""#, #"\\""#] {
            s = s.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        if s.range(of: #"[A-Za-z]{2,} [A-Za-z]{2,}"#, options: .regularExpression) != nil { return true }
        return s.trimmingCharacters(in: .whitespaces).range(of: #"^[A-Z][a-z]{2,}"#, options: .regularExpression) != nil
    }
}
