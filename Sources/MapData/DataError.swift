/// A problem in input data, with the file and the place in it, printed as "file: place: message".
public struct DataError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String?
    public var place: String?
    public var message: String

    public init(file: String? = nil, place: String? = nil, message: String) {
        self.file = file; self.place = place; self.message = message
    }

    /// The same error located in `file`, keeping any place already known.
    public func `in`(file: String) -> DataError {
        var e = self
        if e.file == nil { e.file = file }
        return e
    }

    /// The same error with `place` put in front of the place already known ("feature 3" + "ring 1").
    public func at(_ outer: String) -> DataError {
        var e = self
        e.place = e.place.map { "\(outer), \($0)" } ?? outer
        return e
    }

    public var description: String {
        [file, place, message].compactMap { $0 }.joined(separator: ": ")
    }
}
