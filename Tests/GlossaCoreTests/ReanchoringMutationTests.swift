import GlossaCore
import TestSupport
import XCTest

/// The mutation suite: annotations on the seed articles (every sentence, parts of sentences, runs
/// of sentences), then the articles edited the way articles get edited. Each annotation must land
/// exactly where its text went, or be an orphan; none may land anywhere else.
final class ReanchoringMutationTests: XCTestCase {
    enum Mutation: CaseIterable { case insertElsewhere, deleteElsewhere, whitespace, typoInsideQuote }

    /// A text being edited, with where each original scalar went (nil: deleted).
    struct EditedText {
        var scalars: [Unicode.Scalar]
        var position: [Int?]

        init(_ scalars: [Unicode.Scalar]) {
            self.scalars = scalars
            position = Array(scalars.indices)
        }

        /// Replaces the current range with new scalars; the original scalars in it are gone,
        /// except for a one-for-one substitution, which keeps its place.
        mutating func replace(_ range: Range<Int>, with new: [Unicode.Scalar]) {
            let delta = new.count - range.count
            scalars.replaceSubrange(range, with: new)
            for index in position.indices {
                guard let current = position[index] else { continue }
                if current >= range.upperBound {
                    position[index] = current + delta
                } else if current >= range.lowerBound, !(range.count == 1 && new.count == 1) {
                    position[index] = nil
                }
            }
        }

        /// What is left of an original span whose first or last scalar was deleted, if anything.
        func remainder(_ span: TextSpan) -> TextSpan? {
            let kept = position[span.start..<span.end].compactMap { $0 }.filter { !ScalarClass.isSpace(scalars[$0]) }
            guard let first = kept.first, let last = kept.last else { return nil }
            return TextSpan(start: first, end: last + 1)
        }

        /// Where an original span is now, if its first and last scalars are still there.
        func expected(_ span: TextSpan) -> TextSpan? {
            guard let start = position[span.start], let last = position[span.end - 1] else { return nil }
            return TextSpan(start: start, end: last + 1)
        }
    }

    func annotations(for article: Article, scalars: [Unicode.Scalar]) -> [Annotation] {
        var spans = article.sentences
        for (index, sentence) in article.sentences.enumerated() {
            if index % 3 == 0, let part = wordsSpan(in: sentence, scalars: scalars, skip: 1, take: 3) { spans.append(part) }
            if index % 5 == 0, index + 1 < article.sentences.count {
                spans.append(TextSpan(start: sentence.start, end: article.sentences[index + 1].end))
            }
        }
        let hash = ContentHash.of(article.text)
        return spans.enumerated().map { index, span in
            Annotation(id: "\(index)", article: article.path, span: span, quote: Anchoring.selector(for: span, in: scalars), textHash: hash)
        }
    }

    /// Words `skip..<skip+take` of a sentence, when it has that many.
    func wordsSpan(in sentence: TextSpan, scalars: [Unicode.Scalar], skip: Int, take: Int) -> TextSpan? {
        var words: [TextSpan] = []
        var start: Int?
        for offset in sentence.start...sentence.end {
            let isSpace = offset == sentence.end || ScalarClass.isSpace(scalars[offset])
            if isSpace, let begun = start { words.append(TextSpan(start: begun, end: offset)); start = nil }
            if !isSpace, start == nil { start = offset }
        }
        guard words.count >= skip + take else { return nil }
        return TextSpan(start: words[skip].start, end: words[skip + take - 1].end)
    }

