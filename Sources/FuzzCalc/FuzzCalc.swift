// libFuzzer target for the calc language: bytes → calc block evaluation,
// and the first line alone as `notesc calc -e` evaluates it. Built only by
// `make fuzz` (see Package.swift); no top-level code, libFuzzer owns main.
import NotesCalc

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCalc(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    // Imports get one exported value, or a failure, so both paths run.
    let result = CalcEngine.evaluate(blocks: [CalcBlockInput(text: text, firstLine: 2)],
                                     inline: [CalcInlineInput(expression: String(text.prefix(80)), line: 1, column: 3)]) { note, _ in
        note.hasPrefix("a") ? .values(["x": CalcValue(2)]) : .failure("no note '\(note)'")
    }
    // Every value is formatted as the terminal and the site show it.
    for value in result.statements.compactMap(\.value) + result.inline.compactMap(\.value) + Array(result.exports.values) {
        _ = CalcEngine.format(value)
    }
    let firstLine = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
    if case .success(let value) = CalcEngine.evaluateExpression(firstLine) {
        _ = CalcEngine.format(value)
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
@_cdecl("FuzzCalc_main")
public func FuzzCalcMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc
    var argv = argv
    return runFuzzerDriver(&argc, &argv, fuzzCalc)
}
