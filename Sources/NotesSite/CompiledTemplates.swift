import Mustache
import NotesCalc
import NotesCheck
import NotesGraph
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// Pages rendered from notesc's own parse of the templates (`TemplateParser`)
/// straight into bytes.
///
/// This is a second renderer, kept for speed: rendering through swift-mustache
/// was most of a cold build. Each `{{value}}` split its name, walked the
/// context stack through protocol casts, printed the value with
/// `String(describing:)` and grew a `String` piece by piece. Pages give their
/// values as `TemplateObject`s of `PageValue`s, so this renderer switches on a
/// value's kind and finds a name by its `TemplateKey` number, keeps one
/// context stack, and appends to one byte buffer. Other values (a
/// `[String: Any]`, a user's types) are told apart by type identity and read
/// through swift-mustache's public protocols (`MustacheParent`,
/// `MustacheSequence`, `MustacheCustomRenderable`…), as it reads them.
/// swift-mustache stays the reference: this renderer reproduces its rendering
/// rules, quirks included (an empty string opens a section; a key holding
/// `TemplateValue.absent` stops the search up the stack), and a test renders
/// every page of the fixture sites with both and compares the bytes.
///
/// What it does not cover is left to swift-mustache: templates with
/// transforms (`{{uppercased(name)}}`), dynamic partials (`{{>*name}}`) or
/// other content types never reach it (`TemplateNeedsSwiftMustache`), and a
/// page whose values would have to be read by reflection (a struct's
/// properties) or called (`MustacheLambda`) makes `render` return nil.
struct CompiledLibrary: Sendable {
    private let program: Program
    private let byName: [String: Int]

    init(_ parsed: [String: [TemplateToken]]) {
        var builder = ProgramBuilder()
        byName = builder.add(parsed)
        program = Program(builder)
    }

    /// Whether there is a template `name`.
    func has(_ name: String) -> Bool { byName[name] != nil }

    /// The page `template` makes of `context`; nil when there is no such
    /// template, or when only swift-mustache can render this context.
    func render(_ context: Any, template name: String) -> [UInt8]? {
        guard let template = byName[name] else { return nil }
        var renderer = Renderer(program: program, root: context)
        renderer.render(template, Frame())
        return renderer.needsSwiftMustache ? nil : renderer.out
    }
}

/// One instruction of a compiled template. Plain numbers only: the program
/// is shared by every rendering thread, and reading it must not touch
/// reference counts (contended counts were half of rendering's time when
/// templates were trees of arrays and classes).
private struct Op {
    enum Kind: UInt8 {
        /// `text[a..<a+b]`
        case text
        /// `{{name}}`, `{{{name}}}`: the name `a`.
        case escaped, unescaped
        /// `{{#name}}` `{{^name}}`: the name `a`, the inner template `b`.
        case section, invertedSection
        /// `{{$name}}default{{/name}}` inside a template others extend:
        /// block name `strings[a]`, default template `b`, indentation `strings[c]` (or none when c < 0).
        case block
        /// `{{>name}}` or `{{<name}}…{{/name}}`: template `a` (none when a < 0),
        /// the blocks put in `blockSets[b]` (none when b < 0), indentation `strings[c]` (none when c < 0).
        case partial
        /// `{{% CONTENT_TYPE: … }}`: escaping `a`, 0 HTML, 1 none.
        case contentType
    }

    var kind: Kind
    var a: Int32
    var b: Int32 = 0
    var c: Int32 = -1
}

/// A variable's name: `.`, `.a.b` (the innermost context only) or `a.b` (the
/// first context up the stack that has an `a`); its parts are `strings[first..<first+count]`,
/// and the same parts as `TemplateKey`s are `keys[first..<first+count]`.
private struct Name {
    enum Start: UInt8 { case current, innermost, stack }
    var start: Start
    var first: Int32
    var count: Int32
}

/// Every template of a set, flattened into tables that live as long as the
/// program. The tables that every value and section reads are raw buffers:
/// reading them takes no reference, which threads would contend for.
private final class Program: @unchecked Sendable {
    let ops: UnsafeMutableBufferPointer<Op>
    let text: UnsafeMutableBufferPointer<UInt8>
    /// Each template's ops: `ops[templates[i].start..<templates[i].end]`.
    let templates: UnsafeMutableBufferPointer<(start: Int, end: Int)>
    let names: UnsafeMutableBufferPointer<Name>
    let strings: UnsafeMutableBufferPointer<String>
    /// `strings[i]` as a `TemplateKey`'s number, -1 when no page gives that name.
    let keys: UnsafeMutableBufferPointer<Int32>
    let blockSets: [[String: Int]]

