import Cartography

/// Keeps a chart's labels apart: each is placed only where its measured box meets no box placed
/// before it (so the order of placing is the order of priority).
struct ChartTextPlacer {
    let measurer: any TextMeasurer
    private(set) var boxes: [Rect] = []

    init(measurer: any TextMeasurer) { self.measurer = measurer }

    func size(_ t: TextItem) -> (width: Double, height: Double) { measurer.measure(t.text, style: t.style, maxWidth: t.maxWidth) }

    func box(_ t: TextItem) -> Rect {
        let m = size(t)
        return t.box(width: m.width, height: m.height)
    }

    /// Takes the box whatever it meets (titles, the legend).
    mutating func reserve(_ t: TextItem) { boxes.append(box(t)) }

    /// Takes the box and returns true if it is free; else false, and the label is not drawn.
    mutating func place(_ t: TextItem) -> Bool {
        let b = box(t)
        guard !boxes.contains(where: { $0.intersects(b) }) else { return false }
        boxes.append(b)
        return true
    }
}
