/// Counts and sizes as a reader reads them.
extension Int {
    /// Bytes as a reader reads them (1 MB = 1,000,000 bytes): `10_000_021` → `10.0 MB`, `5300` → `5 KB`.
    public var byteSize: String {
        if self >= 1_000_000 {
            let tenths = (self + 50_000) / 100_000
            return "\(tenths / 10).\(tenths % 10) MB"
        }
        return "\(Swift.max(1, (self + 500) / 1000)) KB"
    }

    /// `10000` → `10,000`: counts as a reader reads them.
    public var grouped: String {
        let digits = String(abs(self))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (self < 0 ? "-" : "") + result
    }
}
