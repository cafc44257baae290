internal import CGDAL
import MapData

/// A feature's fields as GeoJSON-like properties, in the layer's field order.
enum OGRFields {
    static func properties(_ f: GDAL.H, _ gdal: GDAL) -> JSONValue {
        var out: [(String, JSONValue)] = []
        for k in 0..<gdal.featureFieldCount(f) {
            guard let defn = gdal.featureFieldDefn(f, k), let key = gdal.fieldName(defn).map({ String(cString: $0) }) else { continue }
            guard gdal.featureFieldIsSet(f, k) != 0 else {
                out.append((key, .null))
                continue
            }
            switch gdal.fieldType(defn) {
            case OFTInteger, OFTInteger64: out.append((key, .number(Double(gdal.featureFieldInt64(f, k)))))
            case OFTReal: out.append((key, .number(gdal.featureFieldDouble(f, k))))
            case OFTDate, OFTDateTime: out.append((key, .string(date(f, k, gdal, withTime: gdal.fieldType(defn) == OFTDateTime))))
            default: out.append((key, .string(gdal.featureFieldString(f, k).map { String(cString: $0) } ?? "")))
            }
        }
        return .object(out)
    }

    /// ISO 8601 ("2024-09-01", "2024-09-01T06:00:00"): GDAL's own text is "2024/09/01".
    private static func date(_ f: GDAL.H, _ k: Int32, _ gdal: GDAL, withTime: Bool) -> String {
        var y: Int32 = 0, m: Int32 = 0, d: Int32 = 0, h: Int32 = 0, min: Int32 = 0, tz: Int32 = 0
        var s: Float = 0
        _ = gdal.featureFieldDateTime(f, k, &y, &m, &d, &h, &min, &s, &tz)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let day = "\(String(repeating: "0", count: max(0, 4 - String(y).count)))\(y)-\(two(m))-\(two(d))"
        return withTime ? "\(day)T\(two(h)):\(two(min)):\(two(Int32(s)))" : day
    }
}
