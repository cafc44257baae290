internal import CIsal
internal import CZlib

/// How hard to compress PNG output: `fast` (ISA-L deflate level 1, a few milliseconds a 1080p frame)
/// for frame sequences; `small` (zlib level 9, about ten times slower, 10–20 % smaller) for files that
/// are kept. Rows are never filtered: maps are large areas of flat colour, where libpng's adaptive
/// filters made files larger, not smaller (measured on the Kursk frames).
///
/// Both are deterministic. zlib's bytes are the same on every machine; ISA-L picks SIMD code for the
/// CPU, so `fast` bytes are the same run to run on one machine but may differ on another (the
/// pixels never do). Renders/ is written with `small`.
public enum PNGCompression: String, Sendable, CaseIterable {
    case fast, small
}

/// Working memory for PNG encoding, kept between frames: a 1080p frame needs 6 MB of rows and room for
/// as much deflate output, and fresh pages for them cost more page faults than the encoding itself.
final class PNGScratch {
    /// The filtered rows (several MB for a page: in huge pages, see `PageMemory`).
    var rows: PageMemory?
    /// Room for the worst case of deflate (stored blocks), of which a map uses a few per cent: in
    /// small pages, untouched beyond what is written.
    var deflated: PageMemory?
}

/// A minimal PNG writer: IHDR, one IDAT, IEND. Opaque pages become 8-bit RGB (a quarter less to
/// compress); pages with transparency 8-bit RGBA, un-premultiplied.
enum FastPNG {
    /// Encodes premultiplied B, G, R, A pixels (Cairo's ARGB32 on little-endian machines), rows
    /// `stride` bytes apart. `opaque` promises every alpha is 255 (a page painted with an opaque
    /// background), which saves looking.
    static func encode(
        bgra: UnsafeRawPointer, width w: Int, height h: Int, stride: Int, opaque: Bool, compression: PNGCompression,
        scratch: PNGScratch
    ) throws -> [UInt8] {
        let channels = opaque ? 3 : 4
        let rowBytes = 1 + w * channels
        if scratch.rows?.count != rowBytes * h { scratch.rows = PageMemory(bytes: rowBytes * h) }
        guard let rows = scratch.rows else { throw RenderError("PNG: cannot allocate \(rowBytes * h) bytes of rows") }
        // Rows with filter byte 0 (none) in front, colour bytes reordered from B, G, R, A.
        let rowsStart = rows.pointer.assumingMemoryBound(to: UInt8.self)
        for y in 0..<h {
            let row = rowsStart + y * rowBytes
            row[0] = 0
            let src = bgra + y * stride
            if opaque { packRGB(src, into: row + 1, pixels: w) } else { unpremultiplyRGBA(src, into: row + 1, pixels: w) }
        }
        let deflated = try compress(UnsafeRawBufferPointer(start: rows.pointer, count: rows.count), compression, into: &scratch.deflated)
        var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        out.reserveCapacity(deflated.count + 64)
        var header: [UInt8] = []
        header += bigEndian(UInt32(w)) + bigEndian(UInt32(h))
        header += [8, opaque ? 2 : 6, 0, 0, 0]  // depth, colour type, deflate, adaptive filtering, no interlace
        header.withUnsafeBytes { chunk("IHDR", $0, into: &out) }
        chunk("IDAT", deflated, into: &out)
        chunk("IEND", UnsafeRawBufferPointer(start: nil, count: 0), into: &out)
        return out
    }

