import NotesModel
import NotesSupport

/// The files below the notes root that are not notes (images, PDFs), by path,
/// and how a link names one, as Obsidian resolves it: a path relative to the
/// linking note's folder, else from the root, else (for a bare name) a file
/// name that one file has anywhere, in the linking note's folder when several
/// do (for a path, the one file whose path ends with it). Case does not
/// matter when it does not decide.
struct AttachmentIndex: Sendable {
    private let paths: Set<String>
    /// Lowercased file name → the paths with it.
    private let byName: [String: [String]]
    // Made on first need: most links name a file by its exact path or name.
    private let byLowercasedPath: OnFirstUse<[String: [String]]>
    /// Lowercased file name without its extension → the paths with it, for suggestions.
    private let byBareName: OnFirstUse<[String: [String]]>

    init(_ paths: [String]) {
        self.paths = Set(paths)
        byName = Dictionary(grouping: paths, by: { Self.lowercased(Self.name($0)) })
        byLowercasedPath = OnFirstUse { Dictionary(grouping: paths, by: { $0.lowercased() }) }
        byBareName = OnFirstUse { Dictionary(grouping: paths, by: { StemSuggestions.stem(of: $0) }) }
    }

    /// `s.lowercased()`, without the work for a string with no capital.
    private static func lowercased<S: StringProtocol>(_ s: S) -> String {
        s.utf8.allSatisfy({ $0 < 0x80 && !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) ? String(s) : s.lowercased()
    }

    var isEmpty: Bool { paths.isEmpty }

    static func name(_ path: String) -> Substring {
        path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? path[...]
    }

    /// The file `reference` names, written in the note `noteID`: `.attachment`,
    /// `.ambiguous`, or `.missing` (without a suggestion).
    func resolve(_ reference: String, from noteID: String) -> Resolution {
        guard !paths.isEmpty else { return .missing(suggestion: nil) }
        let folder = NoteIndex.folder(noteID)
        var candidates: [String] = []
        if !reference.hasPrefix("/"), !folder.isEmpty, let relative = Self.normalized(folder + "/" + reference) { candidates.append(relative) }
        if let fromRoot = Self.normalized(reference) { candidates.append(fromRoot) }
        for path in candidates where paths.contains(path) { return .attachment(path) }
        for path in candidates {
            if let found = byLowercasedPath.value[path.lowercased()], found.count == 1 { return .attachment(found[0]) }
        }
        let written = candidates.last ?? reference
        let name = Self.name(written)
        guard !name.isEmpty, var found = byName[Self.lowercased(name)] else { return .missing(suggestion: nil) }
        if written.contains("/") {
            // A path names the file that ends with it (`img/x.png` for `notes/img/x.png`), never another of that name.
            let suffix = "/" + written.lowercased()
            found = found.filter { $0.lowercased().hasSuffix(suffix) }
            if found.isEmpty { return .missing(suggestion: nil) }
        }
        if found.count > 1 {
            let sameCase = found.filter { Self.name($0) == name }
            if !sameCase.isEmpty { found = sameCase }
        }
        if found.count > 1 {
            let here = found.filter { NoteIndex.folder($0) == folder }
            if here.count == 1 { found = here }
        }
        return found.count == 1 ? .attachment(found[0]) : .ambiguous(found.sorted())
    }

    /// A file whose name, without its extension, is the reference's (`diagram.svg` for `diagram.png`).
    func suggestion(for reference: String) -> String? {
        byBareName.value[StemSuggestions.stem(of: reference)]?.min()
    }

    /// `a/./b/../c` → `a/c`; nil when it climbs out of the root.
    static func normalized(_ path: String) -> String? {
        // Most paths are already plain: no `.` part, no empty part.
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        var previous = slash, plain = !path.isEmpty
        for b in path.utf8 {
            if (previous == slash && (b == slash || b == dot)) { plain = false; break }
            previous = b
        }
        if plain, previous != slash { return path }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if parts.isEmpty { return nil } else { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }
}
