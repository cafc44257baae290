import MapData

/// A name given to `--emphasize` that the gazetteer does not know.
public struct UnknownPlace: Error, CustomStringConvertible {
    public let name: String
    public var description: String { "'\(name)' is not a settlement of settlements.geojson (by name or alternative name)" }
}

extension SequenceContext {
    /// Makes `names` key places too (`--emphasize`), by any of their gazetteer names. Call before the
    /// first frame: the sequence's label placement is made once, with them first.
    public func emphasize(_ names: [String]) throws {
        for name in names {
            guard let s = dataset.gazetteer.resolve(name) else { throw UnknownPlace(name: name) }
            keyPlaces.insert(s.name)
        }
        layout = layout.arranged(avoiding: furnitureWeights())
        labelPlanCache = nil
        namesCache = []
        insetCache = nil
    }

    /// How `s` is drawn: its rank, and whether it is a key place.
    func symbol(_ s: Settlement) -> SettlementSymbol { SettlementSymbol(rank: SettlementRank(s), key: keyPlaces.contains(s.name)) }
}
