import Mustache

/// swift-mustache's parsed templates, rendered straight into bytes.
///
/// swift-mustache parses every template, so its grammar and its rules for
/// whitespace, standalone lines, partials and inheritance are the ones in
/// force. Rendering through it was most of a cold build: each `{{value}}`
/// split its name, walked the context stack through protocol casts, printed
/// the value with `String(describing:)` and grew a `String` piece by piece.
/// Page contexts hold a handful of concrete types (`PageContext`), so this
/// renderer tells them apart by type identity, keeps one context stack, and
/// appends to one byte buffer. It reproduces swift-mustache's rendering
/// rules, quirks included (an empty string opens a section; a key holding
/// `TemplateValue.absent` stops the search up the stack); a test renders
/// every page of the fixture sites with both and compares the bytes.
///
/// What it does not cover — transforms (`{{uppercased(name)}}`) and
/// dynamic partials (`{{>*name}}`), which only a user's templates could use —
/// makes `CompiledLibrary(templates)` fail, and swift-mustache renders the
/// whole set as before.
struct CompiledLibrary: @unchecked Sendable {
    private let templates: [String: CompiledTemplate]

    /// Nil when a template uses something this renderer does not, or when
    /// swift-mustache's parsed form is not the one this was written against.
    init?(_ parsed: [String: MustacheTemplate]) {
        var templates: [String: CompiledTemplate] = [:]
        for (name, template) in parsed {
            guard let compiled = try? CompiledTemplate(template) else { return nil }
            templates[name] = compiled
        }
        self.templates = templates
    }

    /// The page `template` makes of `context`; nil when there is no such template.
    func render(_ context: [String: Any], template name: String) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var renderer = Renderer(library: templates, root: context)
        renderer.render(template, Frame())
        return renderer.out
    }
}

/// One template: its tokens as swift-mustache parsed them, in a form that
/// needs no casts to render. A class, because sections hold templates.
final class CompiledTemplate {
    enum Token {
        case text([UInt8])
        case variable(Name, escaped: Bool)
        case section(Name, CompiledTemplate)
        case invertedSection(Name, CompiledTemplate)
        /// `{{$name}}default{{/name}}` inside a template that others extend.
        case block(String, default: CompiledTemplate, indentation: String?)
        /// `{{>name}}`, or `{{<name}}…{{/name}}` with blocks to put in.
        case partial(String, indentation: String?, blocks: [String: CompiledTemplate]?)
        case contentType(Escaping)
    }

    /// A variable's name: `.`, `.a.b` (the innermost context only) or `a.b`
    /// (the first context up the stack that has an `a`).
    struct Name {
        enum Start { case current, innermost, stack }
        var start: Start
        var parts: [String]

        init(_ text: String) {
            if text == "." {
                start = .current; parts = []
            } else {
                start = text.first == "." ? .innermost : .stack
                parts = text.split(separator: ".").map(String.init)
            }
        }
    }

    /// How `{{value}}` is escaped: swift-mustache's `CONTENT_TYPE` pragma.
    enum Escaping {
        case html, text
        case other(MustacheContentType)
    }

    let tokens: [Token]

    struct Unsupported: Error { var what: String }

    convenience init(_ template: MustacheTemplate) throws {
        guard let tokens = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value else {
            throw Unsupported(what: "no tokens in a parsed template")
        }
        try self.init(tokens: Mirror(reflecting: tokens).children.map { try Self.token($0.value) })
    }

    private init(tokens: [Token]) {
        self.tokens = tokens
    }

    /// One of swift-mustache's `MustacheTemplate.Token`s, read by reflection
    /// (the type is internal to it): the case's name and its values by label.
    private static func token(_ token: Any) throws -> Token {
        let mirror = Mirror(reflecting: token)
        guard mirror.displayStyle == .enum, let payload = mirror.children.first, let kind = payload.label else {
            throw Unsupported(what: "token \(token)")
        }
        let fields = Dictionary(Mirror(reflecting: payload.value).children.compactMap { child in
            child.label.map { ($0, child.value) }
        }, uniquingKeysWith: { first, _ in first })
        func field<T>(_ label: String, as _: T.Type) throws -> T {
            guard let value = fields[label] as? T else { throw Unsupported(what: "\(kind).\(label)") }
            return value
        }
        func name() throws -> Name {
            guard try field("transforms", as: [String].self).isEmpty else { throw Unsupported(what: "transforms") }
            return Name(try field("name", as: String.self))
        }
        func optional<T>(_ label: String, as _: T.Type) throws -> T? {
            guard let value = fields[label] else { throw Unsupported(what: "\(kind).\(label)") }
            let mirror = Mirror(reflecting: value)
            guard mirror.displayStyle == .optional else { throw Unsupported(what: "\(kind).\(label)") }
            guard let wrapped = mirror.children.first?.value else { return nil }
            guard let typed = wrapped as? T else { throw Unsupported(what: "\(kind).\(label)") }
            return typed
        }
        switch kind {
        case "text":
            guard let text = payload.value as? String else { throw Unsupported(what: "text") }
            return .text(Array(text.utf8))
        case "variable":
            return .variable(try name(), escaped: true)
        case "unescapedVariable":
            return .variable(try name(), escaped: false)
        case "section":
            return .section(try name(), try CompiledTemplate(try field("template", as: MustacheTemplate.self)))
        case "invertedSection":
            return .invertedSection(try name(), try CompiledTemplate(try field("template", as: MustacheTemplate.self)))
        case "blockExpansion":
            return .block(try field("name", as: String.self),
                          default: try CompiledTemplate(try field("default", as: MustacheTemplate.self)),
                          indentation: try optional("indentation", as: String.self))
        case "partial":
            let blocks = try optional("inherits", as: [String: MustacheTemplate].self)
            return .partial(try field(".0", as: String.self),
                            indentation: try optional("indentation", as: String.self),
                            blocks: try blocks?.mapValues { try CompiledTemplate($0) })
        case "contentType":
            guard let type = payload.value as? MustacheContentType else { throw Unsupported(what: "content type") }
            return .contentType(Escaping(type))
        default:
            // dynamicNamePartial, and anything a later swift-mustache adds.
            throw Unsupported(what: kind)
        }
    }
}

