import Cartography

/// Draws the frames of a sequence on one reused ARGB32 surface, drawing the scene's static groups
/// (`Scene.staticGroups`) once and reusing their pixels.
///
/// A scene is cut into runs of static and dynamic items, in drawing order. A static run at the bottom
/// becomes the base: background and basemap, copied into the surface at the start of every frame. A
/// static run higher up (the border over the control areas, furniture) becomes an overlay: drawn once
/// on a transparent layer and composited over the frame, only where it has pixels (64 px tiles).
/// Dynamic items are drawn as usual. Static runs are compared with the cached ones on every frame and
/// redrawn when they differ, so the cache can never show stale pixels.
///
/// Every PNG and raw frame goes through this path, one frame or many, so a date renders to the same
/// pixels alone and in a sequence. One rasterizer per thread: it is not thread-safe.
public final class FrameRasterizer {
    private var page: CairoCanvas?
    private var drawer: SceneDrawer?
    private var cache: Cache?
    private let scratch = PNGScratch()
    /// Frames that reused the cached static layers, and frames that had to draw them (tests read
    /// these, through `@testable import`; not part of the API).
    private(set) var reused = 0
    private(set) var redrawn = 0
    /// Halo stamps the page's drawer made (tests: labels repeated from frame to frame make none).
    var haloStampsMade: Int { drawer?.haloStampsMade ?? 0 }
    /// Seconds the last `png` call spent drawing and encoding: `frontline bench` reads these, within
    /// the package only, so that timing never becomes part of the library's API.
    package private(set) var lastDrawSeconds = 0.0
    package private(set) var lastEncodeSeconds = 0.0

    /// Whether this rasterizer draws a single frame: then every page-sized buffer, static overlays
    /// included, goes in huge pages (fewest page faults); a sequence keeps its mostly empty overlays
    /// in small pages, so resident memory stays low over thousands of frames. Pixels are the same.
    let oneFrame: Bool

    public init(oneFrame: Bool = false) { self.oneFrame = oneFrame }

    /// Draws `scene` at `scale` and hands the finished pixels to `body` (B, G, R, A bytes, rows
    /// `stride` apart), valid only during the call.
    func withPixels<T>(
        _ scene: Scene, scale: Double, _ body: (UnsafeRawPointer, _ width: Int, _ height: Int, _ stride: Int) throws -> T
    ) throws -> T {
        let canvas = try draw(scene, scale: scale)
        guard let p = canvas.pixels else { throw RenderError("pixels: image surface has no data") }
        return try body(UnsafeRawPointer(p.base), p.width, p.height, p.stride)
    }

    /// The frame as PNG bytes.
    public func png(_ scene: Scene, scale: Double = 1, compression: PNGCompression) throws -> [UInt8] {
        try SceneValidation.check(scene, scale: scale, format: .png)
        let opaque = scene.background.a >= 1
        let start = MonotonicClock.seconds()
        return try withPixels(scene, scale: scale) { data, w, h, stride in
            let drawn = MonotonicClock.seconds()
            defer {
                lastDrawSeconds = drawn - start
                lastEncodeSeconds = MonotonicClock.seconds() - drawn
            }
            return try FastPNG.encode(
                bgra: data, width: w, height: h, stride: stride, opaque: opaque, compression: compression, scratch: scratch)
        }
    }

    /// The frame as packed B, G, R, A bytes (what video encoders take).
    public func raster(_ scene: Scene, scale: Double = 1) throws -> RasterImage {
        try SceneValidation.check(scene, scale: scale, format: .png)
        return try withPixels(scene, scale: scale) { data, width, height, stride in
            let rowBytes = width * 4
            let bytes = [UInt8](unsafeUninitializedCapacity: rowBytes * height) { buffer, count in
                guard let base = buffer.baseAddress else { return }
                for row in 0..<height {
                    UnsafeMutableRawPointer(base + row * rowBytes).copyMemory(from: data + row * stride, byteCount: rowBytes)
                }
                count = rowBytes * height
            }
            return RasterImage(width: width, height: height, bgra: bytes)
        }
    }

    // MARK: drawing

    private func draw(_ scene: Scene, scale: Double) throws -> CairoCanvas {
        let width = Int32((Double(scene.width) * scale).rounded(.up))
        let height = Int32((Double(scene.height) * scale).rounded(.up))
        let canvas = try surface(width, height)
        let runs = Run.cut(scene)
        let key = Cache.Key(width: width, height: height, scale: scale, background: scene.background, staticRuns: runs.filter(\.isStatic))
        if cache?.key != key {
            cache = try Cache(key: key, firstRunIsStatic: runs.first?.isStatic ?? false, oneFrame: oneFrame)
            redrawn += 1
        } else {
            reused += 1
        }
        guard let cache, let drawer else { throw RenderError("PNG: no surface") }
        canvas.flush()
        cache.base.copy(into: canvas)
        canvas.markDirty()
        canvas.resetMatrix(scale: scale)
        var overlays = cache.overlays.makeIterator()
        for (index, run) in runs.enumerated() {
            if run.isStatic {
                if index == 0 { continue }  // already in the base
                overlays.next()?.composite(onto: canvas)
            } else {
                try run.draw(with: drawer, on: canvas)
            }
        }
        canvas.flush()
        try canvas.check(stage: "PNG: drawing")
        return canvas
    }

    /// The page surface, made again only when the size changes.
    private func surface(_ width: Int32, _ height: Int32) throws -> CairoCanvas {
        if let page, page.imageSize == (width, height) { return page }
        let canvas = try CairoCanvas.argb(width: width, height: height, hugePages: true, stage: "PNG")
        page = canvas
        drawer = SceneDrawer(canvas: canvas)
        cache = nil
        return canvas
    }
}

