import Foundation
import GeoCore
import MapData

extension Words {
    /// Who says so, how far it was checked, and where it was published, for a reader: "[ISW, assessed;
    /// Newsweek, 18 Aug 2024]", or "[reported; Newsweek, 18 Aug 2024]" when the outlet says so itself.
    /// Only the public attribution (outlet and date): never the data's notes on the source.
    public func attribution(_ e: Event) -> String {
        let values = [
            "claimant": e.claimedBy, "status": status(e.status), "outlet": Self.outlet(e.source.publication),
            "date": publishedDate(e.source.published),
        ]
        return self(e.claimedBy == "publication" ? .attributionOwn : .attribution, values)
    }

    /// The outlet's public name: the data's `publication` less any note in brackets after it
    /// ("The New York Times (Marc Santora; reworded copy)" → "The New York Times"), which is for
    /// whoever maintains the data, not for print.
    public static func outlet(_ publication: String) -> String {
        guard let open = publication.firstIndex(of: "("), publication.last == ")" else { return publication }
        let name = publication[..<open].trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? publication : name
    }

    /// A publication date as a short date in the locale; as written when it is not YYYY-MM-DD.
    func publishedDate(_ text: String) -> String {
        (try? Day(parsing: text)).map(shortDate) ?? text
    }
}
