import Foundation

/// The linker's pair model: a logistic regression over the features of two events (`names`), trained
/// by `make linker-model` (`glossa-train-linker`), so its probability is calibrated on the pairs it
/// was trained on: 0.8 means right about 8 times in 10.
public struct LinkerModel: Sendable, Equatable, Codable {
    public typealias Features = SIMD32<Double>

    /// What each feature is, in order.
    public static let names = [
        "bias", "same kind", "same kind: prior of the kind", "both statements or reports", "one a statement or report",
        "story cosine (article words, actors, figures)", "cosine of the events' sentences", "shared actors (rarity-weighted)",
        "shared amount with a unit", "shared bare count", "same day or month", "same year only", "dates disagree",
        "article dates close (Gaussian, 10 days)", "article dates far apart", "both reported in several sentences",
        "same kind x story cosine", "same kind x sentence cosine", "story rank (1 / rank among the nearest articles)",
        "one story (articles grouped by average linkage)", "same kind in one story", "figures on both sides, none shared",
        "same kind x shared actors", "same kind, several of it in one article",
        "one story x sentence cosine", "actors on both sides, none shared",
    ]

    public var weights: [Double]
    /// The average probability a cluster must keep when it takes a new member.
    public var threshold: Double

    public init(weights: [Double], threshold: Double) {
        precondition(weights.count == Self.names.count, "one weight per feature")
        self.weights = weights
        self.threshold = threshold
    }

    /// The probability that the two events are one.
    public func probability(_ features: Features) -> Double {
        var sum = 0.0
        for index in 0..<Self.names.count { sum += weights[index] * features[index] }
        return 1 / (1 + exp(-sum))
    }

    /// A model from its JSON (`glossa-train-linker --json`), to try one without building Glossa again.
    public static func load(path: String) throws -> LinkerModel {
        try JSONDecoder().decode(LinkerModel.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
