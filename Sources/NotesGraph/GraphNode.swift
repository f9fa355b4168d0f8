import NotesCalc
import NotesCheck
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// A node of the knowledge graph: a note, a system, a topic, a claim or a
/// verdict. Fields that do not apply to the node's kind are nil or empty.
public struct GraphNode: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case note, system, topic, claim, verdict
    }

    /// `note:<id>`, `system:<slug>`, `topic:<slug>`, `claim:<note-id>:<line>`
    /// or `verdict:<note-id>:<line>`.
    public var id: String
    /// What to show: a note's title (its id when it has none), a system's
    /// name, a topic's title, a claim's or a verdict's text.
    public var label: String
    /// The node's page, relative to the site root (`notes/<id>.html`,
    /// `systems/<slug>.html`, `topics/<slug>.html`); nil for claims and verdicts.
    public var url: String?

    // Notes.
    /// The file below the notes root.
    public var path: String?
    public var category: String?
    /// `YYYY-MM-DD`, when the note has a valid date.
    public var date: String?
    public var tags: [String]

    // Claims and verdicts.
    /// Id of the node of the note that states it (`note:<id>`).
    public var note: String?
    /// Id of the node of its topic (`topic:<slug>`).
    public var topic: String?
    /// A claim's parenthesised qualifier: `rumored`.
    public var qualifier: String?
    /// The numbers a claim writes.
    public var quantities: [Quantity]
    /// The line of the bullet in the note's file.
    public var line: Int?
    /// Whether a passing `check` verifies the claim; nil for other kinds.
    public var verified: Bool?
    /// Stored last, beside the other one-byte fields: between the strings it
    /// padded every node by seven bytes (there are 236,000 at 10,000 notes).
    public var kind: Kind

    public init(id: String, kind: Kind, label: String, url: String? = nil,
                path: String? = nil, category: String? = nil, date: String? = nil, tags: [String] = [],
                note: String? = nil, topic: String? = nil, line: Int? = nil, qualifier: String? = nil,
                quantities: [Quantity] = [], verified: Bool? = nil) {
        self.id = id; self.kind = kind; self.label = label; self.url = url
        self.path = path; self.category = category; self.date = date; self.tags = tags
        self.note = note; self.topic = topic; self.line = line; self.qualifier = qualifier
        self.quantities = quantities; self.verified = verified
    }

    public static func noteID(_ id: String) -> String { "note:" + id }
    public static func systemID(_ slug: String) -> String { "system:" + slug }
    public static func topicID(_ slug: String) -> String { "topic:" + slug }
    public static func claimID(note: String, line: Int) -> String { "claim:\(note):\(line)" }
    public static func verdictID(note: String, line: Int) -> String { "verdict:\(note):\(line)" }

    /// The node's fields as DESIGN §6 names them, `id` aside. Absent values
    /// are explicit nulls, so every node of a kind has the same keys.
    /// Claims and verdicts carry their label as `text`.
    public var attributes: [String: GraphValue] {
        var fields: [String: GraphValue] = ["kind": .string(kind.rawValue)]
        switch kind {
        case .note:
            fields["label"] = .string(label)
            fields["url"] = GraphValue(url)
            fields["path"] = GraphValue(path)
            fields["category"] = GraphValue(category)
            fields["date"] = GraphValue(date)
            fields["tags"] = .array(tags.map(GraphValue.string))
        case .system, .topic:
            fields["label"] = .string(label)
            fields["url"] = GraphValue(url)
        case .claim:
            fields["text"] = .string(label)
            fields["line"] = GraphValue(line)
            fields["qualifier"] = GraphValue(qualifier)
            fields["quantities"] = .array(quantities.map(\.graphValue))
            fields["verified"] = .bool(verified ?? false)
        case .verdict:
            fields["text"] = .string(label)
            fields["line"] = GraphValue(line)
        }
        return fields
    }
}

/// A directed edge of the knowledge graph.
public struct GraphEdge: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        /// note → note: a Connections bullet; `label` is its reason.
        case connects
        /// note → note: a `[[wikilink]]` or relative `.md` link in prose.
        case links
        /// note → claim, note → verdict.
        case states
        /// claim → system: one per subject.
        case about
        /// claim → topic, verdict → topic.
        case inTopic = "in-topic"
        /// verdict → system the verdict favours.
        case favors
        /// claim → claim: two claims whose numbers cannot both hold (DESIGN §9), from the later to the earlier.
        case contradicts

        /// The position of `rawValue` among the kinds' names in UTF-8 order.
        var sortRank: UInt8 {
            switch self {
            case .about: 0
            case .connects: 1
            case .contradicts: 2
            case .favors: 3
            case .inTopic: 4
            case .links: 5
            case .states: 6
            }
        }
    }

    public var source: String
    public var target: String
    public var kind: Kind
    /// The reason of a `connects` edge; nil for other kinds.
    public var label: String?
    /// Unique among the edges from `source` to `target`: the kind, or
    /// `kind-2`, `kind-3` when one kind joins the two nodes more than once.
    /// networkx uses it as the multigraph edge key.
    public var key: String

    public init(source: String, target: String, kind: Kind, label: String? = nil, key: String? = nil) {
        self.source = source; self.target = target; self.kind = kind; self.label = label
        self.key = key ?? kind.rawValue
    }

    /// The edge's fields as DESIGN §6 names them; `label` only on `connects`.
    public var attributes: [String: GraphValue] {
        var fields: [String: GraphValue] = ["source": .string(source), "target": .string(target),
                                            "kind": .string(kind.rawValue), "key": .string(key)]
        if let label { fields["label"] = .string(label) }
        return fields
    }

    /// Order by source, target, kind and label, comparing UTF-8 bytes (what
    /// `GraphBuilder.finish` sorts by, faster).
    static func precedes(_ a: GraphEdge, _ b: GraphEdge) -> Bool {
        if a.source != b.source { return a.source.precedesInUTF8(b.source) }
        if a.target != b.target { return a.target.precedesInUTF8(b.target) }
        if a.kind != b.kind { return a.kind.rawValue.precedesInUTF8(b.kind.rawValue) }
        return (a.label ?? "").precedesInUTF8(b.label ?? "")
    }
}

extension Quantity {
    /// `{text, value, unit, approximate, lowerBound}` with explicit nulls.
    var graphValue: GraphValue {
        .object(["text": .string(text), "value": GraphValue(value), "unit": GraphValue(unit),
                 "approximate": .bool(approximate), "lowerBound": .bool(lowerBound)])
    }
}
