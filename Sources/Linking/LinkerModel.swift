import Foundation

/// The linker's pair model: a logistic regression over the features of two events (`names`), trained
/// by `make linker-model` (`glossa-train-linker`), so its probability is calibrated on the pairs it
/// was trained on: 0.8 means right about 8 times in 10.
public struct LinkerModel: Sendable, Equatable, Codable {
    public typealias Features = SIMD32<Double>

    /// The features of a pair of events, in the order of the weights.
    public enum Feature: Int, CaseIterable, Sendable {
        case bias, sameKind, kindPrior, bothFraming, oneFraming, storyCosine, sentenceCosine, sharedActors, sharedAmount
        case sharedCount, sameDayOrMonth, sameYearOnly, datesDisagree, articlesClose, articlesFarApart, severalSentences
        case sameKindTimesStory, sameKindTimesSentence, storyRank, oneStory, sameKindInOneStory, figuresDisagree
        case sameKindTimesActors, sameKindSeveralInArticle, oneStoryTimesSentence, actorsDisagree

        /// What it is, for people (the comments of the weights, the trainer's report).
        public var name: String {
            switch self {
            case .bias: return "bias"
            case .sameKind: return "same kind"
            case .kindPrior: return "same kind: prior of the kind"
            case .bothFraming: return "both statements or reports"
            case .oneFraming: return "one a statement or report"
            case .storyCosine: return "story cosine (article words, actors, figures)"
            case .sentenceCosine: return "cosine of the events' sentences"
            case .sharedActors: return "shared actors (rarity-weighted)"
            case .sharedAmount: return "shared amount with a unit"
            case .sharedCount: return "shared bare count"
            case .sameDayOrMonth: return "same day or month"
            case .sameYearOnly: return "same year only"
            case .datesDisagree: return "dates disagree"
            case .articlesClose: return "article dates close (Gaussian, 10 days)"
            case .articlesFarApart: return "article dates far apart"
            case .severalSentences: return "both reported in several sentences"
            case .sameKindTimesStory: return "same kind x story cosine"
            case .sameKindTimesSentence: return "same kind x sentence cosine"
            case .storyRank: return "story rank (1 / rank among the nearest articles)"
            case .oneStory: return "one story (articles grouped by average linkage)"
            case .sameKindInOneStory: return "same kind in one story"
            case .figuresDisagree: return "figures on both sides, none shared"
            case .sameKindTimesActors: return "same kind x shared actors"
            case .sameKindSeveralInArticle: return "same kind, several of it in one article"
            case .oneStoryTimesSentence: return "one story x sentence cosine"
            case .actorsDisagree: return "actors on both sides, none shared"
            }
        }
    }

    /// What each feature is, in order.
    public static let names = Feature.allCases.map(\.name)

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

extension SIMD32 where Scalar == Double {
    /// A pair's feature by name: `x[.sameKind]`.
    public subscript(_ feature: LinkerModel.Feature) -> Double {
        get { self[feature.rawValue] }
        set { self[feature.rawValue] = newValue }
    }
}
