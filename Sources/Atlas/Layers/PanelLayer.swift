import Cartography
import MapData

/// The information panel: title, date, what the frame shows, areas held, legend, the day's events
/// with their sources, and the credits. Two groups: `panel-base` (the panel and the title, the same
/// on every frame, drawn under the map) and `panel` (the rest). Last in the list: it lists what the
/// layers before it drew.
struct PanelLayer: MapLayer {
    var id: LayerID? { nil }
    func staticGroups(in context: SequenceContext) -> [String] { ["panel-base"] }
    func needs(in context: SequenceContext) -> FrameNeeds { context.theme.layers[.panelDetails] ? [.change, .heldAreas] : [] }

    func draw(_ frame: inout FrameDraft, in c: SequenceContext) throws {
        let (panel, blocks) = items(c, frame.facts, picture: frame.picture, legend: frame.legend)
        frame.belowMap += panel.prefix(1)
        frame.aboveMap += panel.dropFirst()
        frame.panelBlocks = blocks
    }

    /// The panel's items and the heights its blocks took. With `SequenceContext.panelReservation`
    /// (an animation), each block gets the height reserved for the whole sequence, in a group clipped
    /// to that fixed box, so nothing below it moves from frame to frame.
    func items(_ c: SequenceContext, _ f: FrameFacts, picture: ControlPicture, legend: [LegendEntry]) -> ([SceneItem], PanelBlocks) {
        let u = c.layout.unit, p = c.layout.panel
        let pad = c.layout.panelPadding
        let twoColumns = c.layout.panelColumns == 2
        // A compact page (`Layout.isCompact`: a phone, a card, a small GIF) sets a compact panel: a
        // smaller date and figure; no plain status line (a dated map needs none), no explanation
        // under the bold line that says a map is stale, no source line under the figure (the credits
        // name it); the credits run on as one paragraph, and the legend in two columns under a map.
        let compact = c.layout.isCompact
        // Two columns: title, date and areas on the left with the credits under them; legend and
        // events on the right.
        let columnWidth = twoColumns ? (p.width - 3 * pad) / 2 : p.width - 2 * pad
        var x = p.x + pad
        let width = columnWidth
        var y = p.y + pad
        var items: [SceneItem] = [.rect(p, fill: Fill(c.theme.panel), stroke: nil, cornerRadius: 0)]
        let font = c.theme.fontFamily, w = c.words
        // Credits go at the bottom; measure them first so the blocks above know where to stop.
        let creditStyle = TextStyle(family: font, size: c.layout.textSize(11.5, .credit), color: c.theme.mutedText)
        let m = c.dataset.manifest
        let creditLines = (compact ? m.shortCreditLines : m.creditLines) + (m.caveat.map { [$0] } ?? [])
        let credits = compact ? Manifest.runOn(creditLines) : creditLines.joined(separator: "\n")
        let creditHeight = c.measurer.measure(credits, style: creditStyle, maxWidth: width).height
        var bottom = p.maxY - pad - creditHeight - 12 * u
        /// Sets a block of text at `y`, never below the layout's smallest type; a block that would run
        /// past `bottom` is left out (a small page thins its panel rather than shrinking it).
        func legible(_ style: TextStyle) -> TextStyle {
            var style = style
            style.size = max(style.size, c.layout.minimumTextSize())
            return style
        }
        func height(_ s: String, _ style: TextStyle) -> Double { c.measurer.measure(s, style: legible(style), maxWidth: width).height }
        func text(_ s: String, _ style: TextStyle, gapAfter: Double, always: Bool = false) {
            let style = legible(style)
            let m = c.measurer.measure(s, style: style, maxWidth: width)
            guard always || y + m.height <= bottom else { return }
            items.append(.text(TextItem(s, at: Point(x, y), anchor: TextAnchor(.start, .top), style: style, maxWidth: width)))
            y += m.height + gapAfter
        }
        text(
            c.dataset.manifest.title.uppercased(), TextStyle(family: font, size: 15 * u, weight: .bold, color: c.theme.mutedText),
            gapAfter: 6 * u, always: true)
        if let subtitle = c.dataset.manifest.subtitle {
            text(subtitle, TextStyle(family: font, size: c.layout.textSize(14), color: c.theme.mutedText), gapAfter: 6 * u)
        }
        // The panel and the title are the same on every frame: a raster sequence draws them once.
        let base = SceneItem.group(id: "panel-base", clip: nil, items: items)
        items = []
        let reserved = c.panelReservation
        var blocks = PanelBlocks()
        /// Closes a block begun at `top`: its items go in a group, clipped to the reserved box when
        /// there is one, and `y` moves to the box's foot.
        func close(_ id: String, top: Double, start: Int, reserve: Double?, measured: inout Double) {
            measured = y - top
            guard let reserve else { return }
            let box = Rect(x: x, y: top, width: width, height: reserve)
            let inner = Array(items[start...])
            items.removeSubrange(start...)
            items.append(.group(id: id, clip: box, items: inner))
            y = top + reserve
        }
        let statusTop = y
        text(
            w.longDate(f.day), TextStyle(family: font, size: (compact ? 26 : 40) * u, weight: .bold, color: c.theme.text), gapAfter: 6 * u,
            always: true)
        guard c.theme.layers[.panelDetails] else { return ([base, .group(id: "panel", clip: nil, items: items)], blocks) }
        // A stale map says so where the reader looks first, under the date.
        let age = f.snapshotAgeDays ?? 0
        let stale = f.interpolation == nil && age > c.staleAfterDays
        if stale {
            text(
                w(.statusStale, ["date": w.longDate(f.snapshotDate), "days": w.plural(.days, age)]),
                TextStyle(family: font, size: (compact ? 16 : 19) * u, weight: .bold, color: c.theme.text), gapAfter: 6 * u)
        }
        var subtitle: String?
        if let i = f.interpolation {
            subtitle = w(.statusInterpolated, ["from": w.longDate(i.from), "to": w.longDate(i.to)])
        } else if f.snapshotIsPlaceholder {
            subtitle = w(.statusPlaceholder)
        } else if age == 0 {
            subtitle = compact ? nil : w(.statusToday)
        } else if stale {
            let latest = c.dataset.timeline.dates.last == f.snapshotDate ? w(.latestInData) : w(.latestBeforeDate)
            // Compact: the bold line above says how old the map is; its explanation gives way to the
            // legend and the events.
            subtitle = compact ? nil : w(.statusStaleNote, ["which": latest])
        } else {
            // Compact: the age in the short words the stale line uses, in the plain style.
            subtitle = w(compact ? .statusStale : .statusRecent, ["date": w.longDate(f.snapshotDate), "days": w.plural(.days, age)])
        }
        // Compact: the legend keys the claim rings (an essential entry, the last to give way).
        if !f.claims.isEmpty, !compact { subtitle = (subtitle.map { $0 + " " } ?? "") + w(.claimsRinged) }
        let subtitleStyle = TextStyle(family: font, size: c.layout.textSize(15), color: c.theme.mutedText)
        // On a short panel the area figure outranks the subtitle, unless the subtitle warns (an
        // interpolated frame, a placeholder): the subtitle gives way when both do not fit.
        let figureSize = (compact ? 28 : 34) * u
        let figureHeight = c.measurer.measure("0 km²", style: TextStyle(family: font, size: figureSize, weight: .bold), maxWidth: nil)
            .height
        let areaNeed = f.heldAcrossKm2.isEmpty ? 0 : 1.4 * c.layout.textSize(15) + figureHeight
        if let subtitle {
            let subtitleNeed = c.measurer.measure(subtitle, style: subtitleStyle, maxWidth: width).height + (compact ? 12 : 18) * u
            if f.interpolation != nil || f.snapshotIsPlaceholder || y + subtitleNeed + areaNeed <= bottom {
                text(subtitle, subtitleStyle, gapAfter: (compact ? 12 : 18) * u)
            }
        }
        close("panel-status", top: statusTop, start: 0, reserve: reserved?.status, measured: &blocks.status)
        let areasTop = y, areasStart = items.count

        // Areas held across the border, rounded to what the source supports and credited beside the
        // figure; exact figures are in `frontline stats` and the report.
        for (index, side) in c.dataset.manifest.sides.enumerated() {
            let held = f.heldAcrossKm2.filter { $0.side == side.id }
            guard let territory = held.first?.territory else { continue }
            let km2 = held.reduce(0) { $0 + $1.km2 }
            let colors = c.theme.colors(forSide: side.id, index: index)
            // The heading and its figure go together or not at all: never a heading without its figure.
            guard y + 1.4 * c.layout.textSize(15) + figureHeight <= bottom else { continue }
            let heading = w(.sideHoldsIn, ["side": side.name, "territory": territory])
            let headingStyle = legible(TextStyle(family: font, size: 15 * u, color: c.theme.text))
            let approx = f.interpolation == nil ? "" : "≈ "
            let figure = approx + w.format.km2Rounded(km2)
            let figureStyle = TextStyle(family: font, size: figureSize, weight: .bold, color: colors.line)
            // Compact: the heading beside its figure where it fits there in the figure's height, a
            // line the legend can use.
            let figureBox = c.measurer.measure(figure, style: figureStyle, maxWidth: nil), gapX = 10 * u
            let besideWidth = width - figureBox.width - gapX
            if compact, besideWidth > 0, c.measurer.measure(heading, style: headingStyle, maxWidth: besideWidth).height <= figureBox.height
            {
                items.append(
                    .text(TextItem(figure, at: Point(x, y), anchor: TextAnchor(.start, .top), style: figureStyle, maxWidth: width)))
                items.append(
                    .text(
                        TextItem(
                            heading, at: Point(x + figureBox.width + gapX, y + figureBox.height / 2), anchor: TextAnchor(.start, .middle),
                            style: headingStyle, maxWidth: besideWidth)))
                y += figureBox.height + 2 * u
            } else {
                text(heading, headingStyle, gapAfter: 2 * u)
                text(figure, figureStyle, gapAfter: 2 * u)
            }
            let muted = TextStyle(family: font, size: 13 * u, color: c.theme.mutedText)
            if !compact, let names = f.sources[side.id], !names.isEmpty {
                let how: Phrase = f.interpolation == nil ? .accordingTo : .interpolatedBy
                text(w(how, ["sources": names.joined(separator: "; ")]), muted, gapAfter: 2 * u)
            }
            if let since = f.since {
                // Only what moved: no "−0 km²".
                let gained = picture.gainedKm2(side.id), lost = picture.lostKm2(side.id)
                let moves =
                    (gained >= 0.05 ? ["+" + w.format.km2(gained)] : []) + (lost >= 0.05 ? ["−" + w.format.km2(lost)] : [])
                let change = moves.isEmpty ? w(.noChange) : approx + moves.joined(separator: " / ")
                // Compact: how areas are measured is in the short credits, not on this line.
                text(w(compact ? .changeSinceShort : .changeSince, ["change": change, "date": w.longDate(since)]), muted, gapAfter: 14 * u)
            } else {
                text(w(.geodesicArea), muted, gapAfter: 14 * u)
            }
        }

        close("panel-areas", top: areasTop, start: areasStart, reserve: reserved?.areas, measured: &blocks.areas)

        let creditX = x
        if twoColumns { (x, y, bottom) = (p.x + 2 * pad + columnWidth, p.y + pad, p.maxY - pad) }

        // The day's events, ranked (`EventRanking`) and numbered as the stars on the map and the
        // report's list are.
        let numbers = Dictionary(uniqueKeysWithValues: c.numberedLocatedEvents(f.events).map { ($0.1.id, $0.0) })
        let eventsHeading = f.events.allSatisfy({ $0.date == f.day }) ? w(.eventsOnDate) : w(.eventsSinceFrame)
        let headingStyle = TextStyle(family: font, size: 14 * u, weight: .bold, color: c.theme.text)
        let eventStyle = TextStyle(family: font, size: 12.5 * u, color: c.theme.text)
        // Compact: two lines an event, the summary cut short before its source (the report has it
        // whole). Made as the list reaches each event: a compact panel shows one or two of a day's 17.
        func eventLine(_ e: Event) -> String {
            let lead = numbers[e.id].map { "\(w.format.number($0)). " } ?? "• "
            guard compact else { return lead + "\(e.summary) \(w.attribution(e))" }
            return shortened(
                lead: lead, body: e.summary, tail: w.attribution(e), lines: 2, style: legible(eventStyle), width: width,
                measurer: c.measurer)
        }
        let moreStyle = TextStyle(family: font, size: 12.5 * u, italic: true, color: c.theme.mutedText)
        let moreHeight = height(w(.moreEvents, ["n": w.format.number(f.events.count)]), moreStyle)
        // A compact panel keeps room for the events' heading, a first event of two lines and "and N
        // more" clear of the legend, where they fit at all: a numbered star needs its line in the list
        // more than the legend needs its later entries, but a reserve nothing can use would leave the
        // panel blank. An animation keeps it on every frame if any of its dates has events, so the
        // legend's box, sized for the whole sequence, leaves them room on the frames that have them.
        var eventsReserve = 0.0
        let anyEvents = c.timelineSpan.map { span in c.dataset.events.contains { span.contains($0.date) } } ?? !f.events.isEmpty
        if compact, anyEvents {
            // 8 + 12: the legend's last row gap (its height counts it, its fit does not) and the gap under it.
            let twoLines = height("1\n2", eventStyle)
            let need = height(eventsHeading, headingStyle) + 6 * u + twoLines + moreHeight + 5 * u + 20 * u
            eventsReserve = need <= bottom - y ? need : 0
        }
        let legendStyle = TextStyle(family: font, size: c.layout.textSize(13.5), color: c.theme.text)
        let room = bottom - y - eventsReserve
        let (legendItems, legendHeight) = Atlas.legendItems(
            legend, origin: Point(x, y), width: width, style: legendStyle,
            measurer: c.measurer, unit: u, maxHeight: room, columns: compact && p.width > p.height ? 2 : 1)
        blocks.legend = legendHeight
        // An animation's legend box: the sequence's tallest legend, but never into the room kept for
        // the events (that tallest legend was measured on a frame whose blocks above sat higher). The
        // 8 px is the last row's gap, which the box holds and the fit leaves out.
        let legendBoxHeight = reserved.map { min($0.legend, room + 8 * u) }
        let legendBox = legendBoxHeight.map { Rect(x: x, y: y, width: width, height: $0) }
        items.append(.group(id: "legend", clip: legendBox, items: legendItems))
        y += (legendBoxHeight ?? legendHeight) + 12 * u

        // The heading only with room for a line under it; each event only with room left for the
        // "and N more" line that points to the rest.
        if !f.events.isEmpty, y + height(eventsHeading, headingStyle) + 6 * u + moreHeight <= bottom {
            text(eventsHeading, headingStyle, gapAfter: 6 * u)
            for (k, e) in f.events.enumerated() {
                let line = eventLine(e), more = k + 1 < f.events.count ? moreHeight + 5 * u : 0
                if y + height(line, eventStyle) + more > bottom {
                    text(w(.moreEvents, ["n": w.format.number(f.events.count - k)]), moreStyle, gapAfter: 0, always: true)
                    break
                }
                text(line, eventStyle, gapAfter: 5 * u)
            }
        }
        items.append(
            .text(
                TextItem(
                    credits, at: Point(creditX, p.maxY - pad), anchor: TextAnchor(.start, .bottom), style: creditStyle,
                    maxWidth: columnWidth)))
        return ([base, .group(id: "panel", clip: nil, items: items)], blocks)
    }
}
