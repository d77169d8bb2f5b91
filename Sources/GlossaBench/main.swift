import Extraction
import Foundation
import GlossaCore
import Linking

/// `make bench`: speed figures on a deterministic corpus, one per line, then all as key=value.
let arguments = CommandLine.arguments
let seedsDirectory = arguments.count > 1 ? arguments[1] : "Articles"
let articleCount = arguments.count > 2 ? Int(arguments[2]) ?? 10_000 : 10_000

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func report(_ key: String, _ value: Double, _ what: String, digits: Int = 2) -> String {
    let text = String(format: "%.\(digits)f", value)
    print("\(what): \(text)")
    return "\(key)=\(text)"
}

let seeds: [String]
do {
    let library = try LibraryLoader.load(directory: seedsDirectory)
    seeds = library.articles.map(\.text)
} catch {
    FileHandle.standardError.write(Data("glossa-bench: \(error)\n".utf8))
    exit(1)
}
guard !seeds.isEmpty else {
    FileHandle.standardError.write(Data("glossa-bench: no seed articles in \(seedsDirectory)\n".utf8))
    exit(1)
}

var generator = CorpusGenerator(seeds: seeds)
let corpus = generator.articles(articleCount)
let corpusBytes = corpus.reduce(0) { $0 + $1.utf8.count }
let corpusMB = Double(corpusBytes) / 1_000_000
var figures: [String] = []
print("corpus: \(articleCount) articles generated from \(seeds.count) seeds in \(seedsDirectory)")
figures.append(report("corpus_mb", corpusMB, "corpus size (MB)"))

// Loading the actor model and name lists (first use in a process).
let loadStart = now()
_ = TaggerModel.standard
print(String(format: "model weights: %.1f ms", (now() - loadStart) * 1000))
let recognizer = ActorRecognizer()
let loadSeconds = now() - loadStart
print("actor lists: \(recognizer.gazetteer.entries.count) entries; model: \(recognizer.model == nil ? "missing" : "loaded")")
figures.append(report("model_load_ms", loadSeconds * 1000, "actor model and lists load time (ms)", digits: 1))

// Extraction on one core: sentences, numbers and actors of every article, best of three runs.
var best = Double.infinity
var found = 0
var linkable: [LinkableEvent] = []
for run in 0..<3 {
    let start = now()
    var count = 0
    for (index, text) in corpus.enumerated() {
        let (_, extraction) = Extractor.article(path: "bench.txt", text: text)
        count += extraction.sentences.count + extraction.numbers.count + extraction.actors.count
        if run == 0 { linkable += LibraryEvents.linkable("article-\(index).txt", extraction) }
    }
    best = min(best, now() - start)
    found = count
}
print("extracted: \(found) sentences, numbers and actors")
figures.append(report("extract_s", best, "extraction time, one core (s)", digits: 3))
figures.append(report("extract_mb_s", corpusMB / best, "extraction throughput, one core (MB/s)"))
// Linking events across articles at growing library sizes (50k: the 10k events five times, as other articles).
print("events: \(linkable.count) in \(articleCount) articles")
let perArticle = Dictionary(grouping: linkable, by: \.article)
for size in [1_000, 5_000, 10_000, 50_000] {
    var events: [LinkableEvent] = []
    for copy in 0..<max(1, size / max(1, articleCount)) {
        for index in 0..<min(size, articleCount) {
            for var event in perArticle["article-\(index).txt"] ?? [] {
                event.article = "copy\(copy)-" + event.article
                events.append(event)
            }
        }
    }
    let start = now()
    let clusters = EventLinker().clusters(events)
    let seconds = now() - start
    let name = size >= 1_000 ? "\(size / 1_000)k" : "\(size)"
    print("linked \(events.count) events of \(size) articles: \(clusters.count) clusters")
    figures.append(report("link_s_\(name)", seconds, "linking time, \(size) articles (s)", digits: 3))
}
print(figures.joined(separator: " "))
