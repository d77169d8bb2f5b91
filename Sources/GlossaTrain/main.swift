import Extraction
import Foundation
import GlossaCore

/// `make model`: trains the actor tagger (averaged perceptron) and writes its weights.
///
/// It trains on the corpora packed in the repository (`Tools/ner/data`, see `Tools/ner/pack.py`): each
/// `--corpus FILE[:WEIGHT]` is a JSON Lines file of sentences (`tokens`, `spans` as
/// `[start_token, end_token, type]`). A weight below 1 trains on that share of the corpus's sentences
/// each epoch (a fixed, seeded draw), above 1 on that many copies. `--measure NAME=FILE[:GENRE]` scores
/// the model on sentences it never trains on (GermEval style JSON Lines), as `score.py ner` counts:
/// exact span and type over PER/ORG/LOC with part=false, predictions of ignored spans not counted.
/// `--germeval-validation FILE` writes GermEval 2014 dev's validation part (sentence numbers divisible
/// by 5) to `--validation-out` for `make score`, and measures it.
struct Options {
    var corpora: [(path: String, weight: Double)] = []
    var measures: [(name: String, path: String, genre: String?)] = []
    var germevalValidation: String?
    var gold: String?
    var texts = "Articles"
    var output = "Sources/Extraction/Resources/ner-model.bin"
    var validationOutput: String?
    var epochs = 12
    var bits = 18
    var seed: UInt64 = 2014
    var augment = 2
    /// Historic corpora get their own copy of the features (`--no-adapt`: they share them with news).
    var adapt = true
    /// The model keeps this many rows at most (CompactWeights numbers rows with 16 bits).
    var rows = 65_000
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("glossa-train: \(message)\n".utf8))
    exit(2)
}

var options = Options()
var arguments = Array(CommandLine.arguments.dropFirst())
while !arguments.isEmpty {
    let flag = arguments.removeFirst()
    func value() -> String {
        guard !arguments.isEmpty else { fail("\(flag) needs a value") }
        return arguments.removeFirst()
    }
    switch flag {
    case "--corpus":
        let parts = value().split(separator: ":", maxSplits: 1).map(String.init)
        guard let path = parts.first else { fail("--corpus needs FILE[:WEIGHT]") }
        let weight = parts.count > 1 ? Double(parts[1]) : 1
        guard let weight, weight > 0 else { fail("--corpus \(path): the weight must be a number above 0") }
        options.corpora.append((path, weight))
    case "--measure":
        let spec = value()
        guard let equals = spec.firstIndex(of: "=") else { fail("--measure needs NAME=FILE[:GENRE]") }
        let parts = spec[spec.index(after: equals)...].split(separator: ":", maxSplits: 1).map(String.init)
        options.measures.append((String(spec[..<equals]), parts[0], parts.count > 1 ? parts[1] : nil))
    case "--germeval-validation": options.germevalValidation = value()
    case "--gold": options.gold = value()
    case "--texts": options.texts = value()
    case "--out": options.output = value()
    case "--validation-out": options.validationOutput = value()
    case "--epochs": options.epochs = Int(value()) ?? options.epochs
    case "--bits": options.bits = Int(value()) ?? options.bits
    case "--seed": options.seed = UInt64(value()) ?? options.seed
    case "--augment": options.augment = Int(value()) ?? options.augment
    case "--no-adapt": options.adapt = false
    case "--rows": options.rows = min(65_000, Int(value()) ?? options.rows)
    case "-h", "--help":
        print("""
        usage: glossa-train --corpus FILE[:WEIGHT]... [--measure NAME=FILE[:GENRE]]... [--germeval-validation FILE --validation-out FILE]
                            [--gold DIR --texts DIR] [--out FILE] [--epochs N] [--bits N] [--seed N] [--augment N] [--no-adapt] [--rows N]
        """)
        exit(0)
    default: fail("unknown option \(flag)")
    }
}
guard !options.corpora.isEmpty else { fail("no --corpus to train on (make model names them)") }

// MARK: - Data

