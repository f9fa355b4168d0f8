import Dispatch
import Testing
@testable import NotesKit

/// cmark-gfm 0.29 switches the inline extensions' special characters (`~`
/// for strikethrough) on and off in a process-wide table around every parse;
/// parses on several threads must still all see their extensions.
@Suite struct CmarkConcurrencyTests {
    static func hasStrikethrough(_ node: MarkdownNode) -> Bool {
        node.kind == .strikethrough || node.children.contains(where: hasStrikethrough)
    }

    @Test func parallelParsesKeepTheirExtensions() {
        let text = Array(("# T\n\n" + String(repeating: "Some ~~struck~~ text and plain words around it. ", count: 40) + "\n").utf8)
        let iterations = 4000
        let found = ResultSlots<Bool>(count: iterations)
        CmarkBridge.prepare()
        DispatchQueue.concurrentPerform(iterations: iterations) { i in
            found[i] = Self.hasStrikethrough(CmarkBridge.parse(text).root)
        }
        let missing = (0..<iterations).filter { found[$0] != true }.count
        #expect(missing == 0, "\(missing) of \(iterations) parses lost strikethrough")
    }
}