extension CompiledTemplate.Escaping {
    /// swift-mustache's own HTML and TEXT types by name (they are internal to
    /// it); ours (`FastHTMLContentType`) escapes as its HTML type does.
    init(_ type: MustacheContentType) {
        switch type {
        case is FastHTMLContentType: self = .html
        default:
            switch String(describing: Swift.type(of: type)) {
            case "HTMLContentType": self = .html
            case "TextContentType": self = .text
            default: self = .other(type)
            }
        }
    }
}

/// What a template renders with besides the context stack, as swift-mustache
/// passes it down: the indentation of the partial it is in, the blocks put
/// into the templates it extends, and the escaping in force.
private struct Frame {
    var indentation: String? = nil
    var blocks: [String: CompiledTemplate]? = nil
    var escaping: CompiledTemplate.Escaping = .html
}

private struct Renderer {
    let library: [String: CompiledTemplate]
    var stack: [Any]
    var out: [UInt8] = []

    init(library: [String: CompiledTemplate], root: [String: Any]) {
        self.library = library
        stack = [root]
        stack.reserveCapacity(16)
        out.reserveCapacity(1 << 15)
    }

    mutating func render(_ template: CompiledTemplate, _ frame: Frame) {
        var frame = frame
        guard let indentation = frame.indentation, !indentation.isEmpty else {
            for token in template.tokens { render(token, &frame) }
            return
        }
        // In an indented partial, each token that starts a line of this
        // template's output is indented (swift-mustache's rule, token by token).
        let start = out.count
        for token in template.tokens {
            let tokenStart = out.count
            let atLineStart = tokenStart > start && out[tokenStart - 1] == 0x0A
            render(token, &frame)
            if atLineStart && out.count > tokenStart {
                out.insert(contentsOf: indentation.utf8, at: tokenStart)
            }
        }
    }

    private mutating func render(_ token: CompiledTemplate.Token, _ frame: inout Frame) {
        switch token {
        case .text(let bytes):
            out.append(contentsOf: bytes)
        case .variable(let name, let escaped):
            guard let value = lookup(name) else { return }
            append(value, escaping: escaped ? frame.escaping : .text)
        case .section(let name, let template):
            section(lookup(name), template, frame)
        case .invertedSection(let name, let template):
            invertedSection(lookup(name), template, frame)
        case .block(let name, let defaultTemplate, let indentation):
            var inner = frame
            inner.indentation = Self.indent(frame.indentation, indentation)
            render(frame.blocks?[name] ?? defaultTemplate, inner)
        case .partial(let name, let indentation, let blocks):
            guard let template = library[name] else { return }
            var blocksInForce = frame.blocks
            if let blocks {
                // Blocks given further out win over the partial's own.
                blocksInForce = frame.blocks?.merging(blocks) { outer, _ in outer } ?? blocks
            }
            render(template, Frame(indentation: Self.indent(frame.indentation, indentation), blocks: blocksInForce, escaping: .html))
        case .contentType(let escaping):
            frame.escaping = escaping
        }
    }

    private static func indent(_ outer: String?, _ inner: String?) -> String? {
        guard let inner else { return outer }
        return (outer ?? "") + inner
    }

    // MARK: Sections

    private mutating func section(_ value: Any?, _ template: CompiledTemplate, _ frame: Frame) {
        guard let value else { return }
        switch ValueKind(value) {
        case .bool:
            if value as! Bool { render(template, frame) }
        case .context, .string, .int:
            push(value, template, frame)
        case .list:
            for item in value as! [[String: Any]] { push(item, template, frame) }
        case .array:
            for item in value as! [Any] { push(item, template, frame) }
        case .absent:
            return
        case .other:
            if let sequence = value as? any MustacheSequence {
                for item in Self.items(sequence) { push(item, template, frame) }
            } else if let renderable = value as? MustacheCustomRenderable, renderable.isNull {
                return
            } else {
                push(value, template, frame)
            }
        }
    }