    init(_ builder: ProgramBuilder) {
        ops = Self.copy(builder.ops)
        text = Self.copy(builder.text)
        templates = Self.copy(builder.templates)
        names = Self.copy(builder.names)
        strings = Self.copy(builder.strings)
        keys = Self.copy(builder.strings.map { TemplateKey(name: $0)?.rawValue ?? -1 })
        blockSets = builder.blockSets
    }

    /// `array`'s elements, in a buffer whose count is theirs (its memory has
    /// room for one at least, so it always has an address): `deinit`
    /// deinitializes `strings.count` strings, and for a set of templates
    /// without a single name it released one that was never set.
    private static func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, array.count))
        _ = buffer.initialize(from: array)
        return UnsafeMutableBufferPointer(rebasing: buffer[..<array.count])
    }

    deinit {
        ops.deallocate()
        text.deallocate()
        templates.deallocate()
        names.deallocate()
        strings.baseAddress!.deinitialize(count: strings.count)
        strings.deallocate()
        keys.deallocate()
    }
}

/// Compiles parsed templates (`TemplateParser`) into a `Program`.
private struct ProgramBuilder {
    var ops: [Op] = []
    var text: [UInt8] = []
    var templates: [(start: Int, end: Int)] = []
    var names: [Name] = []
    var strings: [String] = []
    var blockSets: [[String: Int]] = []
    /// Partials by name, filled in once every named template has its number.
    private var partialNames: [(op: Int, name: String)] = []

    /// Adds every template; returns their numbers by name.
    mutating func add(_ parsed: [String: [TemplateToken]]) -> [String: Int] {
        var byName: [String: Int] = [:]
        for name in parsed.keys.sorted() { byName[name] = add(parsed[name]!) }
        for (op, name) in partialNames { ops[op].a = Int32(byName[name] ?? -1) }
        return byName
    }

    /// Adds one template and those inside it; returns its number.
    private mutating func add(_ tokens: [TemplateToken]) -> Int {
        // Inner templates are added as their tokens are met, so this one's
        // ops go in after them, together.
        let outerPartials = pendingPartials
        pendingPartials = []
        var own: [Op] = []
        own.reserveCapacity(tokens.count)
        for (i, token) in tokens.enumerated() { own.append(op(token, index: i)) }
        let start = ops.count
        for (i, name) in pendingPartials { partialNames.append((start + i, name)) }
        pendingPartials = outerPartials
        ops += own
        templates.append((start, ops.count))
        return templates.count - 1
    }

    /// Partials of the template being added: (index among its ops, name).
    private var pendingPartials: [(Int, String)] = []

    /// An indentation's string; none (-1) when empty, which indents nothing.
    private mutating func indentation(_ s: String?) -> Int32 {
        guard let s, !s.isEmpty else { return -1 }
        strings.append(s)
        return Int32(strings.count - 1)
    }

    private mutating func name(_ text: String) -> Int32 {
        let start: Name.Start = text == "." ? .current : text.first == "." ? .innermost : .stack
        let parts = start == .current ? [] : text.split(separator: ".").map(String.init)
        names.append(Name(start: start, first: Int32(strings.count), count: Int32(parts.count)))
        strings += parts
        return Int32(names.count - 1)
    }

    private mutating func op(_ token: TemplateToken, index: Int) -> Op {
        switch token {
        case .text(let string):
            let op = Op(kind: .text, a: Int32(text.count), b: Int32(string.utf8.count))
            text += string.utf8
            return op
        case .variable(let variable, let escaped):
            return Op(kind: escaped ? .escaped : .unescaped, a: name(variable))
        case .section(let variable, let inverted, let tokens):
            let variable = name(variable)
            let inner = add(tokens)
            return Op(kind: inverted ? .invertedSection : .section, a: variable, b: Int32(inner))
        case .block(let block, let tokens, let indentation):
            strings.append(block)
            let block = Int32(strings.count - 1)
            let inner = add(tokens)
            return Op(kind: .block, a: block, b: Int32(inner), c: self.indentation(indentation))
        case .partial(let partial, let indentation, let blocks):
            var set: Int32 = -1
            if let blocks {
                var numbers: [String: Int] = [:]
                for name in blocks.keys.sorted() { numbers[name] = add(blocks[name]!) }
                blockSets.append(numbers)
                set = Int32(blockSets.count - 1)
            }
            pendingPartials.append((index, partial))
            return Op(kind: .partial, a: -1, b: set, c: self.indentation(indentation))
        case .contentType(let html):
            return Op(kind: .contentType, a: html ? 0 : 1)
        }
    }
}

