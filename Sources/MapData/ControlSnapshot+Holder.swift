import GeoCore

extension ControlSnapshot {
    /// The first of `sides` whose ground holds `point`; nil when none does.
    public func holder(at point: LonLat, sides: [String]) -> String? {
        sides.first { side in areas(side: side).contains { $0.contains(point) } }
    }
}
