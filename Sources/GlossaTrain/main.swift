import Extraction
import Foundation
import GlossaCore

/// `make model`: trains the actor tagger (averaged perceptron) and writes its weights.
///
/// GermEval 2014 dev is split by a fixed rule on the sentence number: numbers divisible by 5 are the
/// validation part (20 %) and are never trained on. The gold articles are added to the training part
/// unless `--no-gold` is given (to measure the gold articles as unseen text).
struct Options {
    var germeval = "../shared/data/germeval2014_dev.jsonl"
    var gold: String? = "../shared/gold"
    var texts = "Articles"
    var output = "Sources/Extraction/Resources/ner-model.bin"
    var validationOutput: String?
    var epochs = 12
    var bits = 18
    var seed: UInt64 = 2014
    var augment = 2
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
    case "--germeval": options.germeval = value()
    case "--gold": options.gold = value()
    case "--no-gold": options.gold = nil
    case "--texts": options.texts = value()
    case "--out": options.output = value()
    case "--validation-out": options.validationOutput = value()
    case "--epochs": options.epochs = Int(value()) ?? options.epochs
    case "--bits": options.bits = Int(value()) ?? options.bits
    case "--seed": options.seed = UInt64(value()) ?? options.seed
    case "--augment": options.augment = Int(value()) ?? options.augment
    case "-h", "--help":
        print("usage: glossa-train [--germeval FILE] [--gold DIR | --no-gold] [--texts DIR] [--out FILE] [--validation-out FILE] [--epochs N] [--bits N]")
        exit(0)
    default: fail("unknown option \(flag)")
    }
}

// MARK: - Data

var trainingSet: [TrainingText] = []
var validationSet: [TrainingText] = []
var validationLines: [String] = []
var skipped = 0

guard let germeval = try? String(contentsOfFile: options.germeval, encoding: .utf8) else {
    fail("cannot read \(options.germeval)")
}
for line in germeval.split(separator: "\n") {
    guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
          let id = object["id"] as? String, let tokens = object["tokens"] as? [String],
          let number = Int(id.split(separator: "-").last ?? "") else { continue }
    let validation = number % 5 == 0
    var offsets: [(Int, Int)] = []
    var position = 0
    for token in tokens {
        let length = token.unicodeScalars.count
        offsets.append((position, position + length))
        position += length + 1
    }
    var names: [TrainingText.Name] = []
    var ignored: [TextSpan] = []
    for span in object["spans"] as? [[String: Any]] ?? [] {
        guard let first = span["start_token"] as? Int, let last = span["end_token"] as? Int,
              first >= 0, first < last, last <= offsets.count else { continue }
        let textSpan = TextSpan(start: offsets[first].0, end: offsets[last - 1].1)
        if let type = ActorType(code: span["type"] as? String ?? ""), span["part"] as? Bool != true {
            names.append(.init(span: textSpan, type: type))
        } else {
            ignored.append(textSpan)
        }
    }
    let text = TrainingText(text: tokens.joined(separator: " "), names: names, ignored: ignored,
                            genre: object["genre"] as? String ?? "")
    if validation {
        validationSet.append(text)
        validationLines.append(String(line))
    } else {
        trainingSet.append(text)
    }
}

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
        trainingSet.append(TrainingText(text: text, names: names, ignored: ignored, genre: "gold", article: true))
    }
}

let gazetteer = Gazetteer.standard
print("training texts: \(trainingSet.count), validation sentences: \(validationSet.count) (GermEval ids divisible by 5)")
print("gazetteer: \(gazetteer.entries.count) entries")

let firstNames = gazetteer.firstNameList
let pools = NamePools(training: trainingSet, gazetteer: gazetteer, firstNames: firstNames)
var augmentRandom = SplitMix64(state: options.seed &+ 1)
var augmented: [TrainingText] = []
for _ in 0..<options.augment {
    for text in trainingSet { if let copy = pools.augment(text, random: &augmentRandom) { augmented.append(copy) } }
}
print("augmented copies (names swapped): \(augmented.count)")

let prepared = (trainingSet + augmented).map { $0.prepare(gazetteer: gazetteer) }
skipped = prepared.filter { $0 == nil }.count
let examples = prepared.compactMap { $0 }
print("texts whose names do not fall on token boundaries (left out): \(skipped)")

// MARK: - Training

var trainer = TaggerTrainer(bits: options.bits)
let extractor = FeatureExtractor(bits: options.bits)
var random = SplitMix64(state: options.seed)
var order = Array(examples.indices)
for epoch in 1...options.epochs {
    order.shuffle(using: &random)
    var errors = 0
    for index in order {
        let example = examples[index]
        for (segment, gold) in zip(example.segments, example.labels) {
            errors += trainer.train(example.tokens, segment, gold: gold, extractor: extractor)
        }
    }
    print("epoch \(epoch): \(errors) token errors")
}
let model = trainer.averaged()

// MARK: - Validation (exact span and type, part=false; matches of ignored spans not counted)

let recognizer = ActorRecognizer(model: model, gazetteer: gazetteer)
for genre in ["news", "wikipedia"] {
    var truePositives = 0, predicted = 0, goldCount = 0
    for item in validationSet where item.genre == genre {
        let extraction = Extractor.extract(text: item.text, reference: nil, options: ExtractionOptions(recognizer: recognizer))
        let gold = Set(item.names.map { "\($0.span.start):\($0.span.end):\($0.type)" })
        let ignored = Set(item.ignored)
        goldCount += gold.count
        for actor in extraction.actors where !ignored.contains(actor.span) {
            predicted += 1
            if gold.contains("\(actor.span.start):\(actor.span.end):\(actor.type)") { truePositives += 1 }
        }
    }
    let precision = Double(truePositives) / Double(max(predicted, 1))
    let recall = Double(truePositives) / Double(max(goldCount, 1))
    let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    print(String(format: "validation %@: P %.3f R %.3f F1 %.3f (%d gold)", genre, precision, recall, f1, goldCount))
}

let data = model.serialized()
do {
    try data.write(to: URL(fileURLWithPath: options.output))
    print("wrote \(options.output) (\(data.count / 1024) KiB)")
    if let path = options.validationOutput {
        try (validationLines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        print("wrote the validation part to \(path)")
    }
} catch {
    fail("cannot write: \(error)")
}
