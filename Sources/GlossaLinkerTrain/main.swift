import ArgumentParser
import Extraction
import Foundation
import GlossaCore
import Linking

/// `make linker-model`: trains the event linker's pair model (logistic regression) on libraries with
/// gold events and links, measures it on held-out ones, and writes its weights.
///
/// usage: glossa-train-linker --train TEXTS:GOLD:LINKS[:FIRST-LAST] ... [--holdout TEXTS:GOLD:LINKS[:FIRST-LAST] ...]
///        [--out FILE.swift] [--json FILE]
/// FIRST-LAST keeps the articles whose file names sort between the two (`d01.txt-d15.txt`).
/// Deterministic: the same data gives the same weights.

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("glossa-train-linker: \(message)\n".utf8))
    exit(2)
}

struct DataSet {
    var name: String
    var events: [LinkableEvent] = []
    /// Each event's sentences, parallel to `events`.
    var spans: [[TextSpan]] = []
    /// Gold events: (article, id) → its sentences.
    var gold: [String: [TextSpan]] = [:]
    /// Gold cross-article pairs of gold event keys (`article#id`), each as "a|b" with a < b.
    var pairs: Set<String> = []
    /// The articles with gold events.
    var annotated: Set<String> = []

    /// Whether a pair of events can be judged (both articles have gold events).
    func judged(_ a: Int, _ b: Int) -> Bool { annotated.contains(events[a].article) && annotated.contains(events[b].article) }

    init(_ spec: String) {
        let parts = spec.split(separator: ":").map(String.init)
        guard parts.count >= 3 else { fail("a set is TEXTS:GOLD:LINKS[:FIRST-LAST], not \(spec)") }
        name = spec
        let range = parts.count > 3 ? parts[3].split(separator: "-").map(String.init) : []
        func wanted(_ file: String) -> Bool {
            range.count < 2 || (file >= range[0] && file <= range[1])
        }
        let decoder = JSONDecoder()
        struct GoldFile: Decodable {
            struct Event: Decodable { let id: String; let mentions: [Mention] }
            struct Mention: Decodable { let start: Int; let end: Int }
            let article: String
            let events: [Event]
        }
        struct Cluster: Decodable {
            struct Member: Decodable { let article: String; let event_id: String }
            let members: [Member]
        }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: parts[1])) ?? []
        for file in files.sorted() where file.hasSuffix(".json") && file != "links.json" {
            guard let data = FileManager.default.contents(atPath: parts[1] + "/" + file),
                  let gold = try? decoder.decode(GoldFile.self, from: data), wanted(gold.article) else { continue }
            for event in gold.events {
                self.gold[gold.article + "#" + event.id] = event.mentions.map { TextSpan(start: $0.start, end: $0.end) }
            }
        }
        let library: Library
        do { library = try LibraryLoader.load(directory: parts[0]) } catch { fail("\(parts[0]): \(error)") }
        // Pairs with an article without gold events are neither right nor wrong (but the article is linked).
        annotated = Set(gold.keys.map { String($0.split(separator: "#")[0]) })
        for article in library.articles where wanted(article.path) {
            let extraction = Extractor.extract(article)
            guard let prepared = LibraryEvents.articleEvents(article, extraction) else { continue }
            events += prepared.linkable
            spans += prepared.events.map(\.mentions)
        }
        guard let data = FileManager.default.contents(atPath: parts[2]), let clusters = try? decoder.decode([Cluster].self, from: data) else {
            fail("cannot read the links \(parts[2])")
        }
        for cluster in clusters {
            let members = cluster.members.filter { wanted($0.article) }.map { $0.article + "#" + $0.event_id }
            for (index, first) in members.enumerated() {
                for second in members[(index + 1)...] where first.split(separator: "#")[0] != second.split(separator: "#")[0] {
                    pairs.insert(min(first, second) + "|" + max(first, second))
                }
            }
        }
    }

    /// The gold events whose sentences overlap one of the spans.
    func hits(_ article: String, _ spans: [TextSpan]) -> [String] {
        gold.filter { key, mentions in
            key.hasPrefix(article + "#") && mentions.contains { mention in spans.contains { $0.overlaps(mention) } }
        }.keys.sorted()
    }

    /// The gold pairs two events report (by any of their sentences).
    func goldPairs(_ a: Int, _ b: Int, last: Bool = false) -> [String] {
        let left = hits(events[a].article, last ? Array(spans[a].suffix(1)) : spans[a])
        let right = hits(events[b].article, last ? Array(spans[b].suffix(1)) : spans[b])
        var found: [String] = []
        for x in left {
            for y in right where pairs.contains(min(x, y) + "|" + max(x, y)) { found.append(min(x, y) + "|" + max(x, y)) }
        }
        return found
    }

    /// Pair precision and recall of the clusters, as `score_links.py` counts them (an event is its
    /// last sentence there, as `glossa events --json` lists it).
    func score(_ clusters: [EventCluster]) -> (precision: Double, recall: Double, predicted: Int) {
        let index = Dictionary(events.enumerated().map { ($1.reference, $0) }, uniquingKeysWith: { first, _ in first })
        var right = 0, wrong = 0
        var found: Set<String> = []
        for cluster in clusters {
            let members = cluster.members.compactMap { index[$0] }
            for (position, a) in members.enumerated() {
                for b in members[(position + 1)...] where judged(a, b) {
                    let hits = goldPairs(a, b, last: true)
                    if hits.isEmpty { wrong += 1 } else { right += 1; found.formUnion(hits) }
                }
            }
        }
        let precision = right + wrong == 0 ? 0 : Double(right) / Double(right + wrong)
        return (precision, pairs.isEmpty ? 0 : Double(found.count) / Double(pairs.count), right + wrong)
    }
}

