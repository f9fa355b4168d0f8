import Foundation
import Testing

/// Golden files and folders (mdBook and rustc style): a difference, a missing
/// file and an extra file fail; `NOTESC_BLESS=1 swift test` rewrites them on purpose.
public enum Golden {
    public static var blessing: Bool { ProcessInfo.processInfo.environment["NOTESC_BLESS"] == "1" }

    /// Compares `actual` with the file at `path` (named `name` in messages), or rewrites it when blessing.
    public static func expect(_ actual: String, file path: String, named name: String? = nil,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        let name = name ?? path
        if blessing {
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: URL(fileURLWithPath: path))
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record("missing golden file \(name); run NOTESC_BLESS=1 swift test to create it", sourceLocation: sourceLocation)
            return
        }
        if let difference = difference(actual: Data(actual.utf8), expected: data) {
            Issue.record("\(name) \(difference)\n(re-bless with NOTESC_BLESS=1 if the change is intended)", sourceLocation: sourceLocation)
        }
    }

    /// Compares `actual` (relative path to bytes) with the files below
    /// `expectedRoot`, or replaces that folder with them when blessing.
    public static func expectFolder(_ actual: [String: Data], matches expectedRoot: String,
                                    sourceLocation: SourceLocation = #_sourceLocation) throws {
        if blessing {
            try? FileManager.default.removeItem(atPath: expectedRoot)
            for (path, data) in actual {
                let url = URL(fileURLWithPath: expectedRoot + "/" + path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            return
        }
        let expected = files(expectedRoot)
        #expect(!expected.isEmpty, "no golden folder \(expectedRoot); run NOTESC_BLESS=1 swift test to create it", sourceLocation: sourceLocation)
        for path in expected.keys.sorted() where actual[path] == nil {
            Issue.record("missing file \(path): no longer written (re-bless with NOTESC_BLESS=1 if intended)", sourceLocation: sourceLocation)
        }
        for path in actual.keys.sorted() where expected[path] == nil {
            Issue.record("extra file \(path): the golden folder does not have it (re-bless with NOTESC_BLESS=1 if intended)", sourceLocation: sourceLocation)
        }
        for path in actual.keys.sorted() {
            guard let want = expected[path], let got = actual[path], let difference = difference(actual: got, expected: want) else { continue }
            Issue.record("\(path) \(difference)", sourceLocation: sourceLocation)
        }
    }

    /// Every regular file below `root` (hidden files included), by relative path.
    public static func files(_ root: String) -> [String: Data] {
        var out: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: root) else { return out }
        for case let relative as String in walker {
            var isDir: ObjCBool = false
            let full = root + "/" + relative
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue else { continue }
            out[relative] = FileManager.default.contents(atPath: full)
        }
        return out
    }

    /// Nil when the bytes are equal, else where they first differ, by line.
    public static func difference(actual: Data, expected: Data) -> String? {
        guard actual != expected else { return nil }
        let a = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let e = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard let line = Array(zip(a, e)).firstIndex(where: { $0 != $1 }) ?? (a.count == e.count ? nil : min(a.count, e.count)) else {
            return "differs in bytes that decode the same (\(actual.count) bytes, expected \(expected.count))"
        }
        let got = line < a.count ? String(a[line]) : "<end>"
        let want = line < e.count ? String(e[line]) : "<end>"
        return "differs at line \(line + 1):\n  expected: \(want)\n  actual:   \(got)"
    }
}
