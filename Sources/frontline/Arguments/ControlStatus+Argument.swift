import ArgumentParser
import MapData

/// `--status claimed`: assessed, claimed or contested; the parser lists them when the value is none.
extension ControlStatus: ExpressibleByArgument {}
