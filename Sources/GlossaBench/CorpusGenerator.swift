import Foundation
import GlossaCore

/// Builds a deterministic corpus of news-like articles from seed texts: paragraphs drawn by a
/// seeded generator, with date headers, so that every run measures the same bytes.
struct CorpusGenerator {
    private var random: SplitMix64
    private let paragraphs: [String]

    init(seeds: [String], seed: UInt64 = 0x61_6C_6F_73_73_61) {
        random = SplitMix64(state: seed)
        paragraphs = seeds.flatMap { text in
            text.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.count > 20 }
        }
    }

    /// `count` articles of 4 to 30 paragraphs each; most start with a ` date` header.
    mutating func articles(_ count: Int) -> [String] {
        (0..<count).map { _ in article() }
    }

    mutating func article() -> String {
        var text = ""
        if random.next() % 5 != 0 {
            let year = 2015 + Int(random.next() % 11)
            let month = 1 + Int(random.next() % 12)
            text += " date \(year)-\(month < 10 ? "0" : "")\(month)\n"
        }
        let length = 4 + Int(random.next() % 27)
        for index in 0..<length {
            if index > 0 { text += "\n\n" }
            text += paragraphs[Int(random.next() % UInt64(paragraphs.count))]
        }
        return text + "\n"
    }
}
