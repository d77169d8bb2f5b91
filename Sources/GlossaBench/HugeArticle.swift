import Extraction
import Foundation
import GlossaCore
import ReaderUI

/// One article of many megabytes on one line, with no sentence stop: the reader must keep answering
/// keys while it prepares it, then move through it as through any article.
enum HugeArticle {
    /// The seeds' words without stops, one space apart, until the text has `bytes` UTF-8 bytes.
    static func text(bytes: Int, seeds: [String]) -> String {
        let words = seeds.joined(separator: " ").split(whereSeparator: { $0.isWhitespace })
            .map { $0.filter { !".!?…".contains($0) } }.filter { !$0.isEmpty }
        var text = ""
        text.reserveCapacity(bytes + 64)
        var index = 0
        while text.utf8.count < bytes {
            text += words[index % words.count]
            text += " "
            index += 1
        }
        return text
    }

    /// `PREFIX_open_s` (Enter to the article drawn), `PREFIX_waiting_key_p99_ms` (keys while it is
    /// prepared) and `PREFIX_keypress_p99_ms` (keys in it), at 200x60.
    static func figures(bytes: Int, seeds: [String], prefix: String, script: [Key]) -> [String] {
        let text = self.text(bytes: bytes, seeds: seeds)
        let library = Library(root: "bench", articles: [Article(path: "huge.txt", text: text)])
        // As after the background reading: the article's actors are in the library's index.
        let actors = ActorIndex(library: library)
        let terminal = FakeTerminal(size: Size(width: 200, height: 60))
        let runtime = Runtime(state: AppState(library: library, size: terminal.size, actorIndex: actors), terminal: terminal)
        let start = now()
        runtime.send(.keyPressed(.enter))
        var waiting: [Double] = [(now() - start) * 1000]
        let deadline = start + 600
        while runtime.state.reader == nil, now() < deadline {
            let key = now()
            runtime.send(.keyPressed(.char("j")))
            waiting.append((now() - key) * 1000)
            if !runtime.deliverMail() { usleep(5_000) }
        }
        let open = now() - start
        var keyTimes: [Double] = []
        for key in script {
            let begin = now()
            runtime.send(.keyPressed(key))
            keyTimes.append((now() - begin) * 1000)
        }
        let megabytes = String(format: "%.0f MB", Double(bytes) / 1_000_000)
        print("huge article: \(megabytes) on one line, \(runtime.state.reader?.document.sentences.count ?? 0) sentences (cut at \(SentenceSplitter.maxLength) characters)")
        return [
            report("\(prefix)_open_s", open, "\(megabytes) article: Enter to the article drawn (s)"),
            report("\(prefix)_waiting_key_p99_ms", percentile(waiting, 0.99), "\(megabytes) article: a key while it is prepared, 99th percentile of \(waiting.count) (ms)", digits: 3),
            report("\(prefix)_keypress_p99_ms", percentile(keyTimes, 0.99), "\(megabytes) article: key to redrawn screen, 99th percentile (ms)", digits: 3),
        ]
    }
}
