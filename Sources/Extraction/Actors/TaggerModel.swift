import Foundation
import GlossaCore

/// An averaged-perceptron sequence tagger (BIO labels, Viterbi decoding) with hashed features.
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

    /// Whether a token may begin a name: a capital (or digit-led word with one), or a list match. Any
    /// token may continue an open name (`Organisation des Vertrags über kollektive Sicherheit`).
    @inline(__always)
    package static func canBegin(_ token: NERToken) -> Bool {
        token.gazetteer != 0 || (token.flags.contains(.hasUpper) && !token.flags.contains(.punctuation))
    }

    /// Whether `current` may follow `previous` (I-X only after B-X or I-X; B-X only where a name may begin).
    @inline(__always)
    static func allowed(_ previous: NERLabel, _ current: NERLabel, canBegin: Bool) -> Bool {
        if current == .outside { return true }
        if current.isBegin { return canBegin }
        return previous.type == current.type
    }

    package func scores(_ features: UnsafeBufferPointer<Int32>) -> SIMD8<Float> {
        if let compact { return compact.scores(features) }
        var total = SIMD8<Float>(repeating: 0)
        weights.withUnsafeBufferPointer { table in
            for feature in features { total += table[Int(feature)] }
        }
        return total
    }

    /// Labels the tokens of one segment: the best label sequence under the model (first-order Viterbi).
    /// A label's score at a token is the sum of the weights of the token's features and of its
    /// features paired with the previous label. A token that cannot begin a name, after O, is O at no
    /// cost and is not looked at: most words of a text are never scored.
    package func tag(_ tokens: [NERToken], _ segment: Range<Int>, extractor: FeatureExtractor, into labels: inout [NERLabel]) {
        let path = decode(tokens, segment, extractor: extractor)
        for (offset, label) in path.enumerated() { labels[segment.lowerBound + offset] = label }
    }

    package func decode(_ tokens: [NERToken], _ segment: Range<Int>, extractor: FeatureExtractor) -> [NERLabel] {
        let count = segment.count
        guard count > 0 else { return [] }
        let impossible = -Float.infinity
        var delta = SIMD8<Float>(repeating: impossible)
        delta[0] = 0
        var back = [UInt8](repeating: 0, count: count * 8)
        let transitions = UnsafeMutablePointer<Int32>.allocate(capacity: 8)
        defer { transitions.deallocate() }
        tokens.withUnsafeBufferPointer { buffer in
            for step in 0..<count {
                let index = segment.lowerBound + step
                let token = buffer[index]
                let begin = Self.canBegin(token)
                var next = SIMD8<Float>(repeating: impossible)
                var emission: SIMD8<Float>?
                for raw in 0..<NERLabel.count where delta[raw] > impossible {
                    let previous = NERLabel(rawValue: UInt8(raw))!
                    if !begin, previous == .outside {
                        if delta[raw] > next[0] {
                            next[0] = delta[raw]
                            back[step * 8] = UInt8(raw)
                        }
                        continue
                    }
                    if emission == nil {
                        extractor.extract(buffer, index, segment: segment)
                        emission = scores(extractor.features)
                    }
                    let paired = extractor.transitions(token, previous: previous, into: transitions)
                    let total = emission! + scores(UnsafeBufferPointer(start: transitions, count: paired)) + delta[raw]
                    for current in 0..<NERLabel.count where total[current] > next[current] {
                        guard Self.allowed(previous, NERLabel(rawValue: UInt8(current))!, canBegin: begin) else { continue }
                        next[current] = total[current]
                        back[step * 8 + current] = UInt8(raw)
                    }
                }
                delta = next
            }
        }
        var best = 0
        for raw in 1..<NERLabel.count where delta[raw] > delta[best] { best = raw }
        var path = [NERLabel](repeating: .outside, count: count)
        for step in stride(from: count - 1, through: 0, by: -1) {
            path[step] = NERLabel(rawValue: UInt8(best))!
            best = Int(back[step * 8 + best])
        }
        return path
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

    /// Keeps the `limit` rows with the largest weights and zeroes the rest (ties kept by bucket order),
    /// so that the model stays small enough for `CompactWeights` (16-bit row numbers) and the cache.
    package mutating func keepStrongestRows(_ limit: Int) {
        let zero = SIMD8<Float>(repeating: 0)
        let strengths = weights.enumerated().compactMap { bucket, row -> (Int, Float)? in
            row == zero ? nil : (bucket, (0..<NERLabel.count).map { abs(row[$0]) }.max() ?? 0)
        }
        guard strengths.count > limit else { return }
        let kept = Set(strengths.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(limit).map(\.0))
        for (bucket, _) in strengths where !kept.contains(bucket) { weights[bucket] = zero }
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