    func mutate(_ text: inout EditedText, _ mutation: Mutation, article: Article, annotations: [Annotation], random: inout SplitMix64) {
        let boundaries = Set(annotations.flatMap { [$0.span.start, $0.span.end - 1] })
        switch mutation {
        case .insertElsewhere:
            // At the start of a sentence that no annotation runs across: outside every quote.
            let outside = article.sentences.filter { sentence in !annotations.contains { $0.span.start < sentence.start && sentence.start < $0.span.end } }
            for _ in 0..<3 {
                let sentence = outside[random.below(outside.count)]
                guard let at = text.position[sentence.start] else { continue }
                text.replace(at..<at, with: Array("Ergänzung der Redaktion, 12. März: ein neuer Satz. ".unicodeScalars))
            }
        case .deleteElsewhere:
            for _ in 0..<2 {
                let sentence = article.sentences[random.below(article.sentences.count)]
                guard let start = text.position[sentence.start], let last = text.position[sentence.end - 1] else { continue }
                var end = last + 1
                while end < text.scalars.count, text.scalars[end] == " " { end += 1 }
                text.replace(start..<end, with: [])
            }
        case .whitespace:
            var index = text.scalars.count - 1
            while index >= 0 {
                if text.scalars[index] == " ", random.below(12) == 0 {
                    text.replace(index..<index + 1, with: random.below(2) == 0 ? ["\n"] : [" ", " "])
                } else if text.scalars[index] == "\n", random.below(4) == 0 {
                    text.replace(index..<index, with: [" ", " "])
                }
                index -= 1
            }
        case .typoInsideQuote:
            for _ in 0..<8 {
                let annotation = annotations[random.below(annotations.count)]
                guard annotation.span.length > 6 else { continue }
                let original = annotation.span.start + 2 + random.below(annotation.span.length - 4)
                guard !boundaries.contains(original), let at = text.position[original],
                      ScalarClass.isLetter(text.scalars[at]) else { continue }
                switch random.below(3) {
                case 0: text.replace(at..<at + 1, with: [text.scalars[at] == "e" ? "a" : "e"])
                case 1: text.replace(at..<at, with: ["h"])
                default: text.replace(at..<at + 1, with: [])
                }
            }
        }
    }

    func testReanchoringAfterEditsIsRightAtLeast99PercentAndNeverWrong() throws {
        let library = try Fixtures.seedLibrary()
        var random = SplitMix64(state: 5)
        var correct = 0, expectedPlaced = 0, orphansExpected = 0, orphansOfPlaceable = 0, wrong = 0
        var perMutation: [String: (Int, Int)] = [:]
        for article in library.articles {
            let scalars = Array(article.text.unicodeScalars)
            let annotations = annotations(for: article, scalars: scalars)
            for mutation in Mutation.allCases {
                for _ in 0..<6 {
                    var text = EditedText(scalars)
                    mutate(&text, mutation, article: article, annotations: annotations, random: &random)
                    let edited = String(String.UnicodeScalarView(text.scalars))
                    let prepared = AnchorText(scalars: text.scalars)
                    let hash = ContentHash.of(edited)
                    for annotation in annotations {
                        let (placed, _) = Anchoring.reanchor(annotation, in: prepared, hash: hash)
                        guard let expected = text.expected(annotation.span) else {
                            // Its text was deleted (in part): an orphan, what is left of it, or an exact copy elsewhere.
                            orphansExpected += 1
                            if !placed.isOrphan, placed.quote.exact != annotation.quote.exact, placed.span != text.remainder(annotation.span) {
                                wrong += 1
                                print("placed although deleted (\(mutation)): “\(annotation.quote.exact.prefix(60))” as “\(placed.quote.exact.prefix(60))”")
                            }
                            continue
                        }
                        expectedPlaced += 1
                        var tally = perMutation["\(mutation)"] ?? (0, 0)
                        tally.1 += 1
                        if placed.isOrphan {
                            orphansOfPlaceable += 1
                            if orphansOfPlaceable <= 5 {
                                print("orphaned (\(mutation)) in \(article.path): “\(annotation.quote.exact.prefix(60))”")
                            }
                        } else if placed.span == expected {
                            correct += 1
                            tally.0 += 1
                        } else {
                            wrong += 1
                            if wrong <= 5 {
                                print("misplaced (\(mutation)) in \(article.path): “\(annotation.quote.exact.prefix(60))” at \(placed.span), expected \(expected)")
                            }
                        }
                        perMutation["\(mutation)"] = tally
                    }
                }
            }
        }
        let share = Double(correct) / Double(expectedPlaced)
        let breakdown = perMutation.keys.sorted().map { "\($0) \(perMutation[$0]!.0)/\(perMutation[$0]!.1)" }.joined(separator: ", ")
        print(String(format: "re-anchoring: %.2f%% of %d placeable annotations exact (%@); %d orphans among them, %d misplaced; %d whose text was deleted",
                     share * 100, expectedPlaced, breakdown, orphansOfPlaceable, wrong, orphansExpected))
        XCTAssertGreaterThanOrEqual(share, 0.99)
        XCTAssertEqual(wrong, 0, "an annotation that cannot be placed exactly must be an orphan, not elsewhere")
        XCTAssertGreaterThan(expectedPlaced, 5_000)
    }
}