/// What a template renders with besides the context stack, as swift-mustache
/// passes it down: the indentation of the partial it is in, the blocks put
/// into the templates it extends, and the escaping in force. Numbers into the
/// renderer's own tables, so passing a frame down touches no reference count.
private struct Frame {
    /// `Renderer.indentations[indentation]`; none when negative.
    var indentation: Int32 = -1
    /// `Renderer.blockSets[blocks]`; none when negative.
    var blocks: Int32 = -1
    /// 0 HTML, 1 none.
    var escaping: Int32 = 0
}

private struct Renderer {
    let program: Program
    private let ops: UnsafeMutableBufferPointer<Op>
    private let text: UnsafeMutableBufferPointer<UInt8>
    private let templates: UnsafeMutableBufferPointer<(start: Int, end: Int)>
    private let names: UnsafeMutableBufferPointer<Name>
    private let strings: UnsafeMutableBufferPointer<String>
    private let keys: UnsafeMutableBufferPointer<Int32>
    var stack: [PageValue]
    var out: [UInt8] = []
    /// Set when a value met can only be rendered by swift-mustache: the page is then thrown away.
    private(set) var needsSwiftMustache = false
    /// Indentations and block sets in force somewhere in this page, made as
    /// partials nest (a few per page).
    private var indentations: [String] = []
    private var blockSets: [[String: Int]] = []

    init(program: Program, root: Any) {
        self.program = program
        ops = program.ops
        text = program.text
        templates = program.templates
        names = program.names
        strings = program.strings
        keys = program.keys
        stack = [PageValue(any: root)]
        stack.reserveCapacity(16)
        out.reserveCapacity(1 << 15)
    }

    mutating func render(_ template: Int, _ frame: Frame) {
        var frame = frame
        let (start, end) = templates[template]
        guard frame.indentation >= 0, !indentations[Int(frame.indentation)].isEmpty else {
            for i in start..<end { render(ops[i], &frame) }
            return
        }
        // In an indented partial, each token that starts a line of this
        // template's output is indented (swift-mustache's rule, token by
        // token: its last character is "\n", and "\r\n" is one character).
        let indentation = indentations[Int(frame.indentation)]
        let outStart = out.count
        for i in start..<end {
            let tokenStart = out.count
            let atLineStart = tokenStart > outStart && out[tokenStart - 1] == 0x0A
                && !(tokenStart - 1 > outStart && out[tokenStart - 2] == 0x0D)
            render(ops[i], &frame)
            if atLineStart && out.count > tokenStart {
                out.insert(contentsOf: indentation.utf8, at: tokenStart)
            }
        }
    }

