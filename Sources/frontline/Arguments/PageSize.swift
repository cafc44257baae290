import ArgumentParser
import Atlas
import MapData

/// `--size`: a named layout (hd, mobile, a4, …) or WxH in CSS pixels. The parser takes either form;
/// `check(in:)` (run from `validate()`) refuses a page outside the range with the range and the names.
/// The text is kept as given: the run record `--resume` compares holds it, so "story" and
/// "1080x1920" stay distinct as they always were.
struct PageSize: ExpressibleByArgument, CustomStringConvertible {
    let text: String
    let width: Int
    let height: Int

    init?(argument: String) {
        if let named = LayoutRules.named(argument) {
            (width, height) = (named.width, named.height)
        } else {
            // Any two whole numbers parse; their range is the command's to check, with its own message.
            guard let (w, h) = try? OptionText.size(argument, in: Int.min...Int.max) else { return nil }
            (width, height) = (w, h)
        }
        text = argument
    }

    init(width: Int, height: Int) { (text, self.width, self.height) = ("\(width)x\(height)", width, height) }

    var description: String { text }
    var defaultValueDescription: String { text }

    /// The page's layout (the rules of the named layout nearest its shape).
    var layout: Layout { Layout(width: width, height: height) }

    /// Refuses a WxH outside `range`; a named layout is in range where `layouts` allows names, and
    /// the error then lists them.
    func check(in range: ClosedRange<Int>, layouts: Bool) throws {
        if layouts, LayoutRules.named(text) != nil { return }
        do { _ = try OptionText.size(text, in: range) } catch {
            guard layouts else { throw UsageError(error.message) }
            throw UsageError("\(error.message), or one of \(LayoutRules.all.map(\.name).joined(separator: ", "))")
        }
    }
}

/// The value name `--size` shows in help and in its parse error.
let pageSizeValueName = "layout-or-wxh"
