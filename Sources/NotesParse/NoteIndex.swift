import NotesCalc
import NotesMarkdown
import NotesModel
import NotesSupport

/// Resolves references to notes: by full id, or by a stem exactly one note has
/// (as Obsidian does). Case does not matter when it does not decide. Links
/// may also name attachments (`AttachmentIndex`). A reference to nothing gets
/// a did-you-mean from `StemSuggestions`, built once, on the first such reference.
public struct NoteIndex: Sendable {
    public typealias Resolution = NotesModel.Resolution

    public let ids: [String]
    private let exact: Set<String>
    private let byLowercasedID: [String: [String]]
    private let byStem: [String: [String]]
    private let files: AttachmentIndex
    private let suggestions: OnFirstUse<StemSuggestions>
    /// Front matter `aliases`, lowercased → the ids of the notes with that alias.
    private let byAlias: [String: [String]]

    /// `attachments`: the paths of the files below the root that are not notes;
    /// `aliases`: each note's front matter aliases (note id, alias), which name it too.
    public init(ids: [String], attachments: [String] = [], aliases: [(id: String, alias: String)] = []) {
        self.ids = ids
        var byAlias: [String: [String]] = [:]
        for (id, alias) in aliases {
            let key = Self.lowercased(alias.trimmingSpaces)
            if !key.isEmpty, byAlias[key]?.contains(id) != true { byAlias[key, default: []].append(id) }
        }
        self.byAlias = byAlias
        exact = Set(ids)
        byLowercasedID = Dictionary(grouping: ids, by: Self.lowercased)
        byStem = Dictionary(grouping: ids, by: { Self.lowercased(Self.stem($0)) })
        files = AttachmentIndex(attachments)
        suggestions = OnFirstUse { StemSuggestions(ids: ids) }
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
        resolve(reference, from: noteID, suggest: true)
    }

    /// `suggest: false` leaves a missing reference without a did-you-mean
    /// (its rule is off: nothing is spent on it).
    public func resolve(_ reference: String, from noteID: String?, suggest: Bool) -> Resolution {
        let resolution = note(reference, from: noteID)
        guard case .missing = resolution, suggest else { return resolution }
        return .missing(suggestion: suggestions.value.suggestion(for: reference))
    }

    /// What a link names: a note, else a file (`![[image.png]]`, `[doc](files/a.pdf)`).
    /// A missing link to a file (its target has an extension) is offered a
    /// file of the same name with another extension; to a note, a note.
    public func resolveLink(_ link: NoteLink, from noteID: String, suggest: Bool = true) -> Resolution {
        // `![[image.png]]` names a file first (most links of a vault of pasted
        // images do): a note is looked for only when no file has that name.
        let namesFile = link.namesFile
        if namesFile, case .attachment(let path) = files.resolve(link.target, from: noteID) { return .attachment(path) }
        let resolution = note(link.target, from: noteID)
        guard case .missing = resolution else { return resolution }
        let file = files.resolve(link.target, from: noteID)
        guard case .missing = file, suggest else { return file }
        if namesFile { return .missing(suggestion: files.suggestion(for: link.target)) }
        return .missing(suggestion: suggestions.value.suggestion(for: link.target))
    }

    static func folder(_ id: String) -> Substring {
        id.lastIndex(of: "/").map { id[..<$0] } ?? ""
    }

    public func resolve(_ reference: String) -> Resolution {
        resolve(reference, from: nil, suggest: true)
    }

    /// The note a reference names, without a suggestion when it names none.
    private func note(_ reference: String, from noteID: String?) -> Resolution {
        var ref = reference.trimmingSpaces
        while ref.hasPrefix("./") { ref.removeFirst(2) }
        // `[[advanced/]]` names a folder: its index note, as Quartz links it.
        if ref.hasSuffix("/"), ref.count > 1 {
            for page in ["index", "README", "Home"] where exact.contains(ref + page) { return .note(ref + page) }
        }
        if exact.contains(ref) { return .note(ref) }
        let lower = Self.lowercased(ref)
        if let ids = byLowercasedID[lower], ids.count == 1 { return .note(ids[0]) }
        var found: [String] = []
        let hasFolder = ref.utf8.contains(UInt8(ascii: "/"))
        if !hasFolder, let ids = byStem[lower] {
            found = ids
        } else if hasFolder, let stemIDs = byStem[Self.lowercased(Self.stem(ref))] {
            // A trailing part of a path (`papers/x` for `notes/papers/x`), as Obsidian allows.
            let suffix = "/" + ref.lowercased()
            found = stemIDs.filter { $0.lowercased().hasSuffix(suffix) }
        }
        // A front matter alias names its note, when no note is called that (as in Obsidian).
        if found.isEmpty, let named = byAlias[lower] { found = named }
        if found.count == 1 { return .note(found[0]) }
        guard found.count > 1 else { return .missing(suggestion: nil) }
        if let noteID {
            let folder = Self.folder(noteID)
            let here = found.filter { Self.folder($0) == folder }
            if here.count == 1 { return .note(here[0]) }
        }
        return .ambiguous(found.sorted())
    }
}