/// Consecutive scene items that are all static or all dynamic, each with the clip rectangles of the
/// groups around it (page space, outermost first).
struct Run: Equatable {
    var isStatic: Bool
    var items: [(clips: [Rect], item: SceneItem)]

    static func == (a: Run, b: Run) -> Bool {
        a.isStatic == b.isStatic && a.items.count == b.items.count
            && zip(a.items, b.items).allSatisfy { $0.clips == $1.clips && $0.item == $1.item }
    }

    /// The scene's items in drawing order, cut into runs. A static group is one item; other groups
    /// are opened, so static groups inside them (the basemap inside the clipped map) are found.
    static func cut(_ scene: Scene) -> [Run] {
        var runs: [Run] = []
        func add(_ item: SceneItem, clips: [Rect], isStatic: Bool) {
            if runs.last?.isStatic == isStatic {
                runs[runs.count - 1].items.append((clips, item))
            } else {
                runs.append(Run(isStatic: isStatic, items: [(clips, item)]))
            }
        }
        func walk(_ items: [SceneItem], clips: [Rect]) {
            for item in items {
                if case let .group(id, clip, children) = item {
                    if scene.staticGroups.contains(id) {
                        add(item, clips: clips, isStatic: true)
                    } else {
                        walk(children, clips: clip.map { clips + [$0] } ?? clips)
                    }
                } else {
                    add(item, clips: clips, isStatic: false)
                }
            }
        }
        walk(scene.items, clips: [])
        return runs
    }

    /// Draws the run's items, each inside its clips, in user space (page pixels).
    func draw(with drawer: SceneDrawer, on canvas: CairoCanvas) throws {
        for (clips, item) in items {
            canvas.save()
            for c in clips { canvas.clip(to: c) }
            try drawer.draw([item])
            canvas.restore()
        }
    }
}

/// The pixels of a sequence's static runs.
private final class Cache {
    struct Key: Equatable {
        var width: Int32
        var height: Int32
        var scale: Double
        var background: Color
        var staticRuns: [Run]
    }
    let key: Key
    let base: Layer
    let overlays: [Layer]

    init(key: Key, firstRunIsStatic: Bool, oneFrame: Bool) throws {
        self.key = key
        var runs = key.staticRuns[...]
        let bottom = firstRunIsStatic ? runs.popFirst() : nil
        base = try Layer(key, background: key.background, run: bottom, hugePages: true)
        overlays = try runs.map { try Layer(key, background: nil, run: $0, hugePages: oneFrame) }
    }
}

/// One static run drawn on its own surface: opaque (the base, over the background) or transparent
/// (an overlay, with the tiles it touches listed so compositing skips empty ones).
private final class Layer {
    let canvas: CairoCanvas
    private(set) var tiles: [(x: Int32, y: Int32, width: Int32, height: Int32)] = []
    static let tile: Int32 = 64

    /// `hugePages` for a layer painted all over (the base) or drawn once: an overlay is mostly empty,
    /// and huge pages would make all of it resident where 4 KiB pages leave the untouched parts unmapped.
    init(_ key: Cache.Key, background: Color?, run: Run?, hugePages: Bool) throws {
        canvas = try CairoCanvas.argb(width: key.width, height: key.height, hugePages: hugePages, stage: "PNG layer")
        canvas.scale(by: key.scale)
        let drawer = SceneDrawer(canvas: canvas)
        if let background { drawer.paintBackground(background) }
        try run?.draw(with: drawer, on: canvas)
        canvas.flush()
        try canvas.check(stage: "PNG: drawing a static layer")
        if background == nil { tiles = occupiedTiles() }
    }

    /// Copies this layer's pixels over `target` (same size and format): the base of a frame.
    func copy(into target: CairoCanvas) {
        guard let from = canvas.pixels, let to = target.pixels else { return }
        UnsafeMutableRawPointer(to.base).copyMemory(from: from.base, byteCount: from.stride * from.height)
    }

    /// Composites this layer over the frame (OVER), through a clip made of its occupied tiles.
    func composite(onto target: CairoCanvas) {
        guard !tiles.isEmpty else { return }
        target.paint(canvas, inside: tiles)
    }

    /// The 64 px tiles with any pixel that is not fully transparent, merged along each tile row.
    private func occupiedTiles() -> [(x: Int32, y: Int32, width: Int32, height: Int32)] {
        guard let p = canvas.pixels else { return [] }
        let (w, h, rowStride, data) = (Int32(p.width), Int32(p.height), p.stride, p.base)
        var out: [(x: Int32, y: Int32, width: Int32, height: Int32)] = []
        var ty: Int32 = 0
        while ty < h {
            let th = min(Self.tile, h - ty)
            var runStart: Int32?
            // One step past the last tile closes a run that reaches the right edge.
            for tx in stride(from: Int32(0), through: w, by: Int(Self.tile)) {
                let occupied = tx < w && Self.any(data, stride: rowStride, x: tx, y: ty, width: min(Self.tile, w - tx), height: th)
                if occupied, runStart == nil { runStart = tx }
                if !occupied, let start = runStart {
                    out.append((start, ty, min(tx, w) - start, th))
                    runStart = nil
                }
            }
            if let start = runStart { out.append((start, ty, w - start, th)) }
            ty += Self.tile
        }
        return out
    }

    private static func any(_ data: UnsafeMutablePointer<UInt8>, stride: Int, x: Int32, y: Int32, width: Int32, height: Int32) -> Bool {
        for row in Int(y)..<Int(y + height) {
            let p = UnsafeRawPointer(data + row * stride + Int(x) * 4)
            for i in 0..<Int(width) where p.load(fromByteOffset: i * 4, as: UInt32.self) != 0 { return true }
        }
        return false
    }
}
