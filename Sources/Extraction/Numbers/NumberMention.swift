import Foundation
import GlossaCore

/// What kind of figure a number mention is (the JSON `kind`).
public enum NumberKind: String, Sendable, Codable, CaseIterable {
    case money, percent, date, year, time, count, quantity, duration, ordinal, fraction, multiplier

    /// The reader's highlight groups: money and percentages, dates and times, other quantities.
    public enum Group: Sendable { case money, time, quantity }

    public var group: Group {
        switch self {
        case .money, .percent: return .money
        case .date, .year, .time, .duration: return .time
        default: return .quantity
        }
    }
}

/// A normalised value: a number, an ISO date/time string, or unknown (`Dutzende`).
public enum NumberValue: Equatable, Sendable {
    case number(Double)
    case text(String)
    case none
}

/// A word before the number that bounds it (`mehr als 250`, `bis zu 5000`, `rund`).
public enum Qualifier: String, Sendable, Codable {
    case moreThan = "more_than", lessThan = "less_than", upTo = "up_to", about, atLeast = "at_least"
}

/// One figure found in a text.
public struct NumberMention: Equatable, Sendable {
    public var span: TextSpan
    public var text: String
    public var kind: NumberKind
    public var value: NumberValue
    public var unit: String?
    public var qualifier: Qualifier?

    public init(span: TextSpan, text: String, kind: NumberKind, value: NumberValue, unit: String? = nil, qualifier: Qualifier? = nil) {
        self.span = span
        self.text = text
        self.kind = kind
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
    }

    /// The value as a reader sees it: `1 500 000 000 USD`, `2020-08-09`, `4 hour`.
    public var displayValue: String {
        var parts: [String] = []
        switch value {
        case .number(let number): parts.append(NumberFormatting.grouped(number))
        case .text(let text): parts.append(text)
        case .none: parts.append("unspecified")
        }
        if let unit { parts.append(unit) }
        if kind == .percent { parts.append("%") }
        return parts.joined(separator: " ")
    }
}

enum NumberFormatting {
    /// `1500000000` → `1 500 000 000`; `1.5` → `1.5`; `0.3333` → `0.333`.
    static func grouped(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 {
            let digits = String(Int64(abs(number)))
            var result = ""
            for (index, digit) in digits.enumerated() {
                if index > 0, (digits.count - index) % 3 == 0 { result.append(" ") }
                result.append(digit)
            }
            return (number < 0 ? "-" : "") + result
        }
        return plain(number)
    }

    /// Shortest decimal text: integers without `.0`, fractions to at most 6 places.
    static func plain(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        var text = String(format: "%.6f", number)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

