import Cartography

/// Writes scene items as SVG markup; holds what must be unique across one document.
final class SVGDocument {
    private let width: Int, height: Int
    private let layout: TextLayout
    private let text: SVGTextMode
    private var fragments = 0
    private var usedIDs: Set<String> = ["background"]

    init(width: Int, height: Int, layout: TextLayout, text: SVGTextMode = .text) {
        self.width = width; self.height = height; self.layout = layout; self.text = text
    }

    func markup(_ items: [SceneItem]) throws -> String {
        var out = ""
        var run: [SceneItem] = []
        func flush() throws {
            guard !run.isEmpty else { return }
            fragments += 1
            out += try SVGFragment.markup(run, width: width, height: height, namespace: "cairo\(fragments)")
            run = []
        }
        for item in items {
            switch item {
            // As outlines, text is drawn by Cairo with the geometry around it.
            case .text(let item) where text == .text:
                try flush()
                out += SVGText.element(item, layout: layout) ?? ""
            case .group(let id, let clip, let inner):
                try flush()
                let name = uniqueID(id)
                if let clip {
                    let rect =
                        "x=\"\(SVGFormat.number(clip.x))\" y=\"\(SVGFormat.number(clip.y))\" "
                        + "width=\"\(SVGFormat.number(clip.width))\" height=\"\(SVGFormat.number(clip.height))\""
                    let clipID = uniqueID(name + "-clip")
                    out += "<clipPath id=\"\(clipID)\"><rect \(rect)/></clipPath>\n"
                    out += "<g id=\"\(name)\" clip-path=\"url(#\(clipID))\">\n"
                } else {
                    out += "<g id=\"\(name)\">\n"
                }
                out += try markup(inner)
                out += "</g>\n"
            default:
                run.append(item)
            }
        }
        try flush()
        return out
    }

    /// A valid, unused XML id made from `wanted`: characters other than letters, digits, `-`, `_` and `.`
    /// become `_` (group ids may carry data, such as a side id), a leading digit gets a `g-` prefix, and a
    /// repeat gets `-2`, `-3`, ….
    func uniqueID(_ wanted: String) -> String {
        var base = String(
            wanted.unicodeScalars.map { s -> Character in
                let ok = (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") || s == "-" || s == "_" || s == "."
                return ok ? Character(s) : "_"
            })
        if base.isEmpty || !(base.first?.isLetter ?? false || base.first == "_") { base = "g-" + base }
        var name = base, n = 1
        while usedIDs.contains(name) || name.hasPrefix("cairo") {
            n += 1
            name = "\(base)-\(n)"
        }
        usedIDs.insert(name)
        return name
    }
}
