// Written by `make linker-model` (glossa-train-linker); do not edit by hand.
extension LinkerModel {
    public static let trained = LinkerModel(weights: [
        -3.347, // bias
        0.748, // same kind
        0.977, // same kind: prior of the kind
        -1.978, // both statements or reports
        -0.329, // one a statement or report
        -0.421, // story cosine (article words, actors, figures)
        0.922, // cosine of the events' sentences
        1.066, // shared actors (rarity-weighted)
        0.114, // shared amount with a unit
        0.399, // shared bare count
        0.485, // same day or month
        0.519, // same year only
        -1.216, // dates disagree
        0.26, // article dates close (Gaussian, 10 days)
        -0.148, // article dates far apart
        0.153, // both reported in several sentences
        0.19, // same kind x story cosine
        0.541, // same kind x sentence cosine
        0.703, // story rank (1 / rank among the nearest articles)
        1.461, // one story (articles grouped by average linkage)
        1.796, // same kind in one story
        -0.365, // figures on both sides, none shared
        1.874, // same kind x shared actors
        -0.691, // same kind, several of it in one article
        0.817, // one story x sentence cosine
    ], threshold: 0.5)
}
