import Extraction
import GlossaCore

/// A text with its gold names, turned into tagger tokens and BIO labels per segment.
struct TrainingText {
    struct Name {
        var span: TextSpan
        var type: ActorType
    }

    var text: String
    var names: [Name]
    var ignored: [TextSpan]
    var genre: String
    var article = false

    struct Prepared {
        /// 0 for news and encyclopaedic text; another value for a corpus that gets its own copy of the features.
        var domain: UInt64 = 0
        var tokens: [NERToken]
        var segments: [Range<Int>]
        var labels: [[NERLabel]]
    }

    /// Nil when a name does not start and end on token boundaries.
    func prepare(gazetteer: Gazetteer) -> Prepared? {
        let scalars = ScalarClass.scalars(of: text)
        let range: Range<Int>
        let sentences: [TextSpan]
        if article {
            let parsed = Article(path: "gold.txt", text: text, scalars: scalars)
            range = min(parsed.metadata.contentStart, scalars.count)..<scalars.count
            sentences = parsed.sentences
        } else {
            range = 0..<scalars.count
            sentences = SentenceSplitter.split(scalars, in: TextSpan(start: 0, end: scalars.count))
        }
        var tokens = NERTokenizer.tokens(scalars, from: Tokenizer.tokenize(scalars, in: range))
        let segments = ActorRecognizer.segments(tokens, sentences: sentences)
        for segment in segments { gazetteer.annotate(&tokens, segment) }
        var labels = [NERLabel](repeating: .outside, count: tokens.count)
        for name in names {
            guard let first = tokens.firstIndex(where: { $0.start == name.span.start }),
                  let last = tokens[first...].firstIndex(where: { $0.end == name.span.end }), last >= first else { return nil }
            labels[first] = NERLabel.begin(name.type)
            for index in (first + 1)..<(last + 1) { labels[index] = NERLabel.inside(name.type) }
        }
        let domain: UInt64 = genre.hasPrefix("historic") ? 1 : 0
        return Prepared(domain: domain, tokens: tokens, segments: segments, labels: segments.map { Array(labels[$0]) })
    }
}

/// Mention replacement: copies of a text with every name swapped for another name of the same type,
/// so that the tagger learns contexts (`sagt X`, `in X`) rather than memorising the names it saw.
struct NamePools {
    var names: [ActorType: [String]] = [:]

    init(training: [TrainingText], gazetteer: Gazetteer, firstNames: [String]) {
        var surnames: [String] = []
        for text in training where !text.article {
            let scalars = Array(text.text.unicodeScalars)
            for name in text.names {
                let surface = String(String.UnicodeScalarView(scalars[name.span.start..<name.span.end]))
                names[name.type, default: []].append(surface)
                if name.type == .person, let last = surface.split(separator: " ").last, surface.contains(" ") {
                    surnames.append(String(last))
                }
            }
        }
        for entry in gazetteer.entries {
            names[entry.type, default: []].append(contentsOf: entry.aliases.filter { !$0.hasSuffix("s") || entry.type != .person })
        }
        if !surnames.isEmpty, !firstNames.isEmpty {
            var random = SplitMix64(state: 7)
            for _ in 0..<2000 {
                names[.person, default: []].append(firstNames[random.below(firstNames.count)] + " " + surnames[random.below(surnames.count)])
            }
            names[.person, default: []].append(contentsOf: surnames)
        }
    }

    func augment(_ text: TrainingText, random: inout SplitMix64) -> TrainingText? {
        guard !text.names.isEmpty, !text.article else { return nil }
        let scalars = Array(text.text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var names: [TrainingText.Name] = []
        var ignored: [TextSpan] = []
        var cursor = 0
        var shift = 0
        var events: [(span: TextSpan, type: ActorType?)] = text.names.map { ($0.span, $0.type) } + text.ignored.map { ($0, nil) }
        events.sort { $0.span.start < $1.span.start }
        for event in events where event.span.start >= cursor {
            output.append(contentsOf: scalars[cursor..<event.span.start])
            let start = event.span.start + shift
            if let type = event.type, let pool = self.names[type], !pool.isEmpty {
                let replacement = pool[random.below(pool.count)].unicodeScalars
                output.append(contentsOf: replacement)
                names.append(.init(span: TextSpan(start: start, end: start + replacement.count), type: type))
                shift += replacement.count - event.span.length
            } else {
                output.append(contentsOf: scalars[event.span.start..<event.span.end])
                let span = TextSpan(start: start, end: start + event.span.length)
                if let type = event.type { names.append(.init(span: span, type: type)) } else { ignored.append(span) }
            }
            cursor = event.span.end
        }
        output.append(contentsOf: scalars[cursor...])
        return TrainingText(text: String(output), names: names, ignored: ignored, genre: text.genre)
    }
}
