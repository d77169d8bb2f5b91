import Foundation
import GlossaCore

/// The features of one token in its segment, as bucket indices into the weight table.
/// Templates mix word identity, affixes, shape, neighbours, list matches and the previous labels.
package final class FeatureExtractor {
    package let bits: Int
    private let buffer = UnsafeMutablePointer<Int32>.allocate(capacity: 40)
    private var count = 0

    package init(bits: Int) {
        self.bits = bits
    }

    deinit { buffer.deallocate() }

    /// The features of the last `extract`.
    package var features: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: buffer, count: count) }

    package func extract(_ tokens: [NERToken], _ index: Int, segment: Range<Int>, previous: NERLabel, beforePrevious: NERLabel) {
        tokens.withUnsafeBufferPointer { tokens in
            extract(tokens, index, segment: segment, previous: previous, beforePrevious: beforePrevious)
        }
    }

    /// Outside the segment, the neighbours read as a token whose hashes are all 1 and whose labels,
    /// flags and list bits are 0. Only the fields the templates use are read.
    package func extract(_ tokens: UnsafeBufferPointer<NERToken>, _ index: Int, segment: Range<Int>,
                         previous: NERLabel, beforePrevious: NERLabel) {
        let buffer = self.buffer
        let shift = UInt64(64 - bits)
        var count = 0
        @inline(__always)
        func add(_ template: UInt64, _ value: UInt64) {
            var hash = value ^ (template &* 0x9E37_79B9_7F4A_7C15)
            hash ^= hash >> 31
            hash &*= 0xD6E8_FEB8_6659_FD93
            hash ^= hash >> 32
            buffer[count] = Int32(truncatingIfNeeded: hash >> shift)
            count += 1
        }
        let token = tokens[index]
        let hasLeft = index > segment.lowerBound, hasLeft2 = index - 1 > segment.lowerBound
        let hasRight = index + 1 < segment.upperBound, hasRight2 = index + 2 < segment.upperBound
        let leftLower = hasLeft ? tokens[index - 1].lower : 1
        let leftShape = hasLeft ? tokens[index - 1].shape : 1
        let leftSuffix3 = hasLeft ? tokens[index - 1].suffix3 : 1
        let leftGazetteer = hasLeft ? UInt64(tokens[index - 1].gazetteer) : 0
        let leftLexicon = hasLeft ? UInt64(tokens[index - 1].lexicon) : 0
        let leftFirstName = hasLeft && tokens[index - 1].flags.contains(.firstName)
        let rightLower = hasRight ? tokens[index + 1].lower : 1
        let rightShape = hasRight ? tokens[index + 1].shape : 1
        let rightSuffix3 = hasRight ? tokens[index + 1].suffix3 : 1
        let rightGazetteer = hasRight ? UInt64(tokens[index + 1].gazetteer) : 0
        let rightLexicon = hasRight ? UInt64(tokens[index + 1].lexicon) : 0
        let left2Lower = hasLeft2 ? tokens[index - 2].lower : 1
        let right2Lower = hasRight2 ? tokens[index + 2].lower : 1
        let p1 = UInt64(previous.rawValue), p2 = UInt64(beforePrevious.rawValue)
        let initial: UInt64 = index == segment.lowerBound ? 1 : 0
        add(1, 0)
        add(2, token.lower)
        add(3, token.suffix2)
        add(4, token.suffix3)
        add(5, token.suffix4)
        add(6, token.prefix3)
        add(7, token.shape)
        add(8, leftLower)
        add(9, rightLower)
        add(10, left2Lower)
        add(11, right2Lower)
        add(12, leftShape)
        add(13, rightShape)
        add(14, p1)
        add(15, p1 &* 16 &+ p2)
        add(16, token.lower ^ (p1 &* 0x1_0000_0001))
        add(17, UInt64(token.gazetteer))
        add(18, leftGazetteer &* 16 &+ rightGazetteer)
        add(19, UInt64(token.gazetteer) ^ token.shape)
        add(20, (token.flags.contains(.firstName) ? 1 : 0) &+ (leftFirstName ? 2 : 0))
        add(21, token.shape ^ (initial &* 7) ^ (token.flags.contains(.startsLine) ? 13 : 0))
        add(22, leftLower &* 31 ^ token.lower)
        add(23, token.lower &* 31 ^ rightLower)
        add(24, leftSuffix3)
        add(25, rightSuffix3)
        add(26, UInt64(token.flags.rawValue & 0x1F) &* 32 &+ UInt64(min(token.length, 20)))
        if token.head != 0 { add(27, token.head) }
        add(28, p1 ^ token.shape)
        add(29, leftLower ^ (UInt64(token.gazetteer) << 40))
        add(30, leftSuffix3 &* 7 ^ token.suffix3)
        add(31, UInt64(token.lexicon) | UInt64(token.flags.rawValue & 0x7) << 4 | initial << 8)
        add(32, UInt64(token.lexicon) | UInt64(token.gazetteer) << 4)
        add(33, leftLexicon | rightLexicon << 4 | UInt64(token.lexicon) << 8)
        self.count = count
    }
}

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

    /// The model shipped in the resources (`make model` writes it); nil when it is missing or damaged.
    package static let standard: TaggerModel? = {
        guard let url = Bundle.module.url(forResource: "ner-model", withExtension: "bin"),
              let data = try? Data(contentsOf: url, options: .mappedIfSafe) else { return nil }
        return try? load(data)
    }()
}

// MARK: - Training

/// Averaged perceptron training (Collins 2002) with lazy averaging.
package struct TaggerTrainer {
    package private(set) var model: TaggerModel
    private var totals: [SIMD8<Float>]
    private var stamps: [Int32]
    private var clock: Int32 = 0

    package init(bits: Int) {
        model = TaggerModel(bits: bits)
        totals = Array(repeating: SIMD8<Float>(repeating: 0), count: 1 << bits)
        stamps = Array(repeating: 0, count: 1 << bits)
    }

    /// One pass over a segment, predicting with the current weights and updating on every error.
    /// Returns the number of token errors.
    package mutating func train(_ tokens: [NERToken], _ segment: Range<Int>, gold: [NERLabel], extractor: FeatureExtractor) -> Int {
        var previous = NERLabel.outside, beforePrevious = NERLabel.outside
        var errors = 0
        for index in segment {
            clock += 1
            var label = NERLabel.outside
            if TaggerModel.isCandidate(tokens[index], previous: previous) {
                extractor.extract(tokens, index, segment: segment, previous: previous, beforePrevious: beforePrevious)
                label = TaggerModel.best(model.scores(extractor.features), previous: previous)
                let truth = gold[index - segment.lowerBound]
                if label != truth {
                    errors += 1
                    var delta = SIMD8<Float>(repeating: 0)
                    delta[Int(truth.rawValue)] += 1
                    delta[Int(label.rawValue)] -= 1
                    for feature in extractor.features { update(Int(feature), delta) }
                }
            }
            beforePrevious = previous
            previous = label
        }
        return errors
    }

    private mutating func update(_ bucket: Int, _ delta: SIMD8<Float>) {
        let elapsed = Float(clock - stamps[bucket])
        totals[bucket] += model.weights[bucket] * elapsed
        stamps[bucket] = clock
        model.weights[bucket] += delta
    }

    /// The averaged weights.
    package func averaged() -> TaggerModel {
        var result = model
        let time = Float(max(clock, 1))
        for bucket in 0..<result.weights.count {
            let elapsed = Float(clock - stamps[bucket])
            let total = totals[bucket] + model.weights[bucket] * elapsed
            result.weights[bucket] = total / time
        }
        return result
    }
}
