import Foundation
import GlossaCore

/// An averaged-perceptron sequence tagger (BIO labels, Viterbi decoding) with hashed features.
/// Weights are stored as rows of eight floats, one row per feature bucket.
package struct TaggerModel: Sendable {
    package let bits: Int
    package var weights: [SIMD8<Float>]
    /// A loaded model's rows that hold a weight, for tagging; a loaded model has no full table
    /// (`weights` is empty). Training changes `weights` and leaves this nil.
    package private(set) var compact: CompactWeights?

    package init(bits: Int) {
        self.bits = bits
        weights = Array(repeating: SIMD8<Float>(repeating: 0), count: 1 << bits)
    }

    private init(bits: Int, compact: CompactWeights) {
        self.bits = bits
        weights = []
        self.compact = compact
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

    /// The summed weights of features in the full table (training).
    package func scores(_ features: UnsafeBufferPointer<Int32>) -> SIMD8<Float> {
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
        if let compact { return decode(tokens, segment, extractor: extractor, scorer: compact) }
        return decode(tokens, segment, extractor: extractor, scorer: FullTable(model: self))
    }

    private func decode<Scorer: LabelScorer>(_ tokens: [NERToken], _ segment: Range<Int>, extractor: FeatureExtractor, scorer: Scorer) -> [NERLabel] {
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
                var emission: Scorer.Emission?
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
                        emission = scorer.emission(extractor.features)
                    }
                    let paired = extractor.transitions(token, previous: previous, into: transitions)
                    let total = scorer.score(emission!, previous: previous, paired: UnsafeBufferPointer(start: transitions, count: paired)) + delta[raw]
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

/// How the decoder scores labels: the token's own features once (the emission), then per previous
/// label its pairings with that label (`FeatureExtractor.transitions`, the label alone first).
private protocol LabelScorer {
    associatedtype Emission
    func emission(_ features: UnsafeBufferPointer<Int32>) -> Emission
    func score(_ emission: Emission, previous: NERLabel, paired: UnsafeBufferPointer<Int32>) -> SIMD8<Float>
}

/// Training: the full float table, every feature read.
private struct FullTable: LabelScorer {
    let model: TaggerModel
    func emission(_ features: UnsafeBufferPointer<Int32>) -> SIMD8<Float> { model.scores(features) }
    func score(_ emission: SIMD8<Float>, previous: NERLabel, paired: UnsafeBufferPointer<Int32>) -> SIMD8<Float> {
        emission + model.scores(paired)
    }
}

/// A loaded model's weights for tagging: only the non-zero rows, as the file's 16-bit integers, found
/// through a 16-bit row number per bucket: about 1.5 MB that stays in the cache, where a full float
/// table (8 MB at 18 bits) does not, and the tagger's lookups are random. Sums are exact integers,
/// scaled once. The label-alone transition of each previous label is read once, at load.
package struct CompactWeights: Sendable, LabelScorer {
    private var index: [UInt16]
    /// Row 0 is the zero row of every absent bucket.
    private var rows: [SIMD8<Int16>]
    let scale: Float
    /// Per previous label, the row of the label-alone transition (`FeatureExtractor.transitions`' first).
    private var labelAlone: [SIMD8<Int32>] = []

    /// Nil when the table has too many rows for 16-bit row numbers.
    init?(bits: Int, rows entries: [(bucket: Int, row: SIMD8<Int16>)], scale: Float) {
        guard entries.count < Int(UInt16.max) else { return nil }
        index = [UInt16](repeating: 0, count: 1 << bits)
        rows = [SIMD8<Int16>(repeating: 0)]
        self.scale = scale
        for entry in entries where entry.bucket < index.count {
            index[entry.bucket] = UInt16(rows.count)
            rows.append(entry.row)
        }
        let extractor = FeatureExtractor(bits: bits)
        labelAlone = (0..<NERLabel.count).map { raw in
            var bucket = extractor.labelAlone(NERLabel(rawValue: UInt8(raw))!)
            return sum(UnsafeBufferPointer(start: &bucket, count: 1))
        }
    }

    @inline(__always)
    func sum(_ features: UnsafeBufferPointer<Int32>) -> SIMD8<Int32> {
        var total = SIMD8<Int32>(repeating: 0)
        index.withUnsafeBufferPointer { index in
            rows.withUnsafeBufferPointer { rows in
                for feature in features { total &+= SIMD8<Int32>(truncatingIfNeeded: rows[Int(index[Int(feature)])]) }
            }
        }
        return total
    }

    func emission(_ features: UnsafeBufferPointer<Int32>) -> SIMD8<Int32> { sum(features) }

    func score(_ emission: SIMD8<Int32>, previous: NERLabel, paired: UnsafeBufferPointer<Int32>) -> SIMD8<Float> {
        let rest = sum(UnsafeBufferPointer(rebasing: paired.dropFirst()))
        return SIMD8<Float>(emission &+ labelAlone[Int(previous.rawValue)] &+ rest) * scale
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
            var entries: [(bucket: Int, row: SIMD8<Int16>)] = []
            entries.reserveCapacity(rows)
            var offset = 24
            for _ in 0..<rows {
                let bucket = Int(raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian)
                var row = SIMD8<Int16>(repeating: 0)
                for label in 0..<NERLabel.count {
                    row[label] = Int16(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 4 + 2 * label, as: Int16.self))
                }
                entries.append((bucket, row))
                offset += rowSize
            }
            guard let compact = CompactWeights(bits: bits, rows: entries, scale: scale) else {
                throw LoadError.malformed("more rows than 16-bit row numbers can hold")
            }
            // A loaded model tags and is not trained further: it keeps no full table.
            return TaggerModel(bits: bits, compact: compact)
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