/// One sentence of a JSON Lines corpus: spans either packed (`[start, end, type(, "part")]`) or as
/// GermEval objects (`start_token`, `end_token`, `type`, `part`).
func sentence(_ object: [String: Any]) -> TrainingText? {
    guard let tokens = object["tokens"] as? [String] else { return nil }
    var offsets: [(Int, Int)] = []
    var position = 0
    for token in tokens {
        let length = token.unicodeScalars.count
        offsets.append((position, position + length))
        position += length + 1
    }
    var names: [TrainingText.Name] = []
    var ignored: [TextSpan] = []
    for raw in object["spans"] as? [Any] ?? [] {
        let first: Int?, last: Int?, type: String?, part: Bool
        if let packed = raw as? [Any] {
            first = packed.count > 2 ? packed[0] as? Int : nil
            last = packed.count > 2 ? packed[1] as? Int : nil
            type = packed.count > 2 ? packed[2] as? String : nil
            part = packed.count > 3
        } else if let span = raw as? [String: Any] {
            first = span["start_token"] as? Int
            last = span["end_token"] as? Int
            type = span["type"] as? String
            part = span["part"] as? Bool == true
        } else {
            continue
        }
        guard let first, let last, first >= 0, first < last, last <= offsets.count else { continue }
        let textSpan = TextSpan(start: offsets[first].0, end: offsets[last - 1].1)
        if let type = ActorType(code: type ?? ""), !part {
            names.append(.init(span: textSpan, type: type))
        } else {
            ignored.append(textSpan)
        }
    }
    return TrainingText(text: tokens.joined(separator: " "), names: names, ignored: ignored, genre: object["genre"] as? String ?? "")
}

/// The sentences of a JSON Lines file, each with its line.
func readCorpus(_ path: String) -> [(text: TrainingText, object: [String: Any], line: Substring)] {
    guard let content = try? String(contentsOfFile: path, encoding: .utf8) else { fail("cannot read \(path)") }
    return content.split(separator: "\n").compactMap { line in
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let text = sentence(object) else { return nil }
        return (text, object, line)
    }
}

var corpora: [(texts: [TrainingText], weight: Double)] = []
for corpus in options.corpora {
    let texts = readCorpus(corpus.path).map(\.text)
    print("corpus \(corpus.path): \(texts.count) sentences, weight \(corpus.weight)")
    corpora.append((texts, corpus.weight))
}
var measureSets: [(name: String, texts: [TrainingText])] = []
if let path = options.germevalValidation {
    let validation = readCorpus(path).filter { item in
        (item.object["id"] as? String).flatMap { Int($0.split(separator: "-").last ?? "") }.map { $0 % 5 == 0 } ?? false
    }
    measureSets.append(("germeval-validation news", validation.map(\.text).filter { $0.genre == "news" }))
    measureSets.append(("germeval-validation wikipedia", validation.map(\.text).filter { $0.genre == "wikipedia" }))
    if let out = options.validationOutput {
        do {
            try (validation.map { String($0.line) }.joined(separator: "\n") + "\n").write(toFile: out, atomically: true, encoding: .utf8)
            print("wrote the validation part (\(validation.count) sentences) to \(out)")
        } catch {
            fail("cannot write \(out): \(error)")
        }
    }
}
for measure in options.measures {
    let texts = readCorpus(measure.path).map(\.text).filter { measure.genre == nil || $0.genre == measure.genre }
    measureSets.append((measure.name, texts))
}

var articles: [TrainingText] = []
if let goldDirectory = options.gold {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: goldDirectory)) ?? []
    for file in files.sorted() where file.hasSuffix(".json") {
        guard let data = FileManager.default.contents(atPath: goldDirectory + "/" + file),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let article = object["article"] as? String,
              let text = try? String(contentsOfFile: options.texts + "/" + article, encoding: .utf8) else { continue }
        var names: [TrainingText.Name] = []
        var ignored: [TextSpan] = []
        for actor in object["actors"] as? [[String: Any]] ?? [] {
            guard let start = actor["start"] as? Int, let end = actor["end"] as? Int,
                  let type = ActorType(code: actor["type"] as? String ?? "") else { continue }
            if actor["part"] as? Bool == true {
                ignored.append(TextSpan(start: start, end: end))
            } else {
                names.append(.init(span: TextSpan(start: start, end: end), type: type))
            }
        }
        articles.append(TrainingText(text: text, names: names, ignored: ignored, genre: "gold", article: true))
    }
    print("gold articles: \(articles.count)")
}

let gazetteer = Gazetteer.standard
print("gazetteer: \(gazetteer.entries.count) entries")