    private mutating func render(_ op: Op, _ frame: inout Frame) {
        switch op.kind {
        case .text:
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[Int(op.a)..<Int(op.a + op.b)]))
        case .escaped:
            guard let value = lookup(op.a) else { return }
            append(value, escaping: frame.escaping)
        case .unescaped:
            guard let value = lookup(op.a) else { return }
            append(value, escaping: 1)
        case .section:
            section(lookup(op.a), Int(op.b), frame)
        case .invertedSection:
            invertedSection(lookup(op.a), Int(op.b), frame)
        case .block:
            var inner = frame
            inner.indentation = indent(frame.indentation, op.c)
            let given = frame.blocks >= 0 ? blockSets[Int(frame.blocks)][strings[Int(op.a)]] : nil
            render(given ?? Int(op.b), inner)
        case .partial:
            guard op.a >= 0 else { return }
            var blocks = frame.blocks
            if op.b >= 0 {
                // Blocks given further out win over the partial's own.
                let own = program.blockSets[Int(op.b)]
                blockSets.append(frame.blocks >= 0 ? blockSets[Int(frame.blocks)].merging(own) { outer, _ in outer } : own)
                blocks = Int32(blockSets.count - 1)
            }
            render(Int(op.a), Frame(indentation: indent(frame.indentation, op.c), blocks: blocks, escaping: 0))
        case .contentType:
            frame.escaping = op.a
        }
    }

    /// The frame's indentation with `inner` (a program string) added.
    private mutating func indent(_ outer: Int32, _ inner: Int32) -> Int32 {
        guard inner >= 0 else { return outer }
        indentations.append((outer >= 0 ? indentations[Int(outer)] : "") + strings[Int(inner)])
        return Int32(indentations.count - 1)
    }

    // MARK: Sections

    private mutating func section(_ value: PageValue?, _ template: Int, _ frame: Frame) {
        guard let value else { return }
        switch value {
        case .bool(let yes):
            if yes { render(template, frame) }
        case .string, .int, .object:
            push(value, template, frame)
        case .objects(let list):
            for item in list { push(.object(item), template, frame) }
        case .values(let list):
            for item in list { push(item, template, frame) }
        case .absent:
            return
        case .other(let other):
            switch ValueKind(other) {
            case .list:
                for item in other as! [[String: Any]] { push(PageValue(any: item), template, frame) }
            case .array:
                for item in other as! [Any] { push(PageValue(any: item), template, frame) }
            default:
                if let sequence = other as? any MustacheSequence {
                    for item in Self.items(sequence) { push(PageValue(any: item), template, frame) }
                } else if let renderable = other as? MustacheCustomRenderable, renderable.isNull {
                    return
                } else if other is MustacheLambda {
                    needsSwiftMustache = true
                } else {
                    push(value, template, frame)
                }
            }
        }
    }

    private mutating func invertedSection(_ value: PageValue?, _ template: Int, _ frame: Frame) {
        guard let value else { return render(template, frame) }
        switch value {
        case .bool(let yes):
            if !yes { render(template, frame) }
        case .objects(let list):
            if list.isEmpty { push(value, template, frame) }
        case .values(let list):
            if list.isEmpty { push(value, template, frame) }
        case .string, .int, .object:
            return
        case .absent:
            render(template, frame)
        case .other(let other):
            switch ValueKind(other) {
            case .list:
                if (other as! [[String: Any]]).isEmpty { push(value, template, frame) }
            case .array:
                if (other as! [Any]).isEmpty { push(value, template, frame) }
            case .context:
                return
            default:
                if let sequence = other as? any MustacheSequence {
                    if Self.items(sequence).isEmpty { push(value, template, frame) }
                } else if let renderable = other as? MustacheCustomRenderable, renderable.isNull {
                    render(template, frame)
                }
            }
        }
    }

    private mutating func push(_ value: PageValue, _ template: Int, _ frame: Frame) {
        stack.append(value)
        render(template, frame)
        stack.removeLast()
    }

    private static func items(_ sequence: some Sequence) -> [Any] { sequence.map { $0 as Any } }

    // MARK: Values

    /// The value a name stands for, as swift-mustache finds it: the first
    /// part up the stack, the rest inside what that gave; nil when missing
    /// or `absent`.
    private mutating func lookup(_ number: Int32) -> PageValue? {
        let name = names[Int(number)]
        // Most names are one word looked for up the stack of objects: each
        // level is looked at in place. (Copying each value looked at, level by
        // level, was most of the references rendering took and gave back.)
        if name.start == .stack, name.count == 1 {
            let part = Int(name.first), key = keys[part]
            var level = stack.count - 1
            while level >= 0 {
                switch stack[level] {
                case .object(let object):
                    if let found = object.value(key) { return Self.represented(found) }
                case .other:
                    if let found = child(part, of: stack[level]) { return Self.represented(found) }
                default:
                    break
                }
                level -= 1
            }
            return nil
        }
        let parts = Int(name.first)..<Int(name.first + name.count)
        var value: PageValue?
        switch name.start {
        case .current:
            value = stack.last
        case .innermost:
            value = descend(parts, from: stack[stack.count - 1])
        case .stack:
            guard !parts.isEmpty else { value = stack.last; break }
            for level in stack.indices.reversed() {
                if let child = child(parts.lowerBound, of: stack[level]) {
                    value = descend(parts.dropFirst(), from: child)
                    break
                }
            }
        }
        guard let found = value else { return nil }
        return Self.represented(found)
    }

    private mutating func descend(_ parts: Range<Int>, from object: PageValue) -> PageValue? {
        var object = object
        for part in parts {
            guard let child = child(part, of: object) else { return nil }
            object = child
        }
        return object
    }

    /// `object.name`, for the name `strings[part]`: an object's or a
    /// dictionary's entry; nothing for text, numbers and lists.
    private mutating func child(_ part: Int, of object: PageValue) -> PageValue? {
        switch object {
        case .object(let object): return object.value(keys[part])
        case .string, .int, .bool, .objects, .values, .absent: return nil
        case .other(let other):
            switch ValueKind(other) {
            case .context: return (other as! [String: Any])[strings[part]].map(PageValue.init(any:))
            case .list, .array: return nil
            default: break
            }
            guard let other = Self.represented(other) else { return nil }
            if let parent = other as? MustacheParent { return parent.child(named: strings[part]).map(PageValue.init(any:)) }
            // swift-mustache reads any other value's properties by
            // reflection, and calls a lambda: it renders such a page itself.
            if !Self.hasNoProperties(other) { needsSwiftMustache = true }
            return nil
        }
    }

    /// Values whose reflection shows no named properties.
    private static func hasNoProperties(_ value: Any) -> Bool {
        value is Double || value is Float || value is Substring || value is Character || value is any BinaryInteger
    }

    /// `MustacheCustomRepresentation`'s stand-in (nil for `absent`).
    private static func represented(_ value: consuming PageValue) -> PageValue? {
        switch value {
        case .absent: return nil
        case .other(let other):
            guard let custom = other as? MustacheCustomRepresentation else { return value }
            return custom.representation.map(PageValue.init(any:))
        default: return value
        }
    }

    private static func represented(_ value: Any) -> Any? {
        if let custom = value as? MustacheCustomRepresentation { return custom.representation }
        return value
    }

    private mutating func append(_ value: PageValue, escaping: Int32) {
        let string: String
        switch value {
        case .string(let text): string = text
        case .int(let number): string = String(number)
        case .bool(let yes): string = yes ? "true" : "false"
        default:
            let value = value.any
            if let renderable = value as? MustacheCustomRenderable {
                string = renderable.renderText
            } else if value is MustacheLambda || value is MustacheTemplate {
                // swift-mustache calls the one and renders the other.
                needsSwiftMustache = true
                return
            } else if let optional = value as? OptionalValue, let wrapped = optional.wrapped {
                // `String(describing:)` of the value, an optional's inside if any.
                string = String(describing: wrapped)
            } else {
                string = String(describing: value)
            }
        }
        if escaping == 0 {
            HTMLEscape.append(string, to: &out)
        } else {
            out.append(contentsOf: string.utf8)
        }
    }
}

