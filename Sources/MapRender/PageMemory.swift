#if canImport(Glibc)
    import Glibc
#endif

/// Zeroed memory for page-sized pixel buffers, in transparent huge pages where the kernel offers them
/// (`madvise` mode, Debian's default). Image canvases draw in it (`CairoCanvas.argb`), and so do
/// the PNG encoder's rows.
///
/// Why: a fresh 1920×1080 ARGB32 surface is 8 MB. In 4 KiB pages that is 2,025 page faults the first
/// time it is touched, each a trip into the kernel; a one-date render makes several such buffers (the
/// page, the static layers, the PNG rows) and spent ~14,000 faults and 20–30 ms on them. In 2 MiB
/// pages the same buffers take a handful of faults.
final class PageMemory {
    static let hugePage = 2 << 20
    let pointer: UnsafeMutableRawPointer
    let count: Int
    private let mapping: UnsafeMutableRawPointer
    private let mappedLength: Int

    /// Nil when the system will not map the memory. `huge: false` for a buffer mostly left unused
    /// (its untouched pages then cost nothing).
    init?(bytes: Int, huge wanted: Bool = true) {
        guard bytes > 0 else { return nil }
        let huge = wanted && bytes >= Self.hugePage
        // Room to align the start to a huge page; fresh anonymous memory is zero. Only the whole huge
        // pages are advised: the tail stays in small pages, so resident memory is not rounded up.
        let whole = bytes / Self.hugePage * Self.hugePage
        let length = huge ? bytes + Self.hugePage : bytes
        guard let raw = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), raw != MAP_FAILED else {
            return nil
        }
        mapping = raw
        mappedLength = length
        count = bytes
        if huge {
            let aligned = (Int(bitPattern: raw) + Self.hugePage - 1) / Self.hugePage * Self.hugePage
            pointer = UnsafeMutableRawPointer(bitPattern: aligned) ?? raw
            // Advice only: without huge pages the memory works the same, page by page.
            _ = madvise(pointer, whole, MADV_HUGEPAGE)
        } else {
            pointer = raw
        }
    }

    deinit { munmap(mapping, mappedLength) }
}