// Names are swapped in copies of the modern sentences only: the historic corpora are large enough.
let modern = corpora.flatMap(\.texts).filter { $0.genre == "news" || $0.genre == "wikipedia" } + articles
let firstNames = gazetteer.firstNameList
let pools = NamePools(training: modern, gazetteer: gazetteer, firstNames: firstNames)
var augmentRandom = SplitMix64(state: options.seed &+ 1)
var augmented: [TrainingText] = []
for _ in 0..<options.augment {
    for text in modern { if let copy = pools.augment(text, random: &augmentRandom) { augmented.append(copy) } }
}
print("augmented copies (names swapped): \(augmented.count)")

var skipped = 0
/// Each corpus's prepared sentences with its weight; the articles and copies weigh 1.
var weighted: [(examples: [TrainingText.Prepared], weight: Double)] = []
for corpus in corpora + [(articles + augmented, 1.0)] {
    let prepared = corpus.texts.map { $0.prepare(gazetteer: gazetteer) }
    skipped += prepared.filter { $0 == nil }.count
    weighted.append((prepared.compactMap { $0 }, corpus.weight))
}
print("texts whose names do not fall on token boundaries (left out): \(skipped)")

// MARK: - Training

var trainer = TaggerTrainer(bits: options.bits)
let extractor = FeatureExtractor(bits: options.bits)
var random = SplitMix64(state: options.seed)
for epoch in 1...options.epochs {
    // This epoch's examples: every corpus by its weight (a share drawn anew each epoch, or copies).
    var epochExamples: [TrainingText.Prepared] = []
    for corpus in weighted {
        var weight = corpus.weight
        while weight >= 1 {
            epochExamples += corpus.examples
            weight -= 1
        }
        if weight > 0 {
            let threshold = UInt64(weight * Double(UInt64.max >> 11)) << 11
            epochExamples += corpus.examples.filter { _ in random.next() < threshold }
        }
    }
    epochExamples.shuffle(using: &random)
    var errors = 0
    for example in epochExamples {
        extractor.domain = options.adapt ? example.domain : 0
        for (segment, gold) in zip(example.segments, example.labels) {
            errors += trainer.train(example.tokens, segment, gold: gold, extractor: extractor)
        }
    }
    print("epoch \(epoch): \(epochExamples.count) texts, \(errors) token errors")
}
extractor.domain = 0
var model = trainer.averaged()
model.keepStrongestRows(options.rows)
print("rows kept: at most \(options.rows)")

// MARK: - Validation (exact span and type, part=false; matches of ignored spans not counted)

let recognizer = ActorRecognizer(model: model, gazetteer: gazetteer)
for set in measureSets {
    var counts: [ActorType: (tp: Int, predicted: Int, gold: Int)] = [:]
    for item in set.texts {
        let extraction = Extractor.extract(text: item.text, reference: nil, options: ExtractionOptions(recognizer: recognizer))
        let gold = Set(item.names.map { "\($0.span.start):\($0.span.end):\($0.type)" })
        let ignored = Set(item.ignored)
        for name in item.names { counts[name.type, default: (0, 0, 0)].gold += 1 }
        for actor in extraction.actors where !ignored.contains(actor.span) {
            counts[actor.type, default: (0, 0, 0)].predicted += 1
            if gold.contains("\(actor.span.start):\(actor.span.end):\(actor.type)") { counts[actor.type, default: (0, 0, 0)].tp += 1 }
        }
    }
    func f1(_ count: (tp: Int, predicted: Int, gold: Int)) -> Double {
        let precision = Double(count.tp) / Double(max(count.predicted, 1)), recall = Double(count.tp) / Double(max(count.gold, 1))
        return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    }
    let total = counts.values.reduce((tp: 0, predicted: 0, gold: 0)) { ($0.tp + $1.tp, $0.predicted + $1.predicted, $0.gold + $1.gold) }
    let perType = [ActorType.person, .organization, .place].map { String(format: "%@ %.3f", $0.code, f1(counts[$0] ?? (0, 0, 0))) }
    print(String(format: "measured %@: F1 %.3f (%@; %d sentences, %d names)", set.name, f1(total), perType.joined(separator: ", "),
                 set.texts.count, total.gold))
}

let data = model.serialized()
do {
    try data.write(to: URL(fileURLWithPath: options.output))
    print("wrote \(options.output) (\(data.count / 1024) KiB)")
} catch {
    fail("cannot write: \(error)")
}