    private mutating func invertedSection(_ value: Any?, _ template: CompiledTemplate, _ frame: Frame) {
        guard let value else { return render(template, frame) }
        switch ValueKind(value) {
        case .bool:
            if !(value as! Bool) { render(template, frame) }
        case .list:
            if (value as! [[String: Any]]).isEmpty { push(value, template, frame) }
        case .array:
            if (value as! [Any]).isEmpty { push(value, template, frame) }
        case .context, .string, .int:
            return
        case .absent:
            render(template, frame)
        case .other:
            if let sequence = value as? any MustacheSequence {
                if Self.items(sequence).isEmpty { push(value, template, frame) }
            } else if let renderable = value as? MustacheCustomRenderable, renderable.isNull {
                render(template, frame)
            }
        }
    }

    private mutating func push(_ value: Any, _ template: CompiledTemplate, _ frame: Frame) {
        stack.append(value)
        render(template, frame)
        stack.removeLast()
    }

    private static func items(_ sequence: some Sequence) -> [Any] { sequence.map { $0 as Any } }

    // MARK: Values

    /// The value a name stands for, as swift-mustache finds it: the first
    /// part up the stack, the rest inside what that gave; nil when missing
    /// or `absent`.
    private func lookup(_ name: CompiledTemplate.Name) -> Any? {
        var value: Any?
        switch name.start {
        case .current:
            value = stack.last
        case .innermost:
            value = Self.descend(name.parts[...], from: stack[stack.count - 1])
        case .stack:
            guard let first = name.parts.first else { value = stack.last; break }
            for object in stack.reversed() {
                if let child = Self.child(first, of: object) {
                    value = Self.descend(name.parts.dropFirst(), from: child)
                    break
                }
            }
        }
        guard let found = value else { return nil }
        return Self.represented(found)
    }

    private static func descend(_ parts: ArraySlice<String>, from object: Any) -> Any? {
        var object = object
        for part in parts {
            guard let child = child(part, of: object) else { return nil }
            object = child
        }
        return object
    }

    /// `object.name`: a dictionary's entry; nothing for text, numbers and lists.
    private static func child(_ name: String, of object: Any) -> Any? {
        switch ValueKind(object) {
        case .context: return (object as! [String: Any])[name]
        case .string, .int, .bool, .list, .array, .absent: return nil
        case .other:
            // As swift-mustache does for any other type.
            guard let object = represented(object) else { return nil }
            if let parent = object as? MustacheParent { return parent.child(named: name) }
            guard let match = Mirror(reflecting: object).children.first(where: { $0.label == name }) else { return nil }
            let value = Mirror(reflecting: match.value)
            guard value.displayStyle == .optional else { return match.value }
            return value.children.first?.value
        }
    }

    /// `MustacheCustomRepresentation`'s stand-in (nil for `absent`).
    private static func represented(_ value: Any) -> Any? {
        switch ValueKind(value) {
        case .absent: return nil
        case .other:
            if let custom = value as? MustacheCustomRepresentation { return custom.representation }
            return value
        default: return value
        }
    }

    private mutating func append(_ value: Any, escaping: CompiledTemplate.Escaping) {
        let text: String
        switch ValueKind(value) {
        case .string: text = value as! String
        case .int: text = String(value as! Int)
        case .bool: text = (value as! Bool) ? "true" : "false"
        default:
            if let renderable = value as? MustacheCustomRenderable {
                text = renderable.renderText
            } else {
                // `String(describing:)` of the value, an optional's inside if any.
                let mirror = Mirror(reflecting: value)
                if mirror.displayStyle == .optional, let wrapped = mirror.children.first?.value {
                    text = String(describing: wrapped)
                } else {
                    text = String(describing: value)
                }
            }
        }
        switch escaping {
        case .html: Self.appendEscaped(text, to: &out)
        case .text: out.append(contentsOf: text.utf8)
        case .other(let type): out.append(contentsOf: type.escapeText(text).utf8)
        }
    }

    /// `& < > " '` as entities, the same text as `HTMLEscape.escape`, added
    /// a run of plain bytes at a time.
    private static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            var run = 0
            for i in 0..<utf8.count {
                let entity: StaticString
                switch utf8[i] {
                case 0x26: entity = "&amp;"
                case 0x3C: entity = "&lt;"
                case 0x3E: entity = "&gt;"
                case 0x22: entity = "&quot;"
                case 0x27: entity = "&#39;"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
                out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                run = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        }
    }
}

/// The types page contexts are made of, told apart by type identity: a
/// failed `as?` cast searches the runtime's conformance tables, and that was
/// the largest single cost of rendering through swift-mustache.
private enum ValueKind {
    case string, int, bool, context, list, array, absent, other

    init(_ value: Any) {
        let type = ObjectIdentifier(Swift.type(of: value))
        let types = Self.types
        if type == types.string { self = .string }
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
        context: ObjectIdentifier([String: Any].self),
        list: ObjectIdentifier([[String: Any]].self),
        array: ObjectIdentifier([Any].self),
        absent: ObjectIdentifier(TemplateValue.Absent.self)
    )
}
