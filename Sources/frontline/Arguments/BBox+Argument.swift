import ArgumentParser
import GeoCore

/// `--bbox 33.5,50.5,37,52.2`: a box W,S,E,N in degrees, valid (west of east, south of north,
/// within ±180/±90) or refused by the parser, naming the option, the value and `<w,s,e,n>`.
extension BBox: ExpressibleByArgument {
    public init?(argument: String) {
        guard let box = try? BBox(parsing: argument) else { return nil }
        self = box
    }
}

/// The value name every box option shows in help and in its parse error.
let boxValueName = "w,s,e,n"
