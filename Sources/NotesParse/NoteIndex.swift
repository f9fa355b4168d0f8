import NotesCalc
import NotesMarkdown
import NotesModel
import NotesSupport

/// Resolves references to notes: by full id, or by a stem exactly one note has
/// (as Obsidian does). Case does not matter when it does not decide.
public struct NoteIndex: Sendable {
    public enum Resolution: Equatable, Sendable {
        case note(String)
        case ambiguous([String])
        case missing(suggestion: String?)
    }

    public let ids: [String]
    private let exact: Set<String>
    private let byLowercasedID: [String: [String]]
    private let byStem: [String: [String]]

    public init(ids: [String]) {
        self.ids = ids
        exact = Set(ids)
        byLowercasedID = Dictionary(grouping: ids, by: Self.lowercased)
        byStem = Dictionary(grouping: ids, by: { Self.lowercased(Self.stem($0)) })
    }

    static func stem(_ id: String) -> String {
        guard id.utf8.contains(UInt8(ascii: "/")) else { return id }
        return id.split(separator: "/").last.map(String.init) ?? id
    }

    /// `id.lowercased()`, without making a new string for an id that has no
    /// capital (most do not: an index of 10,000 made 20,000 strings).
    private static func lowercased(_ id: String) -> String {
        id.utf8.allSatisfy({ $0 < 0x80 && !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) ? id : id.lowercased()
    }

    /// Like `resolve(_:)`, from the note `noteID`: a stem several notes share
    /// names the one in that note's own folder when exactly one is there.
    public func resolve(_ reference: String, from noteID: String) -> Resolution {
        let resolution = resolve(reference)
        guard case .ambiguous(let ids) = resolution else { return resolution }
        let folder = Self.folder(noteID)
        let here = ids.filter { Self.folder($0) == folder }
        return here.count == 1 ? .note(here[0]) : resolution
    }

    static func folder(_ id: String) -> Substring {
        id.lastIndex(of: "/").map { id[..<$0] } ?? ""
    }

    public func resolve(_ reference: String) -> Resolution {
        var ref = reference.trimmingSpaces
        while ref.hasPrefix("./") { ref.removeFirst(2) }
        if exact.contains(ref) { return .note(ref) }
        if let ids = byLowercasedID[ref.lowercased()], ids.count == 1 { return .note(ids[0]) }
        if !ref.contains("/"), let ids = byStem[ref.lowercased()] {
            if ids.count == 1 { return .note(ids[0]) }
            return .ambiguous(ids.sorted())
        }
        // A trailing part of a path (`papers/x` for `notes/papers/x`), as Obsidian allows.
        if ref.contains("/"), let stemIDs = byStem[Self.stem(ref).lowercased()] {
            let suffix = "/" + ref.lowercased()
            let matches = stemIDs.filter { $0.lowercased().hasSuffix(suffix) }
            if matches.count == 1 { return .note(matches[0]) }
            if matches.count > 1 { return .ambiguous(matches.sorted()) }
        }
        return .missing(suggestion: NearMiss.suggestion(for: ref, among: ids)
            ?? NearMiss.suggestion(for: ref, among: ids.map(Self.stem)).flatMap { stem in ids.first { Self.stem($0) == stem } })
    }
}
