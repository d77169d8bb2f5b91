import Foundation
import GlossaCore
import Store

// `StoreWriter --db PATH --count N --prefix P`: writes annotations one transaction at a time and prints
// each id once its write has returned. Only the crash (SIGKILL) and two-writer tests run it.
var options: [String: String] = [:]
var arguments = CommandLine.arguments.dropFirst()
while let name = arguments.popFirst(), let value = arguments.popFirst() { options[name] = value }
guard let path = options["--db"] else {
    FileHandle.standardError.write(Data("usage: StoreWriter --db PATH [--count N] [--prefix P]\n".utf8))
    exit(2)
}
let count = Int(options["--count"] ?? "") ?? 100
let prefix = options["--prefix"] ?? "writer"
do {
    let database = try AppDatabase.open(path: path)
    for index in 0..<count {
        let id = "\(prefix)-\(index)"
        let quote = TextQuoteSelector(exact: "Satz \(index).", prefix: "", suffix: "")
        let annotation = Annotation(id: id, article: "\(prefix).txt", span: TextSpan(start: index * 10, end: index * 10 + 8),
                                    quote: quote, textHash: "0", note: String(repeating: "Notiz ä ", count: index % 50))
        try database.saveAnnotation(annotation)
        // Unbuffered: the line is out as soon as the write returned.
        FileHandle.standardOutput.write(Data((id + "\n").utf8))
    }
} catch {
    FileHandle.standardError.write(Data("StoreWriter: \(error)\n".utf8))
    exit(1)
}
