import Foundation
import GlossaCore

/// An averaged-perceptron sequence tagger (greedy, left to right, BIO labels) with hashed features.
/// Weights are stored as rows of eight floats, one row per feature bucket.
package struct TaggerModel: Sendable {
    package let bits: Int
    package var weights: [SIMD8<Float>]
    /// A loaded model's rows that hold a weight, for tagging (training changes `weights` and leaves this nil).
    package private(set) var compact: CompactWeights?

    package init(bits: Int) {
        self.bits = bits
        weights = Array(repeating: SIMD8<Float>(repeating: 0), count: 1 << bits)
    }

    /// Whether the tagger looks at a token at all: names start with a capital, a digit or a list match,
    /// or continue an open name (`Organisation des Vertrags über kollektive Sicherheit`).
    @inline(__always)
    package static func isCandidate(_ token: NERToken, previous: NERLabel) -> Bool {
        previous != .outside || token.gazetteer != 0
            || (token.flags.contains(.hasUpper) && !token.flags.contains(.punctuation))
    }

    package func scores(_ features: UnsafeBufferPointer<Int32>) -> SIMD8<Float> {
        var total = SIMD8<Float>(repeating: 0)
        weights.withUnsafeBufferPointer { table in
            for feature in features { total += table[Int(feature)] }
        }
        return total
    }

    /// The best label allowed after `previous` (I-X only after B-X or I-X).
    @inline(__always)
    package static func best(_ scores: SIMD8<Float>, previous: NERLabel) -> NERLabel {
        var best = NERLabel.outside
        var bestScore = scores[0]
        for raw in 1..<NERLabel.count {
            let label = NERLabel(rawValue: UInt8(raw))!
            if !label.isBegin, previous.type != label.type { continue }
            if scores[raw] > bestScore {
                bestScore = scores[raw]
                best = label
            }
        }
        return best
    }

    /// Labels the tokens of one segment.
    package func tag(_ tokens: [NERToken], _ segment: Range<Int>, extractor: FeatureExtractor, into labels: inout [NERLabel]) {
        var previous = NERLabel.outside, beforePrevious = NERLabel.outside
        tokens.withUnsafeBufferPointer { tokens in
            for index in segment {
                var label = NERLabel.outside
                if Self.isCandidate(tokens[index], previous: previous) {
                    extractor.extract(tokens, index, segment: segment, previous: previous, beforePrevious: beforePrevious)
                    label = Self.best(compact?.scores(extractor.features) ?? scores(extractor.features), previous: previous)
                }
                labels[index] = label
                beforePrevious = previous
                previous = label
            }
        }
    }
}

/// A loaded model's weights for tagging: only the non-zero rows, found through a 16-bit row number per
/// bucket. The shipped model fills about one bucket in eight, so this is about 1.6 MB that stays in
/// the cache, where the full table (8 MB at 18 bits) does not: the tagger's lookups are random. The
/// rows are the full table's, added in the same order (absent ones as zeros), so scores are the same
/// to the bit.
package struct CompactWeights: Sendable {
    private var index: [UInt16]
    /// Row 0 is the zero row of every absent bucket.
    private var rows: [SIMD8<Float>]

    /// Nil when the table has too many rows for 16-bit row numbers.
    init?(_ weights: [SIMD8<Float>]) {
        let zero = SIMD8<Float>(repeating: 0)
        index = [UInt16](repeating: 0, count: weights.count)
        rows = [zero]
        for (bucket, row) in weights.enumerated() where row != zero {
            guard rows.count <= Int(UInt16.max) else { return nil }
            index[bucket] = UInt16(rows.count)
            rows.append(row)
        }
    }

    package func scores(_ features: UnsafeBufferPointer<Int32>) -> SIMD8<Float> {
        var total = SIMD8<Float>(repeating: 0)
        index.withUnsafeBufferPointer { index in
            rows.withUnsafeBufferPointer { rows in
                for feature in features { total += rows[Int(index[Int(feature)])] }
            }
        }
        return total
    }
}

// MARK: - Storage

/// The model file: `GLNER001`, bits, row count, scale, then rows of (bucket, 7 × Int16).
extension TaggerModel {
    static let magic = Array("GLNER001".utf8)

    package enum LoadError: Error, CustomStringConvertible {
        case missing, malformed(String)
        package var description: String {
            switch self {
            case .missing: return "the actor model is missing from the resources"
            case .malformed(let why): return "the actor model is damaged: \(why)"
            }
        }
    }

    package static func load(_ data: Data) throws -> TaggerModel {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> TaggerModel in
            guard raw.count >= 24, Array(raw[0..<8]) == magic else { throw LoadError.malformed("no header") }
            let bits = Int(raw.loadUnaligned(fromByteOffset: 8, as: UInt32.self).littleEndian)
            let rows = Int(raw.loadUnaligned(fromByteOffset: 12, as: UInt32.self).littleEndian)
            let scale = Float(bitPattern: raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self).littleEndian)
            let rowSize = 4 + 2 * NERLabel.count
            guard bits >= 10, bits <= 24, raw.count >= 24 + rows * rowSize else { throw LoadError.malformed("truncated") }
            var model = TaggerModel(bits: bits)
            var offset = 24
            model.weights.withUnsafeMutableBufferPointer { table in
                for _ in 0..<rows {
                    let bucket = Int(raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian)
                    var row = SIMD8<Float>(repeating: 0)
                    for label in 0..<NERLabel.count {
                        let value = Int16(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 4 + 2 * label, as: Int16.self))
                        row[label] = Float(value) * scale
                    }
                    if bucket < table.count { table[bucket] = row }
                    offset += rowSize
                }
            }
            model.compact = CompactWeights(model.weights)
            return model
        }
    }

    /// Quantises to 16 bits and writes only the rows with a weight left after quantising.
    package func serialized() -> Data {
        var maximum: Float = 0
        for row in weights { for label in 0..<NERLabel.count { maximum = max(maximum, abs(row[label])) } }
        let scale = maximum > 0 ? maximum / 32767 : 1
        var body = Data()
        var rows: UInt32 = 0
        for (bucket, row) in weights.enumerated() {
            var values: [Int16] = []
            for label in 0..<NERLabel.count { values.append(Int16((row[label] / scale).rounded())) }
            guard values.contains(where: { $0 != 0 }) else { continue }
            rows += 1
            withUnsafeBytes(of: UInt32(bucket).littleEndian) { body.append(contentsOf: $0) }
            for value in values { withUnsafeBytes(of: value.littleEndian) { body.append(contentsOf: $0) } }
        }
        var data = Data(Self.magic)
        withUnsafeBytes(of: UInt32(bits).littleEndian) { data.append(contentsOf: $0) }
        withUnsafeBytes(of: rows.littleEndian) { data.append(contentsOf: $0) }
        withUnsafeBytes(of: scale.bitPattern.littleEndian) { data.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(0)) { data.append(contentsOf: $0) }
        data.append(body)
        return data
    }

    /// The model shipped in the resources (`make model` writes it); nil when it is missing or damaged,
    /// and actors are then found by the lists and rules alone. The model is part of the build, and
    /// `ActorRecognizerTests` fail without it, so the nil case is a broken build, not a user's problem.
    package static let standard: TaggerModel? = {
        guard let url = Bundle.module.url(forResource: "ner-model", withExtension: "bin"),
              let data = try? Data(contentsOf: url, options: .mappedIfSafe) else { return nil }
        return try? load(data)
    }()
}
