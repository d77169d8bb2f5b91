import Foundation
import GlossaCore

/// Gives every mention a canonical actor id and a display name, grouping aliases:
/// list entries by their id (`Weißrussland` → `belarus`), people by their surname
/// (`Alexander Lukaschenko`, `Lukaschenko`, `Lukaschenkos` → `lukaschenko`), other names by their
/// text without a genitive `-s`. The user's actor file merges and renames on top.
struct ActorResolver {
    let scalars: [Unicode.Scalar]
    let gazetteer: Gazetteer
    let catalog: ActorCatalog

    func resolve(_ all: [ActorRecognizer.Candidate]) -> [ActorMention] {
        var candidates = all
        var texts = all.map { ScalarClass.string(scalars[$0.start..<$0.end]) }
        if !catalog.ignored.isEmpty {
            let kept = zip(candidates, texts).filter { !catalog.ignored.contains($0.1) }
            candidates = kept.map(\.0)
            texts = kept.map(\.1)
        }
        // Every name as written, to tell a genitive (`Putins` next to `Putin`) from a name ending in s.
        var surfaces = Set(texts)
        var surnames: [String: String] = [:]   // surname → longest full name seen
        for (candidate, text) in zip(candidates, texts) where candidate.type == .person && candidate.entry == nil {
            let words = text.split(separator: " ")
            if let last = words.last { surfaces.insert(String(last)) }
            if words.count > 1, let last = words.last {
                let surname = String(last)
                if text.count > (surnames[surname]?.count ?? 0) { surnames[surname] = text }
            }
        }
        var mentions: [ActorMention] = []
        mentions.reserveCapacity(candidates.count)
        for (candidate, text) in zip(candidates, texts) {
            let span = TextSpan(start: candidate.start, end: candidate.end)
            var type = candidate.type
            var id: String
            var name: String
            if let entry = candidate.entry {
                let item = candidate.user ? catalog.gazetteer.entries[entry] : gazetteer.entries[entry]
                (id, name, type) = (item.id, item.name, item.type)
            } else if type == .person {
                let words = text.split(separator: " ").map(String.init)
                let surname = withoutGenitive(words.last ?? text, known: surfaces)
                if let item = gazetteer.entry(alias: surname), item.type == .person {
                    (id, name) = (item.id, item.name)
                } else {
                    id = Self.slug(surname)
                    var full = words.count > 1 ? words.dropLast().joined(separator: " ") + " " + surname : surname
                    if let longer = surnames[surname], longer.count > full.count { full = longer }
                    name = full
                }
            } else {
                let base = withoutGenitive(text, known: surfaces)
                if let item = gazetteer.entry(alias: base) {
                    (id, name, type) = (item.id, item.name, item.type)
                } else {
                    (id, name) = (Self.slug(base), base)
                }
            }
            if let merged = catalog.merges[id] { id = merged }
            if let item = catalog.gazetteer.entry(id: id) { (name, type) = (item.name, item.type) }
            mentions.append(ActorMention(span: span, text: text, type: type, actor: id, name: name, part: candidate.part))
        }
        return mentions
    }

    /// `Putins` → `Putin` when `Putin` is named too (or listed); `Paris` stays.
    func withoutGenitive(_ word: String, known: Set<String>) -> String {
        guard word.count > 3 else { return word }
        for ending in ["s", "’s", "'s"] where word.hasSuffix(ending) {
            let stem = String(word.dropLast(ending.count))
            if known.contains(stem) || gazetteer.entry(alias: stem) != nil { return stem }
        }
        return word
    }

    /// A lower-case ASCII id: `Weißes Haus` → `weisses_haus`, `Lukaschenko` → `lukaschenko`.
    static func slug(_ text: String) -> String {
        var result = ""
        var pendingSeparator = false
        for scalar in text.unicodeScalars {
            let lower = ScalarClass.lowercase(scalar)
            let replacement: String?
            switch lower {
            case "ä": replacement = "ae"
            case "ö": replacement = "oe"
            case "ü": replacement = "ue"
            case "ß": replacement = "ss"
            default:
                if lower.isASCII, ScalarClass.isWordScalar(lower) {
                    replacement = String(Character(lower))
                } else if !lower.isASCII, ScalarClass.isLetter(lower) {
                    let folded = String(Character(lower)).applyingLatinFold()
                    replacement = folded.isEmpty ? nil : folded
                } else {
                    replacement = nil
                }
            }
            if let replacement {
                if pendingSeparator, !result.isEmpty { result += "_" }
                result += replacement
                pendingSeparator = false
            } else {
                pendingSeparator = true
            }
        }
        return result.isEmpty ? "actor" : result
    }
}

extension String {
    /// Drops diacritics (`č` → `c`) by decomposing and keeping ASCII letters.
    func applyingLatinFold() -> String {
        String(String.UnicodeScalarView(decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            $0.isASCII && ScalarClass.isWordScalar($0)
        })).lowercased()
    }
}