/// An optional held as `Any`, unwrapped without knowing its type.
private protocol OptionalValue {
    var wrapped: Any? { get }
}

extension Optional: OptionalValue {
    var wrapped: Any? { self }
}

extension PageValue {
    /// `value` as the kind of value it is; any other type is `.other`.
    init(any value: Any) {
        switch ValueKind(value) {
        case .string: self = .string(value as! String)
        case .int: self = .int(value as! Int)
        case .bool: self = .bool(value as! Bool)
        case .object: self = .object(value as! TemplateObject)
        case .objects: self = .objects(value as! [TemplateObject])
        case .absent: self = .absent
        case .context, .list, .array, .other: self = .other(value)
        }
    }
}

/// The types values given as `Any` are made of, told apart by type identity:
/// a failed `as?` cast searches the runtime's conformance tables, and that
/// was the largest single cost of rendering through swift-mustache.
private enum ValueKind {
    case string, int, bool, object, objects, context, list, array, absent, other

    init(_ value: Any) {
        let type = ObjectIdentifier(Swift.type(of: value))
        let types = Self.types
        if type == types.string { self = .string }
        else if type == types.object { self = .object }
        else if type == types.objects { self = .objects }
        else if type == types.context { self = .context }
        else if type == types.list { self = .list }
        else if type == types.bool { self = .bool }
        else if type == types.array { self = .array }
        else if type == types.int { self = .int }
        else if type == types.absent { self = .absent }
        else { self = .other }
    }

    private static let types = (
        string: ObjectIdentifier(String.self),
        int: ObjectIdentifier(Int.self),
        bool: ObjectIdentifier(Bool.self),
        object: ObjectIdentifier(TemplateObject.self),
        objects: ObjectIdentifier([TemplateObject].self),
        context: ObjectIdentifier([String: Any].self),
        list: ObjectIdentifier([[String: Any]].self),
        array: ObjectIdentifier([Any].self),
        absent: ObjectIdentifier(TemplateValue.Absent.self)
    )
}
