internal import CZlib

/// How hard to compress PNG output: `fast` (deflate level 1) for frame sequences; `small` (deflate
/// level 9, a few times slower) for files that are kept. Rows are never filtered: maps are large
/// areas of flat colour, where libpng's adaptive filters made files larger, not smaller (measured on
/// the Kursk frames).
public enum PNGCompression: String, Sendable, CaseIterable {
    case fast, small
}

/// A minimal PNG writer: IHDR, one IDAT, IEND. Opaque pages become 8-bit RGB (a quarter less to
/// compress); pages with transparency 8-bit RGBA, un-premultiplied. Byte-stable: zlib is deterministic.
enum FastPNG {
    static func encode(_ image: RasterImage, compression: PNGCompression) throws -> [UInt8] {
        let w = image.width, h = image.height
        let opaque = image.bgra.withUnsafeBufferPointer { b in stride(from: 3, to: b.count, by: 4).allSatisfy { b[$0] == 255 } }
        let channels = opaque ? 3 : 4
        let rowBytes = 1 + w * channels
        // Rows with filter byte 0 (none) in front, colour bytes reordered from B, G, R, A.
        var raw = [UInt8](repeating: 0, count: rowBytes * h)
        image.bgra.withUnsafeBufferPointer { src in
            raw.withUnsafeMutableBufferPointer { dst in
                for y in 0..<h {
                    var o = y * rowBytes + 1
                    var i = y * w * 4
                    for _ in 0..<w {
                        let b = src[i], g = src[i + 1], r = src[i + 2], a = src[i + 3]
                        if opaque {
                            dst[o] = r; dst[o + 1] = g; dst[o + 2] = b
                        } else {
                            dst[o] = unpremultiply(r, a); dst[o + 1] = unpremultiply(g, a)
                            dst[o + 2] = unpremultiply(b, a); dst[o + 3] = a
                        }
                        o += channels
                        i += 4
                    }
                }
            }
        }
        var compressedSize = compressBound(uLong(raw.count))
        var idat = [UInt8](repeating: 0, count: Int(compressedSize))
        let status = idat.withUnsafeMutableBufferPointer { d in
            raw.withUnsafeBufferPointer { s in
                compress2(d.baseAddress, &compressedSize, s.baseAddress, uLong(s.count), compression == .fast ? 1 : 9)
            }
        }
        guard status == Z_OK else { throw RenderError("PNG: zlib compress2 failed (\(status))") }
        idat.removeLast(idat.count - Int(compressedSize))

        var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header += bigEndian(UInt32(w)) + bigEndian(UInt32(h))
        header += [8, opaque ? 2 : 6, 0, 0, 0]  // depth, colour type, deflate, adaptive filtering, no interlace
        chunk("IHDR", header, into: &out)
        chunk("IDAT", idat, into: &out)
        chunk("IEND", [], into: &out)
        return out
    }

    private static func unpremultiply(_ c: UInt8, _ a: UInt8) -> UInt8 {
        a == 0 ? 0 : UInt8(min(255, (Int(c) * 255 + Int(a) / 2) / Int(a)))
    }

    private static func bigEndian(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
    }

    private static func chunk(_ type: String, _ data: [UInt8], into out: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        out += bigEndian(UInt32(data.count))
        out += typeBytes
        out += data
        var crc = crc32(0, nil, 0)
        crc = typeBytes.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt($0.count)) }
        crc = data.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt($0.count)) }
        out += bigEndian(UInt32(crc))
    }
}
