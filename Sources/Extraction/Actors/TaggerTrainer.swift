import Foundation
import GlossaCore

/// Averaged structured perceptron training (Collins 2002) with lazy averaging.
package struct TaggerTrainer {
    package private(set) var model: TaggerModel
    private var totals: [SIMD8<Float>]
    private var stamps: [Int32]
    private var clock: Int32 = 0
    /// Buckets that a shared feature (not a domain's copy) has updated: only these are kept in the
    /// model, since tagging never reads a domain's copies.
    private var shared: [Bool]

    package init(bits: Int) {
        model = TaggerModel(bits: bits)
        totals = Array(repeating: SIMD8<Float>(repeating: 0), count: 1 << bits)
        stamps = Array(repeating: 0, count: 1 << bits)
        shared = Array(repeating: false, count: 1 << bits)
    }

    /// The structured perceptron (Collins 2002): decodes a segment with the current weights and, where
    /// the best path differs from the gold one, adds the gold path's features and subtracts the
    /// predicted path's. Returns the number of tokens labelled wrong.
    package mutating func train(_ tokens: [NERToken], _ segment: Range<Int>, gold: [NERLabel], extractor: FeatureExtractor) -> Int {
        clock += 1
        let predicted = model.decode(tokens, segment, extractor: extractor)
        let errors = zip(predicted, gold).filter { $0 != $1 }.count
        guard errors > 0 else { return 0 }
        let transitions = UnsafeMutablePointer<Int32>.allocate(capacity: 8)
        defer { transitions.deallocate() }
        for step in 0..<segment.count {
            let goldPrevious = step == 0 ? NERLabel.outside : gold[step - 1]
            let predictedPrevious = step == 0 ? NERLabel.outside : predicted[step - 1]
            guard gold[step] != predicted[step] || goldPrevious != predictedPrevious else { continue }
            let index = segment.lowerBound + step
            // The gold label's features gain, the predicted label's lose.
            for (previous, label, sign) in [(goldPrevious, gold[step], Float(1)), (predictedPrevious, predicted[step], Float(-1))] {
                guard TaggerModel.canBegin(tokens[index]) || previous != .outside else { continue }
                var delta = SIMD8<Float>(repeating: 0)
                delta[Int(label.rawValue)] = sign
                // With a domain, the extractor writes each feature and then its domain copy.
                let step = extractor.domain == 0 ? 1 : 2
                extractor.extract(tokens, index, segment: segment)
                for (position, feature) in extractor.features.enumerated() { update(Int(feature), delta, shared: position % step == 0) }
                let paired = extractor.transitions(tokens[index], previous: previous, into: transitions)
                for position in 0..<paired { update(Int(transitions[position]), delta, shared: position % step == 0) }
            }
        }
        return errors
    }

    private mutating func update(_ bucket: Int, _ delta: SIMD8<Float>, shared isShared: Bool) {
        if isShared { shared[bucket] = true }
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
            result.weights[bucket] = shared[bucket] ? total / time : SIMD8<Float>(repeating: 0)
        }
        return result
    }
}
