// Written by `make linker-model` (glossa-train-linker); do not edit by hand.
extension LinkerModel {
    public static let trained = LinkerModel(weights: [
        -2.747, // bias
        0.927, // same kind
        1.095, // same kind: prior of the kind
        -1.836, // both statements or reports
        -0.302, // one a statement or report
        -0.136, // story cosine (article words, actors, figures)
        0.928, // cosine of the events' sentences
        0.913, // shared actors (rarity-weighted)
        2.232, // shared amount with a unit
        0.515, // shared bare count
        0.379, // same day or month
        0.899, // same year only
        -1.097, // dates disagree
        0.188, // article dates close (Gaussian, 10 days)
        -0.385, // article dates far apart
        0.123, // both reported in several sentences
        0.449, // same kind x story cosine
        0.65, // same kind x sentence cosine
        0.869, // story rank (1 / rank among the nearest articles)
        1.016, // one story (articles grouped by average linkage)
        1.528, // same kind in one story
        -0.355, // figures on both sides, none shared
        1.825, // same kind x shared actors
        -0.667, // same kind, several of it in one article
        0.625, // one story x sentence cosine
        -0.433, // actors on both sides, none shared
    ], threshold: 0.5)
}
