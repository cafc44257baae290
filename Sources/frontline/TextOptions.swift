import ArgumentParser
import Atlas
import MapData
import MapRender

/// The words on a map (every drawing command): the language, and the title, subtitle, source line
/// and credit in place of dataset.json's; and how SVG writes text.
struct TextOptions: ParsableArguments {
    @Option(help: "Language of the words, dates and numbers drawn: en, uk, ru or de (CLDR conventions: de 112.396, uk 112 396).")
    var locale: MapLocale = .en
    @Option(help: "Title, in place of dataset.json's \"title\".") var title: String?
    @Option(help: "A line under the title, in place of dataset.json's \"subtitle\".") var subtitle: String?
    @Option(help: "One source line, in place of dataset.json's \"attribution\" lines (and its \"shortAttribution\").")
    var sourceLine: String?
    @Option(help: "Who made the graphic (e.g. \"Graphic: J. Doe\"), in place of dataset.json's \"credit\".") var credit: String?
    @Option(help: "SVG text: text (real <text>, the default) or paths (glyph outlines: the same without the fonts installed).")
    var svgText: SVGTextMode = .text

    var words: Words { Words(locale) }

    /// `dataset` with this run's title, subtitle, source line and credit.
    func apply(to dataset: Dataset) -> Dataset {
        var d = dataset
        if let title { d.manifest.title = title }
        if let subtitle { d.manifest.subtitle = subtitle }
        if let sourceLine { (d.manifest.attribution, d.manifest.shortAttribution) = ([sourceLine], nil) }
        if let credit { d.manifest.credit = credit }
        return d
    }

    /// The options that change the picture, for the run record `--resume` checks; left out at their
    /// defaults, so a record written before they existed still matches.
    var pictureOptions: [(String, String?)] {
        [
            ("--locale", locale == .en ? nil : locale.rawValue), ("--title", title), ("--subtitle", subtitle),
            ("--source-line", sourceLine), ("--credit", credit), ("--svg-text", svgText == .text ? nil : svgText.rawValue),
        ].filter { $0.1 != nil }
    }
}

extension MapLocale: ExpressibleByArgument {}
extension SVGTextMode: ExpressibleByArgument {}