    /// B, G, R, A → R, G, B, four pixels a step: one 32-bit load each, three 32-bit stores.
    private static func packRGB(_ src: UnsafeRawPointer, into dst: UnsafeMutablePointer<UInt8>, pixels: Int) {
        @inline(__always) func rgb(_ p: UInt32) -> UInt32 { ((p >> 16) & 0xFF) | (p & 0xFF00) | ((p & 0xFF) << 16) }
        let out = UnsafeMutableRawPointer(dst)
        var i = 0
        while i + 4 <= pixels {
            let a = rgb(src.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
            let b = rgb(src.loadUnaligned(fromByteOffset: i * 4 + 4, as: UInt32.self))
            let c = rgb(src.loadUnaligned(fromByteOffset: i * 4 + 8, as: UInt32.self))
            let d = rgb(src.loadUnaligned(fromByteOffset: i * 4 + 12, as: UInt32.self))
            out.storeBytes(of: a | (b << 24), toByteOffset: i * 3, as: UInt32.self)
            out.storeBytes(of: (b >> 8) | (c << 16), toByteOffset: i * 3 + 4, as: UInt32.self)
            out.storeBytes(of: (c >> 16) | (d << 8), toByteOffset: i * 3 + 8, as: UInt32.self)
            i += 4
        }
        while i < pixels {
            let p = src.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)
            dst[i * 3] = UInt8(truncatingIfNeeded: p >> 16)
            dst[i * 3 + 1] = UInt8(truncatingIfNeeded: p >> 8)
            dst[i * 3 + 2] = UInt8(truncatingIfNeeded: p)
            i += 1
        }
    }

    private static func unpremultiplyRGBA(_ src: UnsafeRawPointer, into dst: UnsafeMutablePointer<UInt8>, pixels: Int) {
        let s = src.assumingMemoryBound(to: UInt8.self)
        for i in 0..<pixels {
            let b = s[i * 4], g = s[i * 4 + 1], r = s[i * 4 + 2], a = s[i * 4 + 3]
            dst[i * 4] = unpremultiply(r, a)
            dst[i * 4 + 1] = unpremultiply(g, a)
            dst[i * 4 + 2] = unpremultiply(b, a)
            dst[i * 4 + 3] = a
        }
    }

    /// One zlib stream of `raw` into `out` (grown as needed, never shrunk): ISA-L level 1 for
    /// `fast`, zlib level 9 for `small`. Returns the stream, valid until `out` is next used.
    private static func compress(
        _ raw: UnsafeRawBufferPointer, _ compression: PNGCompression, into out: inout PageMemory?
    ) throws -> UnsafeRawBufferPointer {
        // Worst case for both: stored blocks, 5 bytes a 64 KiB block, plus header and trailer.
        let capacity = Int(compressBound(uLong(raw.count))) + raw.count / 1000 + 1024
        if (out?.count ?? 0) < capacity { out = PageMemory(bytes: capacity, huge: false) }
        guard let out else { throw RenderError("PNG: cannot allocate \(capacity) bytes for deflate") }
        let s = raw.assumingMemoryBound(to: UInt8.self)
        let d = out.pointer.assumingMemoryBound(to: UInt8.self)
        switch compression {
        case .fast:
            let n = frontline_isal_zlib_level1(s.baseAddress, UInt(s.count), d, UInt(out.count))
            if n < 0 { throw RenderError("PNG: ISA-L deflate failed") }
            return UnsafeRawBufferPointer(start: out.pointer, count: n)
        case .small:
            var size = uLong(out.count)
            let status = compress2(d, &size, s.baseAddress, uLong(s.count), 9)
            if status != Z_OK { throw RenderError("PNG: zlib compress2 failed (\(status))") }
            return UnsafeRawBufferPointer(start: out.pointer, count: Int(size))
        }
    }

    private static func unpremultiply(_ c: UInt8, _ a: UInt8) -> UInt8 {
        a == 0 ? 0 : UInt8(min(255, (Int(c) * 255 + Int(a) / 2) / Int(a)))
    }

    private static func bigEndian(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
    }

    private static func chunk(_ type: String, _ data: UnsafeRawBufferPointer, into out: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        out += bigEndian(UInt32(data.count))
        out += typeBytes
        out += data
        var crc = crc32(0, nil, 0)
        crc = typeBytes.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt($0.count)) }
        if let base = data.baseAddress { crc = crc32(crc, base.assumingMemoryBound(to: UInt8.self), uInt(data.count)) }
        out += bigEndian(UInt32(crc))
    }
}
