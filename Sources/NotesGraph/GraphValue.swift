import NotesCalc
import NotesCheck
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// A value of a node's, an edge's or the graph's fields, as the exporters
/// write it: JSON writes it as is, JGF puts it in `metadata`, GraphML and
/// SQLite flatten it into typed columns.
public enum GraphValue: Hashable, Sendable, Encodable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([GraphValue])
    case object([String: GraphValue])

    init(_ value: String?) { self = value.map(GraphValue.string) ?? .null }
    init(_ value: Int?) { self = value.map(GraphValue.int) ?? .null }
    init(_ value: Double?) { self = value.map(GraphValue.double) ?? .null }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let b): try container.encode(b)
        case .int(let i): try container.encode(i)
        case .double(let d): try container.encode(d)
        case .string(let s): try container.encode(s)
        case .array(let a): try container.encode(a)
        case .object(let o): try container.encode(o)
        }
    }
}
