/// The string catalogue: every phrase a map, chart, card or report shows, by key. Each locale's
/// table (`Catalogue+en.swift`, `+uk`, `+ru`, `+de`) is an exhaustive switch, so a phrase missing
/// from a locale does not compile; a test checks every locale fills the same placeholders.
public enum Phrase: String, CaseIterable, Sendable {
    // Panel: the status under the date.
    case statusStale, statusInterpolated, statusPlaceholder, statusToday, statusStaleNote, latestInData
    case latestBeforeDate, statusRecent, days, claimsRinged
    // Panel: areas held.
    case sideHoldsIn, accordingTo, interpolatedBy, noChange, changeSince, changeSinceShort, geodesicArea
    // Panel: events.
    case eventsOnDate, eventsSinceFrame, moreEvents, attribution, attributionOwn
    case statusClaimed, statusReported, statusGeolocated, statusAssessed, statusDisputed, statusUnverified
    // Legend.
    case legendNoData, legendEvent, legendFrontLine, legendTaken, legendTakenSoFar, legendHeld, legendHeldAnywhere
    case heldAssessed, heldClaimed, heldContested, heldInterpolated, statusInterpolatedLegend
    case legendChangedHands, legendSettlementExact, legendSettlementApprox, legendRegionBoundary, legendClaimedTaken
    case legendRestOfHome, legendRiver, legendBorder, legendCoast, legendWater, approximateName
    // Map furniture.
    case timelineNote
    // Alt text and titles of a map.
    case sceneTitle, altMap, altInterpolated, altStale, altHolds, altHoldsSource, altClaim, altEvents
    // Animation cards.
    case cardSpan, cardTitle, cardSnapshots, cardSources, cardControl, cardMoreOutlets, cardEvents, cardSourcesTitle
    // Area chart.
    case chartHeading, chartSubheading, chartSubheadingNoEvents, chartEmptyTitle, chartNoData, axisBreak, eventCount, sideOutside
    case legendAreaClaimed, chartTitle, chartDescription, chartClaimed, claimLabel
    // Report: cover, summary and page.
    case reportKicker, dateSpan, caveatLine, reportAlt, reportTitle, reportDates, reportEvents, summarySpan
    case summaryPeak, summaryPeakOutside, summarySpanNoEvents, summaryLatestPeak, summaryLatestPeakOutside, summaryAreas, caveatLabel,
        chartHidden, sourcesHeading, dataLabel
    case chartAltWhat, noDates, viewerLabel, previousDate, nextDate, play, pause, sliderLabel, viewerHint
    case noEvents, eventsHeading, altFirstDate, altNoChangeSide, altGained, altLost, altNothingHeld, altSince
    case eventClaim, dateApproximate, tableDate, tableAssessedOn, tableHeld, tableChange, tableNoChange, tableNote
    case tableHeading, dataCSV, dataJSON, starLabel
}

enum Catalogue {
    /// The template of `phrase` in `locale`.
    static func template(_ phrase: Phrase, _ locale: MapLocale) -> String {
        switch locale {
        case .en: return en(phrase)
        case .uk: return uk(phrase)
        case .ru: return ru(phrase)
        case .de: return de(phrase)
        }
    }
}
