// libFuzzer target for the note parser: bytes → one note's records (the
// parse, resolve, calc and check stages, then records JSON) and its site's
// pages (the note page's body through the cmark bridge with the wikilink
// hooks, and the other pages a one-note site has). Built only by `make fuzz`
// (see Package.swift); no top-level code, libFuzzer owns main.
import Foundation
import NotesCheck
import NotesParse
@testable import NotesSite

/// The note is written to one file in a scratch folder, since the pipeline
/// and the note page read the notes folder; the folder goes when the process exits.
private let scratch: String = {
    let root = NSTemporaryDirectory() + "notesc-fuzz-\(getpid())"
    try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "notesc-fuzz-\(getpid())") }
    return root
}()

private let templates = try! TemplateSet.load(from: nil)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNoteParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = NoteParser.parse(id: "note", path: "note.md", bytes: bytes)
    guard FileManager.default.createFile(atPath: scratch + "/note.md", contents: Data(bytes)),
          let notebook = try? Pipeline.load(root: scratch) else { return 0 }
    _ = notebook.recordsJSON()
    // Every page of the one-note site is rendered, errors or not: the
    // renderer must not crash on what a note with errors holds either.
    let model = SiteModel(notebook, options: SiteOptions(notesRoot: scratch, outDir: scratch + "/site"))
    for page in SitePage.all(model) {
        _ = try? templates.render(page.context(model), page.template)
    }
    return 0
}

// libFuzzer's C entry (no header to import): pointer and integer arguments
// are passed alike by the Swift and C conventions on x86_64 and arm64.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                             _ test: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

// SwiftPM links an executable target with main renamed to <module>_main
// (so its tests can link it); that entry point hands over to libFuzzer's driver.
@_cdecl("FuzzNoteParser_main")
public func FuzzNoteParserMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc
    var argv = argv
    return runFuzzerDriver(&argc, &argv, fuzzNoteParser)
}
