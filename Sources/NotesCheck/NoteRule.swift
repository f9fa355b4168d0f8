import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// Facts about the whole folder that per-note rules consult.
package struct CheckContext {
    let index: NoteIndex
    /// Note id → ids of the notes whose connections resolve to it.
    let incomingConnections: [String: Set<String>]
    /// Note id → ids of the notes it links to or is linked from (connections and links).
    let neighbours: [String: Set<String>]
    /// Ids of the drafts (`Note.isDraft`), which the site leaves out.
    let drafts: Set<String>
    let publish: PublishMode
    /// Note id → what links can point into (heading slugs, block ids), for `broken-anchor`.
    let anchors: [String: Anchors]

    struct Anchors {
        var headings: [String]
        var slugs: Set<String>
        var blocks: Set<String>

        init(_ anchors: NoteAnchors, title: String?) {
            headings = anchors.headings
            // `[[Note#Its title]]` goes to the top of the note, as in Obsidian.
            slugs = Set((anchors.headings + [title].compactMap { $0 }).map(slugify))
            blocks = Set(anchors.blocks.map { $0.lowercased() })
        }
    }
    /// Rule ids set `off` in the config: those rules are not run.
    let rulesOff: Set<String>

    package init(notes: [Note], index: NoteIndex, publish: PublishMode = .all, rulesOff: Set<String> = []) {
        self.index = index
        self.publish = publish
        self.rulesOff = rulesOff
        drafts = Set(notes.filter { $0.isDraft(in: publish) }.map(\.id))
        var incoming: [String: Set<String>] = [:]
        var neighbours: [String: Set<String>] = [:]
        for note in notes {
            let targets = note.connections.compactMap(\.resolved) + note.links.compactMap(\.resolved)
            for target in targets where target != note.id {
                neighbours[note.id, default: []].insert(target)
                neighbours[target, default: []].insert(note.id)
            }
            for target in note.connections.compactMap(\.resolved) {
                incoming[target, default: []].insert(note.id)
            }
        }
        incomingConnections = incoming
        self.neighbours = neighbours
        // Only notes some link points into (`[[Note#…]]`) need theirs.
        var targets = Set<String>()
        for note in notes {
            for link in note.links where link.fragment.map({ !$0.isEmpty }) == true {
                if let id = link.target.isEmpty ? note.id : link.resolved { targets.insert(id) }
            }
        }
        var anchors: [String: Anchors] = [:]
        for note in notes where targets.contains(note.id) { anchors[note.id] = Anchors(note.anchors, title: note.title?.text) }
        self.anchors = anchors
    }
}

/// A lint rule that looks at one note at a time (it may consult the folder).
protocol NoteRule {
    static var rule: Rule { get }
    static func check(_ parsed: ParsedNote, in context: CheckContext) -> [Diagnostic]
}

extension NoteRule {
    static func diagnostic(_ note: Note, _ range: SourceRange?, _ message: String, suggestion: String? = nil) -> Diagnostic {
        Diagnostic(file: note.path, range: range, rule: rule, message: message, suggestion: suggestion)
    }
}

/// Every per-note rule, in DESIGN §4 order.
package enum Checks {
    static let noteRules: [any NoteRule.Type] = [
        BrokenConnection.self, BrokenLink.self, BrokenAnchor.self, DraftLink.self, AmbiguousReference.self, SelfConnection.self, DuplicateConnection.self,
        MissingTitle.self, MissingSection.self, EmptySection.self, UnknownSection.self, MissingVerdict.self,
        DuplicateVerdict.self, ThinComparison.self, MojibakeRule.self, OneWayConnection.self, OrphanNote.self,
    ]

    package static func run(_ parsed: ParsedNote, in context: CheckContext) -> [Diagnostic] {
        guard parsed.readable else { return [] }
        guard !context.rulesOff.isEmpty else { return noteRules.flatMap { $0.check(parsed, in: context) } }
        return noteRules.filter { !context.rulesOff.contains($0.rule.id) }.flatMap { $0.check(parsed, in: context) }
    }
}