/// The options.
struct GlossaTrainLinker: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "glossa-train-linker",
                                                    abstract: "Train the event linker's pair model on libraries with gold links.")

    @Option(help: "A training set: TEXTS:GOLD:LINKS[:FIRST-LAST] (FIRST-LAST keeps the files whose names sort between them).")
    var train: [String] = []
    @Option(help: "A set to measure only, in the same form.")
    var holdout: [String] = []
    @Option(help: "Write the weights as Swift source here (Sources/Linking/LinkerWeights.swift).")
    var out: String?
    @Option(help: "Write the model as JSON here (for glossa events --linker-model).")
    var json: String?
    @Flag(help: "Every gold pair with the best probability it got, the stories, and the wrong links.")
    var verbose = false
    @Option(help: "The L2 penalty.")
    var lambda = 1.0
    @Option(name: .customLong("min-precision"), help: "With --select-threshold: the training precision a threshold must keep.")
    var minimumPrecision = 0.9
    @Option(help: "The average probability a cluster must keep.")
    var threshold = 0.5
    @Flag(name: .customLong("select-threshold"), help: "Choose the threshold by training F1 instead.")
    var selectThreshold = false
    @Option(help: "ARTICLE#EVENT,ARTICLE#EVENT: the features and probability of one pair.")
    var explain: [String] = []
}

let options = GlossaTrainLinker.parseOrExit()
let trainSpecs = options.train, holdoutSpecs = options.holdout
let output = options.out, jsonOutput = options.json, verbose = options.verbose, lambda = options.lambda
let minimumPrecision = options.minimumPrecision, explain = options.explain
let fixedThreshold: Double? = options.selectThreshold ? nil : options.threshold
guard !trainSpecs.isEmpty else { fail("no --train set") }

let trainSets = trainSpecs.map(DataSet.init)
let holdoutSets = holdoutSpecs.map(DataSet.init)
let base = EventLinker()

// Examples: every pair the linker compares, labelled by the gold links.
var examples: [(LinkerModel.Features, Double)] = []
for set in trainSets {
    let compared = base.comparedPairs(set.events)
    var covered: Set<String> = []
    var positives = 0
    for pair in compared where set.judged(pair.first, pair.second) {
        let gold = set.goldPairs(pair.first, pair.second)
        covered.formUnion(gold)
        if !gold.isEmpty { positives += 1 }
        examples.append((pair.features, gold.isEmpty ? 0 : 1))
    }
    print("\(set.name): \(set.events.count) events, \(compared.count) pairs compared, \(positives) of them linked; "
        + "gold pairs reachable \(covered.count) of \(set.pairs.count)")
}

