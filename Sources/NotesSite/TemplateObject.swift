import Mustache
import NotesCalc
import NotesCheck
import NotesGraph
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// The names pages give their values, one number each. A name a template
/// asks for that is not one of these is never found: it renders as nothing,
/// as a missing key does.
enum TemplateKey: Int32, CaseIterable, Sendable {
    case anchor, backlinks, blocks, broken, calc, categories, category, categoryURL, cells, check, checks
    case claimCount, claims, columns, comment, computed, connections, count, counts, date, description
    case display, error, evaluated, favored, favors, favorsThis, forNoteTitle, forNoteURL, graph
    case hasBacklinks, hasChecks, hasFavors, hasHeading, hasItems, hasMetadata, hasRecent, hasSpellings
    case hasSystems, hasTags, hasToc, hasVerdicts, heading, html, id, interval, isDate, items, key, kind
    case label, language, level, line, lines, list, localGraph, long, matrix, metadata, name, nameHeading
    case nav, note, noteCount, noteTitle, noteURL, notes, page, passed, path, qualifier, reason, reasonHTML
    case recent, restHTML, root, rows, sections, sep, site, source, spellings, stated, subjects, summary, svg, system
    case systemCount, systemName, systemURL, systems, tag, tags, target, text, textHTML, title, toc, topic
    case topicCount, topics, url, value, values, verdicts, verified, verifiedBy, verifiedCount, wins
    case hasMath, hasCode, usesScripts
    case children, hasChildren, parent
    case breadcrumbs, hasBreadcrumbs, folder, folders, hasFolders, hasStudy, home, groupedBy, hasNotes
    case pagination, previous, next, more
    case hasFeed
    case disputed, disputedBy, moreDisputes, quantity, range, ownQuantity, ownRange, coverage
    case continued, disputedClaims, latest
    case canvas, limit, dataURL

    /// The key a template's name stands for; nil for a name no page gives.
    init?(name: String) {
        guard let key = Self.byName[name] else { return nil }
        self = key
    }

    /// The name templates use: the case's own.
    var name: String { "\(self)" }

    private static let byName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.name, $0) })
}

/// One value of a page's data, of a kind templates tell apart: the
/// renderer switches on it where a value held as `Any` took a dynamic cast
/// for each look at it (casts were a tenth of rendering's instructions).
enum PageValue {
    case string(String)
    case int(Int)
    case bool(Bool)
    case object(TemplateObject)
    case objects([TemplateObject])
    case values([PageValue])
    /// `TemplateValue.absent`: as if missing, but stops the search up the stack.
    case absent
    /// Anything else, rendered the way swift-mustache renders it.
    indirect case other(Any)

    /// The value as swift-mustache sees it.
    var any: Any {
        switch self {
        case .string(let s): s
        case .int(let n): n
        case .bool(let b): b
        case .object(let o): o
        case .objects(let list): list
        case .values(let list): list.map(\.any)
        case .absent: TemplateValue.absent
        case .other(let value): value
        }
    }
}

/// What a page can give a template.
protocol PageValueConvertible {
    var pageValue: PageValue { get }
}

extension String: PageValueConvertible { var pageValue: PageValue { .string(self) } }
extension Int: PageValueConvertible { var pageValue: PageValue { .int(self) } }
extension Bool: PageValueConvertible { var pageValue: PageValue { .bool(self) } }
extension TemplateObject: PageValueConvertible { var pageValue: PageValue { .object(self) } }
extension TemplateValue.Absent: PageValueConvertible { var pageValue: PageValue { .absent } }
extension PageValue: PageValueConvertible { var pageValue: PageValue { self } }

extension Array: PageValueConvertible where Element: PageValueConvertible {
    var pageValue: PageValue {
        // Lists of objects, the most common by far, are kept as they are.
        if Element.self == TemplateObject.self { return .objects(unsafeBitCast(self, to: [TemplateObject].self)) }
        return .values(map(\.pageValue))
    }
}

/// One object of a page's data: named values, in the order they were given.
///
/// A page is thousands of small objects (a system page has one per claim,
/// and each claim one per subject). As `[String: Any]` each hashed every
/// name it was given and every name a template looked up; a list of pairs
/// keyed by number is made without hashing, and a template finds a name by
/// comparing a handful of numbers. swift-mustache reads it as it reads a
/// dictionary (`MustacheParent`), so both renderers see the same values.
struct TemplateObject: ExpressibleByDictionaryLiteral, MustacheParent {
    struct Entry {
        let key: TemplateKey
        var value: PageValue
    }

    private(set) var entries: [Entry]

    init(dictionaryLiteral elements: (TemplateKey, any PageValueConvertible)...) {
        // Room for two more: claims and verdicts are given a value or two
        // after they are made, and each one grew its array anew.
        entries = []
        entries.reserveCapacity(elements.count + 2)
        for (key, value) in elements { entries.append(Entry(key: key, value: value.pageValue)) }
    }

    /// The value named `key`; setting nil removes it, as for a dictionary.
    subscript(key: TemplateKey) -> (any PageValueConvertible)? {
        get { value(key.rawValue)?.pageValue }
        set {
            let index = entries.firstIndex { $0.key == key }
            switch (index, newValue) {
            case (let i?, let value?): entries[i].value = value.pageValue
            case (let i?, nil): entries.remove(at: i)
            case (nil, let value?): entries.append(Entry(key: key, value: value.pageValue))
            case (nil, nil): break
            }
        }
    }

    /// The value named by the key numbered `key`: what the compiled renderer
    /// asks. Keys are compared in place; only the value found is copied.
    func value(_ key: Int32) -> PageValue? {
        entries.withUnsafeBufferPointer { entries in
            // Through the pointer: indexing the buffer copied each entry, value and all.
            guard var entry = entries.baseAddress else { return nil }
            let end = entry + entries.count
            while entry < end {
                if entry.pointee.key.rawValue == key { return entry.pointee.value }
                entry += 1
            }
            return nil
        }
    }

    /// The value named `key`, as templates see it.
    func value(_ key: TemplateKey) -> PageValue? { value(key.rawValue) }

    func child(named name: String) -> Any? {
        TemplateKey(name: name).flatMap { value($0.rawValue)?.any }
    }

    /// Gives each of `keys` that has no value the value `absent`.
    func completed(_ keys: [TemplateKey]) -> TemplateObject {
        var c = self
        for key in keys where value(key.rawValue) == nil { c.entries.append(Entry(key: key, value: .absent)) }
        return c
    }
}
