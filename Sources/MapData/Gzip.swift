internal import CZlib

/// Inflates gzip files (`.geojson.gz`) in memory, within `Limits.maxFileBytes`, so that a small
/// compressed file cannot expand into more memory than an uncompressed one may take.
public enum Gzip {
    /// Whether `bytes` start with the gzip magic number (1f 8b): the file is then inflated whatever its name.
    public static func isCompressed(_ bytes: [UInt8]) -> Bool { bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b }

    /// The inflated bytes of every member of a gzip stream. Errors name `file` and say what broke.
    public static func inflate(_ bytes: [UInt8], file: String, limit: Int = Limits.maxFileBytes) throws(DataError) -> [UInt8] {
        var stream = z_stream()
        // 15 + 32: a window of 2^15 and automatic gzip/zlib header detection.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DataError(file: file, message: "cannot start zlib")
        }
        defer { inflateEnd(&stream) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = bytes
        var consumed = 0
        while true {
            let status: Int32 = input.withUnsafeMutableBufferPointer { inBuf in
                chunk.withUnsafeMutableBufferPointer { outBuf in
                    stream.next_in = inBuf.baseAddress.map { $0 + consumed }
                    stream.avail_in = UInt32(inBuf.count - consumed)
                    stream.next_out = outBuf.baseAddress
                    stream.avail_out = UInt32(outBuf.count)
                    let r = CZlib.inflate(&stream, Z_NO_FLUSH)
                    consumed = inBuf.count - Int(stream.avail_in)
                    return r
                }
            }
            let produced = chunk.count - Int(stream.avail_out)
            out += chunk[0..<produced]
            if out.count > limit {
                throw DataError(file: file, message: "inflates to more than the limit of \(limit) bytes (256 MiB)")
            }
            switch status {
            case Z_STREAM_END:
                // A gzip file may hold several members one after another (`cat a.gz b.gz`).
                guard consumed < input.count else { return out }
                guard inflateReset(&stream) == Z_OK else { throw DataError(file: file, message: "corrupt gzip data") }
            case Z_OK:
                if produced == 0 && consumed >= input.count {
                    throw DataError(file: file, message: "gzip data ends early (truncated file?)")
                }
            case Z_BUF_ERROR:
                throw DataError(file: file, message: "gzip data ends early (truncated file?)")
            default:
                let why = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                throw DataError(file: file, message: "corrupt gzip data at byte \(consumed): \(why)")
            }
        }
    }
}
