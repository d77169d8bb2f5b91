import Extraction
import GlossaCore

/// libFuzzer entry point: any bytes, decoded leniently, must extract without crashing and give
/// spans inside the text, ordered and disjoint. Built by `make fuzz` with `-sanitize=fuzzer`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExtraction(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let (article, extraction) = Extractor.article(path: "fuzz.txt", text: text)
    let count = text.unicodeScalars.count
    for spans in [extraction.sentences, extraction.numbers.map(\.span)] {
        var previousEnd = article.metadata.contentStart
        for span in spans {
            precondition(span.start >= previousEnd && span.start < span.end && span.end <= count, "bad span \(span)")
            previousEnd = span.end
        }
    }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// SwiftPM names an executable's entry point `<Module>_main`; hand control to libFuzzer's driver.
@_cdecl("GlossaFuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzExtraction(data, size) }
}
