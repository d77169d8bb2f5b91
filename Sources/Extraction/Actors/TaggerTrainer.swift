import Foundation
import GlossaCore

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
