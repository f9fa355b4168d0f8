// libFuzzer target for front matter: bytes after a `---` fence → the Yams
// path of FrontMatter.parse, then the note parser's metadata from it.
// Built only by `make fuzz` (see Package.swift); libFuzzer owns main.
import NotesMarkdown
import NotesParse

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    // A seed is the YAML between the fences; the fences are added here so
    // every input reaches Yams. The closing fence is skipped when the input
    // brings its own, so an unclosed block is fuzzed too.
    let yaml = Array(UnsafeBufferPointer(start: data, count: size))
    var bytes = Array("---\n".utf8) + yaml
    if !(yaml.last == 0x0A) { bytes.append(0x0A) }
    bytes += Array("---\n# T\n".utf8)
    if case .success(let source) = SourceText.decode(bytes) {
        _ = FrontMatter.parse(source)
    }
    _ = NoteParser.parse(id: "fuzz", path: "fuzz.md", bytes: bytes)
    return 0
}

// libFuzzer's C entry (no header to import): pointer and integer arguments
// are passed alike by the Swift and C conventions on x86_64 and arm64.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                             _ test: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

// SwiftPM links an executable target with main renamed to <module>_main
// (so its tests can link it); that entry point hands over to libFuzzer's driver.
@_cdecl("FuzzFrontMatter_main")
public func FuzzFrontMatterMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc
    var argv = argv
    return runFuzzerDriver(&argc, &argv, fuzzFrontMatter)
}
