import Foundation
import GlossaCore

/// The features of one token in its segment, as bucket indices into the weight table: the token's own
/// (`extract`: word identity, affixes, shape, neighbours, list matches) and those that pair it with the
/// previous label (`transitions`), which the Viterbi decoder reads once per previous label.
package final class FeatureExtractor {
    package let bits: Int
    /// Training only: a nonzero domain (a corpus unlike news, such as OCR'd historic newspapers) adds a
    /// copy of every feature for that domain, which learns what is peculiar to it; the shared copy
    /// learns what holds everywhere, and is all that tagging news reads (Daumé III 2007).
    package var domain: UInt64 = 0
    private let buffer = UnsafeMutablePointer<Int32>.allocate(capacity: 80)
    private var count = 0

    package init(bits: Int) {
        self.bits = bits
    }

    deinit { buffer.deallocate() }

    /// The features of the last `extract`.
    package var features: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: buffer, count: count) }

    package func extract(_ tokens: [NERToken], _ index: Int, segment: Range<Int>) {
        tokens.withUnsafeBufferPointer { tokens in
            extract(tokens, index, segment: segment)
        }
    }

    /// The features that pair a token with the label before it: the label alone (a transition
    /// weight, always first), with the word, and with the word's shape. Written to `into`, three
    /// of them (six with a domain).
    package func transitions(_ token: NERToken, previous: NERLabel, into output: UnsafeMutablePointer<Int32>) -> Int {
        let p1 = UInt64(previous.rawValue)
        var count = 0
        @inline(__always)
        func add(_ template: UInt64, _ value: UInt64) { write(template, value, to: output, at: &count) }
        add(14, p1)
        add(16, token.lower ^ (p1 &* 0x1_0000_0001))
        add(28, p1 ^ token.shape)
        return count
    }

    /// The bucket of the label-alone transition feature (the first of `transitions`, shared copy).
    package func labelAlone(_ previous: NERLabel) -> Int32 {
        Int32(truncatingIfNeeded: Self.mix(14, UInt64(previous.rawValue)) >> UInt64(64 - bits))
    }

    @inline(__always)
    private static func mix(_ template: UInt64, _ value: UInt64) -> UInt64 {
        var hash = value ^ (template &* 0x9E37_79B9_7F4A_7C15)
        hash ^= hash >> 31
        hash &*= 0xD6E8_FEB8_6659_FD93
        hash ^= hash >> 32
        return hash
    }

    /// Hashes a template's value to a bucket (and, with a domain, to the domain's copy of it).
    @inline(__always)
    private func write(_ template: UInt64, _ value: UInt64, to output: UnsafeMutablePointer<Int32>, at count: inout Int) {
        let shift = UInt64(64 - bits)
        let hash = Self.mix(template, value)
        output[count] = Int32(truncatingIfNeeded: hash >> shift)
        count += 1
        if domain != 0 {
            var copy = hash ^ (domain &* 0xA076_1D64_78BD_642F)
            copy ^= copy >> 29
            copy &*= 0xE703_7ED1_A0B4_28DB
            copy ^= copy >> 32
            output[count] = Int32(truncatingIfNeeded: copy >> shift)
            count += 1
        }
    }

    /// Outside the segment, the neighbours read as a token whose hashes are all 1 and whose labels,
    /// flags and list bits are 0. Only the fields the templates use are read.
    package func extract(_ tokens: UnsafeBufferPointer<NERToken>, _ index: Int, segment: Range<Int>) {
        let buffer = self.buffer
        var count = 0
        @inline(__always)
        func add(_ template: UInt64, _ value: UInt64) { write(template, value, to: buffer, at: &count) }
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
        add(29, leftLower ^ (UInt64(token.gazetteer) << 40))
        add(30, leftSuffix3 &* 7 ^ token.suffix3)
        add(31, UInt64(token.lexicon) | UInt64(token.flags.rawValue & 0x7) << 4 | initial << 8)
        add(32, UInt64(token.lexicon) | UInt64(token.gazetteer) << 4)
        add(33, leftLexicon | rightLexicon << 4 | UInt64(token.lexicon) << 8)
        self.count = count
    }
}
