import Foundation
import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// `notesc lint --fix`: repairs mojibake in place, byte-exact elsewhere in the
/// file, atomically (a temporary file in the same folder, then rename).
public enum MojibakeFixer {
    /// One repaired run.
    public struct Fix: Sendable, Equatable {
        public var file: String
        public var line: Int
        public var column: Int
        public var original: String
        public var fixed: String
    }

    /// Fixes every file of the folder; returns what changed, in file order.
    public static func fix(root: String, config: Config = Config()) throws -> [Fix] {
        guard config.severity(of: Rule.mojibake.id, default: Rule.mojibake.defaultSeverity) != nil else { return [] }
        let compilation = try Pipeline.compile(root: root, config: config)
        var fixes: [Fix] = []
        for (parsed, file) in zip(compilation.parsed, compilation.files) {
            guard let source = parsed.source else { continue }
            let findings = MojibakeRule.findings(parsed).filter {
                !Suppression.silences(parsed.suppressions, rule: Rule.mojibake.id, line: $0.line)
            }
            guard !findings.isEmpty else { continue }
            var bytes = source.hadBOM ? SourceText.bom + source.bytes : source.bytes
            let shift = source.hadBOM ? 3 : 0
            for f in findings.reversed() {
                let start = shift + source.lineStarts[f.line - 1] + f.column - 1
                bytes.replaceSubrange(start..<(start + f.finding.byteRange.count), with: Array(f.finding.fixed.utf8))
            }
            try writeAtomically(bytes, to: file.absolutePath)
            fixes += findings.map {
                Fix(file: file.path, line: $0.line, column: source.originalPosition(line: $0.line, column: $0.column).column,
                    original: $0.finding.original, fixed: $0.finding.fixed)
            }
        }
        return fixes
    }

    /// Writes next to `path` and renames over it, keeping its permissions;
    /// a symlinked note is rewritten at its target.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let folder = (target as NSString).deletingLastPathComponent
        let temporary = folder + "/.notesc-fix-\(getpid())-\((target as NSString).lastPathComponent)"
        var st = stat()
        let mode = stat(target, &st) == 0 ? st.st_mode & 0o7777 : 0o644
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw NotesError.unreadable(temporary, Discovery.describe(errno)) }
        if let why = FileIO.writeAll(fd, bytes) {
            close(fd); unlink(temporary)
            throw NotesError.unreadable(temporary, why)
        }
        fchmod(fd, mode)
        close(fd)
        guard rename(temporary, target) == 0 else {
            let why = Discovery.describe(errno)
            unlink(temporary)
            throw NotesError.unreadable(target, why)
        }
    }
}