// Logistic regression by Newton's method (L2 on all but the bias): exact and deterministic. The penalty
// pulls each weight towards a prior, 0 except for evidence too rare in the data to be learned from it
// alone: the same amount with a unit in two reports of one kind (`1,5 Milliarden Dollar`) is all but
// unique, yet the training set has a handful of such pairs.
let count = LinkerModel.names.count
var prior = [Double](repeating: 0, count: count)
prior[LinkerModel.Feature.sharedAmount.rawValue] = 2
var weights = [Double](repeating: 0, count: count)
for _ in 0..<30 {
    var gradient = [Double](repeating: 0, count: count)
    var hessian = [[Double]](repeating: [Double](repeating: 0, count: count), count: count)
    for (x, y) in examples {
        var sum = 0.0
        for index in 0..<count { sum += weights[index] * x[index] }
        let p = 1 / (1 + exp(-sum))
        for i in 0..<count {
            gradient[i] += (p - y) * x[i]
            for j in 0..<count { hessian[i][j] += p * (1 - p) * x[i] * x[j] }
        }
    }
    for i in 1..<count {
        gradient[i] += lambda * (weights[i] - prior[i])
        hessian[i][i] += lambda
    }
    hessian[0][0] += 1e-6
    // Solve hessian · step = gradient (Gaussian elimination with partial pivoting).
    var matrix = hessian
    var vector = gradient
    for column in 0..<count {
        let pivot = (column..<count).max { abs(matrix[$0][column]) < abs(matrix[$1][column]) }!
        matrix.swapAt(column, pivot)
        vector.swapAt(column, pivot)
        guard abs(matrix[column][column]) > 1e-12 else { continue }
        for row in (column + 1)..<count {
            let factor = matrix[row][column] / matrix[column][column]
            for k in column..<count { matrix[row][k] -= factor * matrix[column][k] }
            vector[row] -= factor * vector[column]
        }
    }
    var step = [Double](repeating: 0, count: count)
    for row in stride(from: count - 1, through: 0, by: -1) {
        var sum = vector[row]
        for k in (row + 1)..<count { sum -= matrix[row][k] * step[k] }
        step[row] = abs(matrix[row][row]) > 1e-12 ? sum / matrix[row][row] : 0
    }
    for index in 0..<count { weights[index] -= step[index] }
}
weights = weights.map { ($0 * 1000).rounded() / 1000 }
for (name, weight) in zip(LinkerModel.names, weights) { print(String(format: "  %+7.3f  %@", weight, name)) }

// Calibration on the training pairs: predicted probability against how often such pairs are linked.
var model = LinkerModel(weights: weights, threshold: 0.5)
var bins = [(Double, Double, Int)](repeating: (0, 0, 0), count: 5)
for (x, y) in examples {
    let p = model.probability(x)
    let bin = min(4, Int(p * 5))
    bins[bin].0 += p
    bins[bin].1 += y
    bins[bin].2 += 1
}
for (index, bin) in bins.enumerated() where bin.2 > 0 {
    print(String(format: "  calibration %.1f-%.1f: %5d pairs, mean p %.2f, linked %.2f", Double(index) / 5, Double(index + 1) / 5,
                 bin.2, bin.0 / Double(bin.2), bin.1 / Double(bin.2)))
}

