import Testing

@testable import MapData

/// The parser's fast path for numbers must give exactly the Double that `Double(String)` gives.
@Suite("JSON numbers")
struct JSONNumberTests {
    private func fast(_ text: String) -> Double? { JSONParser.exactDouble(ArraySlice(Array(text.utf8))) }

    @Test func fastPathEqualsFullConversion() throws {
        var rng = SeededRandom(seed: 0x6a50)
        var taken = 0
        for _ in 0..<200_000 {
            let digits = Int.random(in: 1...17, using: &rng)
            var text = Bool.random(using: &rng) ? "-" : ""
            let whole = Int.random(in: 0...digits, using: &rng)
            let all = (0..<digits).map { _ in String(Int.random(in: 0...9, using: &rng)) }.joined()
            let intPart = String(all.prefix(whole)).drop { $0 == "0" }
            text += intPart.isEmpty ? "0" : String(intPart)
            if whole < digits { text += "." + all.dropFirst(whole) }
            if Int.random(in: 0..<4, using: &rng) == 0 { text += "e" + String(Int.random(in: -30...30, using: &rng)) }
            let expected = try #require(Double(text))
            if let v = fast(text) {
                #expect(v.bitPattern == expected.bitPattern, "\(text): fast \(v), full \(expected)")
                taken += 1
            }
        }
        // Most take the fast path; the rest fall back, never wrongly.
        #expect(taken > 100_000)
    }

    @Test func edgeCases() throws {
        #expect(fast("-0")?.bitPattern == (-0.0).bitPattern)
        #expect(fast("0.0e-400") == 0)
        #expect(fast("35.123456") == 35.123456)
        #expect(fast("1e22") == 1e22)
        #expect(fast("1e23") == nil)
        #expect(fast("1234567890123456") == nil)
        #expect(try JSONParser.parse(Array("[50.503325, -1.5E+2, 0.1]".utf8)) == .array([.number(50.503325), .number(-150), .number(0.1)]))
    }
}
