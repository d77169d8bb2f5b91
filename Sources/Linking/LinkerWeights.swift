// Written by `make linker-model` (glossa-train-linker); do not edit by hand.
extension LinkerModel {
    public static let trained = LinkerModel(weights: [
        -2.742, // bias
        0.923, // same kind
        1.092, // same kind: prior of the kind
        -1.829, // both statements or reports
        -0.304, // one a statement or report
        -0.12, // story cosine (article words, actors, figures)
        1.066, // cosine of the events' sentences
        0.886, // shared actors (rarity-weighted)
        2.224, // shared amount with a unit
        0.514, // shared bare count
        0.384, // same day or month
        0.898, // same year only
        -1.118, // dates disagree
        0.173, // article dates close (Gaussian, 10 days)
        -0.376, // article dates far apart
        0.116, // both reported in several sentences
        0.457, // same kind x story cosine
        0.687, // same kind x sentence cosine
        0.863, // story rank (1 / rank among the nearest articles)
        1.013, // one story (articles grouped by average linkage)
        1.517, // same kind in one story
        -0.353, // figures on both sides, none shared
        1.82, // same kind x shared actors
        -0.676, // same kind, several of it in one article
        0.723, // one story x sentence cosine
        -0.431, // actors on both sides, none shared
    ], threshold: 0.5)
}