// The cluster threshold: the best training F1 among thresholds whose training precision is ≥ --min-precision.
func evaluate(_ sets: [DataSet], _ model: LinkerModel) -> (Double, Double) {
    var precision = 0.0, recall = 0.0, weight = 0.0
    for set in sets {
        let result = set.score(EventLinker(model: model).clusters(set.events))
        let pairs = Double(max(1, set.pairs.count))
        precision += result.precision * pairs
        recall += result.recall * pairs
        weight += pairs
    }
    return (precision / weight, recall / weight)
}
var sweep: [(threshold: Double, f1: Double)] = []
for step in 6...16 {
    var candidate = model
    candidate.threshold = Double(step) * 0.05
    let (p, r) = evaluate(trainSets, candidate)
    let f1 = p + r == 0 ? 0 : 2 * p * r / (p + r)
    var line = String(format: "  threshold %.2f: train P %.3f R %.3f", candidate.threshold, p, r)
    if !holdoutSets.isEmpty {
        let (hp, hr) = evaluate(holdoutSets, candidate)
        line += String(format: " · held out P %.3f R %.3f", hp, hr)
    }
    print(line)
    sweep.append((candidate.threshold, p >= minimumPrecision ? f1 : -1))
}
// The middle of the run of thresholds with the best F1: the widest margin on either side.
let bestF1 = sweep.map(\.f1).max() ?? -1
let first = sweep.firstIndex { abs($0.f1 - bestF1) < 1e-9 } ?? 0
var last = first
while last + 1 < sweep.count, abs(sweep[last + 1].f1 - bestF1) < 1e-9 { last += 1 }
let best = (threshold: sweep[(first + last) / 2].threshold, f1: bestF1)
model.threshold = fixedThreshold ?? best.threshold
print(String(format: "threshold %.2f", model.threshold))
for set in trainSets + holdoutSets {
    let result = set.score(EventLinker(model: model).clusters(set.events))
    print(String(format: "%@: links_p=%.3f links_r=%.3f (%d pairs predicted)", set.name, result.precision, result.recall, result.predicted))
    guard verbose else { continue }
    let threads = set.pairs.map { $0.split(separator: "|").map { String($0.split(separator: "#")[0]) } }
    for pair in EventLinker(model: model).storyNeighbours(set.events).sorted(by: { $0.cosine > $1.cosine }) {
        let same = threads.contains { $0.contains(pair.left) && $0.contains(pair.right) }
        print(String(format: "   story %@ %@ %.3f rank %d %@", pair.left, pair.right, pair.cosine, pair.rank, same ? "SAME" : ""))
    }
    // Each gold pair: the best probability of a compared pair that reports it, and whether it was found.
    let linker = EventLinker(model: model)
    let clusters = linker.clusters(set.events)
    var clusterOf: [EventReference: Int] = [:]
    for (index, cluster) in clusters.enumerated() { for member in cluster.members { clusterOf[member] = index } }
    var best: [String: (Double, String)] = [:]
    for pair in linker.comparedPairs(set.events) {
        let p = model.probability(pair.features)
        let (a, b) = (set.events[pair.first], set.events[pair.second])
        let together = clusterOf[a.reference] != nil && clusterOf[a.reference] == clusterOf[b.reference]
        for gold in set.goldPairs(pair.first, pair.second, last: true) where (best[gold]?.0 ?? -1) < p || together {
            if best[gold]?.1.hasPrefix("FOUND") == true, !together { continue }
            let f = pair.features
            func v(_ feature: LinkerModel.Feature) -> Double { f[feature] }
            let detail = String(format: "%@ %.2f %@/%@ ~ %@/%@ story %.2f words %.2f actors %.2f dates %.0f%.0f%.0f close %.2f rank %.2f",
                                together ? "FOUND" : "missed", p, a.article, a.id, b.article, b.id, v(.storyCosine), v(.sentenceCosine),
                                v(.sharedActors), v(.sameDayOrMonth), v(.sameYearOnly), v(.datesDisagree), v(.articlesClose), v(.storyRank))
            best[gold] = (p, detail)
        }
    }
    for gold in set.pairs.sorted() { print("   \(gold): \(best[gold]?.1 ?? "never compared")") }
    for cluster in clusters {
        let wrong = cluster.members.enumerated().flatMap { position, x in cluster.members[(position + 1)...].map { (x, $0) } }
            .filter { x, y in set.goldPairs(set.events.firstIndex { $0.reference == x }!, set.events.firstIndex { $0.reference == y }!, last: true).isEmpty }
        for (x, y) in wrong { print("   WRONG \(x.article)/\(x.event) ~ \(y.article)/\(y.event) (\(cluster.confidence))") }
    }
}

// `--explain ARTICLE#EVENT,ARTICLE#EVENT`: the features and probability of one pair, if it is compared.
for request in explain {
    let sides = request.split(separator: ",").map { $0.split(separator: "#").map(String.init) }
    guard sides.count == 2, sides.allSatisfy({ $0.count == 2 }) else { fail("--explain wants ARTICLE#EVENT,ARTICLE#EVENT") }
    for set in trainSets + holdoutSets {
        guard let a = set.events.firstIndex(where: { $0.article == sides[0][0] && $0.id == sides[0][1] }),
              let b = set.events.firstIndex(where: { $0.article == sides[1][0] && $0.id == sides[1][1] }) else { continue }
        guard let pair = EventLinker(model: model).comparedPairs(set.events).first(where: { [$0.first, $0.second] == [min(a, b), max(a, b)] }) else {
            print("\(request): not compared (not neighbouring stories, or nothing to show as a reason, or impossible dates)")
            continue
        }
        print(String(format: "%@: probability %.3f", request, model.probability(pair.features)))
        for feature in LinkerModel.Feature.allCases where pair.features[feature] != 0 {
            print(String(format: "  %6.3f × %+6.3f  %@", pair.features[feature], weights[feature.rawValue], feature.name))
        }
    }
}

if let output {
    let lines = zip(weights, LinkerModel.names).map { weight, name in "        \(weight), // \(name)" }
    let source = """
    // Written by `make linker-model` (glossa-train-linker); do not edit by hand.
    extension LinkerModel {
        public static let trained = LinkerModel(weights: [
    \(lines.joined(separator: "\n"))
        ], threshold: \(model.threshold))
    }

    """
    do { try source.write(toFile: output, atomically: true, encoding: .utf8) } catch { fail("cannot write \(output): \(error)") }
}
if let jsonOutput {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    do { try encoder.encode(model).write(to: URL(fileURLWithPath: jsonOutput)) } catch { fail("cannot write \(jsonOutput): \(error)") }
}
