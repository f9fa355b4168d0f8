/// A mustache template as notesc reads it, for its own renderer
/// (`CompiledLibrary`).
///
/// notesc parses its templates itself, by swift-mustache's grammar and with
/// its whitespace rules (standalone lines, the indentation of partials and
/// blocks), quirks included: swift-mustache still renders what this parser
/// leaves to it, and a test holds both to the same output, so a template
/// means the same whichever renders it.
enum TemplateToken: Equatable, Sendable {
    case text(String)
    /// `{{name}}` (escaped), `{{{name}}}` or `{{&name}}` (not).
    case variable(String, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(String, inverted: Bool, [TemplateToken])
    /// `{{$name}}default{{/name}}` in a template others extend.
    case block(String, default: [TemplateToken], indentation: String)
    /// `{{>name}}` (no blocks; indentation when it stands alone on its line)
    /// or `{{<name}}{{$block}}…{{/block}}{{/name}}` (the blocks it puts in).
    case partial(String, indentation: String?, blocks: [String: [TemplateToken]]?)
    /// `{{% CONTENT_TYPE: HTML }}` (escaped values) or `TEXT` (not).
    case contentType(html: Bool)
}

/// A template that is not mustache: where, and why.
struct TemplateSyntaxError: Error, Equatable, CustomStringConvertible {
    var line: Int
    var column: Int
    var message: String

    var description: String { "line \(line), column \(column): \(message)" }
}

/// A template uses what only swift-mustache renders: transforms
/// (`{{uppercased(x)}}`), dynamic partials (`{{>*x}}`), or a content type
/// other than HTML and TEXT (registered with swift-mustache).
struct TemplateNeedsSwiftMustache: Error, Equatable {
    var what: String
}

struct TemplateParser {
    /// Characters, as swift-mustache reads them: `\r\n` is one.
    private let text: [Character]
    private var at = 0

    private init(_ source: String) { text = Array(source) }

    /// The template `source`; throws `TemplateSyntaxError` or `TemplateNeedsSwiftMustache`.
    static func parse(_ source: String) throws -> [TemplateToken] {
        var parser = TemplateParser(source)
        return try parser.body(Scope()).tokens
    }

    /// What the part being read is inside of.
    private struct Scope {
        /// The name `{{/name}}` must close, and where its tag started.
        var closing: String?
        var openedAt = 0
        /// The reader is at the start of a line: a tag alone on it stands alone.
        var newLine = true
        /// Inside `{{<parent}}…{{/parent}}`, where `{{$name}}` defines a block
        /// when directly inside (`topLevel`); blocks' lines lose the
        /// indentation of their first line (`indent` characters).
        var inParent = false
        var topLevel = false
        var indent: Int?
        var open: [Character] = ["{", "{"]
        var close: [Character] = ["}", "}"]

        func entering(_ name: String, at tag: Int, standalone: Bool) -> Scope {
            var inner = self
            inner.closing = name
            inner.openedAt = tag
            inner.topLevel = false
            inner.newLine = standalone
            return inner
        }
    }

    /// What one section, or the whole template, holds; blocks only directly in a `{{<parent}}`.
    private struct Body {
        var tokens: [TemplateToken] = []
        var blocks: [String: [TemplateToken]] = [:]
    }

    private mutating func body(_ outer: Scope) throws -> Body {
        var scope = outer
        var body = Body()
        // Spaces and tabs at the start of the line: kept, unless a tag that
        // stands alone on its line drops them with the line.
        var space = ""
        while at < text.count {
            if scope.newLine {
                let leading = spacesAndTabs()
                if scope.inParent, !scope.topLevel {
                    if let indent = scope.indent { space = String(leading.dropFirst(indent)) } else { scope.indent = leading.count }
                } else {
                    space = leading
                }
            }
            let run = try textUntilTag(scope)
            if at < text.count, text[at].isNewline {
                body.tokens.append(.text(space + run + String(text[at])))
                scope.newLine = true
                at += 1
                continue
            }
            if !run.isEmpty {
                body.tokens.append(.text(space + run))
                space = ""
                scope.newLine = false
            }
            // A template that ends in an opening delimiter ends there.
            guard at < text.count else { break }
            let tag = at - scope.open.count
            var standalone = false
            func flushSpace() {
                if !space.isEmpty { body.tokens.append(.text(space)); space = "" }
            }
            switch text[at] {
            case "#", "^":
                let inverted = text[at] == "^"
                at += 1
                let name = try name(scope, tag: tag)
                if isStandalone(scope) { standalone = true } else { flushSpace() }
                let inner = try self.body(scope.entering(name, at: tag, standalone: standalone))
                body.tokens.append(.section(name, inverted: inverted, inner.tokens))
            case "/":
                at += 1
                let name = try name(scope, tag: tag)
                guard name == scope.closing else { throw closingError(name, scope, tag: tag) }
                if !isStandalone(scope) { flushSpace() }
                return body
            case "!":
                at += 1
                try skipComment(scope, tag: tag)
                standalone = isStandalone(scope)
            case "{", "&":
                flushSpace()
                let triple = text[at] == "{"
                at += 1
                let name = try name(scope, tag: tag)
                if triple {
                    guard at < text.count, text[at] == "}" else { throw error(at: tag, "'{{{' is not closed by '}}}'") }
                    at += 1
                }
                body.tokens.append(.variable(name, escaped: false))
            case ">":
                at += 1
                skipWhitespace()
                if at < text.count, text[at] == "*" { throw TemplateNeedsSwiftMustache(what: "dynamic partial") }
                let name = try partialName(scope, tag: tag)
                if !space.isEmpty { body.tokens.append(.text(space)) }
                standalone = isStandalone(scope)
                body.tokens.append(.partial(name, indentation: standalone ? space : nil, blocks: nil))
                space = ""
            case "<":
                at += 1
                skipWhitespace()
                let name = try partialName(scope, tag: tag)
                if name.first == "*" { throw TemplateNeedsSwiftMustache(what: "dynamic partial") }
                if !space.isEmpty { body.tokens.append(.text(space)) }
                standalone = isStandalone(scope)
                var inner = scope
                inner.closing = name
                inner.openedAt = tag
                inner.newLine = true
                inner.inParent = true
                inner.topLevel = true
                let parent = try self.body(inner)
                guard parent.tokens.allSatisfy({ if case .text = $0 { true } else { false } }) else {
                    throw error(at: tag, "only blocks ({{$name}}…{{/name}}) may be inside {{<\(name)}}…{{/\(name)}}")
                }
                body.tokens.append(.partial(name, indentation: space, blocks: parent.blocks))
                space = ""
            case "$":
                at += 1
                let name = try name(scope, tag: tag)
                if scope.topLevel {
                    standalone = isStandalone(scope)
                    body.blocks[name] = try self.body(scope.entering(name, at: tag, standalone: standalone)).tokens
                } else {
                    if !space.isEmpty { body.tokens.append(.text(space)) }
                    standalone = isStandalone(scope)
                    let inner = try self.body(scope.entering(name, at: tag, standalone: standalone))
                    body.tokens.append(.block(name, default: inner.tokens, indentation: space))
                    space = ""
                }
            case "=":
                at += 1
                try setDelimiters(&scope, tag: tag)
                standalone = isStandalone(scope)
            case "%":
                at += 1
                if let html = try contentType(scope, tag: tag) { body.tokens.append(.contentType(html: html)) }
                standalone = isStandalone(scope)
            default:
                flushSpace()
                body.tokens.append(.variable(try name(scope, tag: tag), escaped: true))
            }
            scope.newLine = standalone
        }
        if let name = scope.closing {
            throw error(at: scope.openedAt, "'\(name)' is opened here and never closed with {{/\(name)}}")
        }
        return body
    }

    // MARK: Text and names

    /// Text up to the next newline (left unread) or opening delimiter (read).
    private mutating func textUntilTag(_ scope: Scope) throws -> String {
        var run = ""
        while at < text.count {
            let c = text[at]
            if c == "\n" || c == "\r\n" { break }
            if c == scope.open[0] {
                guard text.count - at >= scope.open.count else {
                    throw error(at: at, "the template ends in '\(String(text[at...]))', the start of a tag")
                }
                if text[at..<at + scope.open.count].elementsEqual(scope.open) {
                    at += scope.open.count
                    break
                }
            }
            run.append(c)
            at += 1
        }
        return run
    }

    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = nameCharacters.union(["/"])
    private static let pragmaCharacters = nameCharacters.subtracting(["(", ")"])

    /// A value's or a section's name, and the closing delimiter after it.
    private mutating func name(_ scope: Scope, tag: Int) throws -> String {
        let name = try word(Self.nameCharacters, scope, tag: tag)
        if name.contains("(") || name.contains(")") { throw TemplateNeedsSwiftMustache(what: "transform in '\(name)'") }
        return name
    }

    private mutating func partialName(_ scope: Scope, tag: Int) throws -> String {
        try word(Self.partialNameCharacters, scope, tag: tag)
    }

    private mutating func word(_ characters: Set<Character>, _ scope: Scope, tag: Int) throws -> String {
        skipWhitespace()
        let start = at
        while at < text.count, characters.contains(text[at]) { at += 1 }
        let word = String(text[start..<at])
        skipWhitespace()
        guard read(scope.close) == true else {
            let found = at < text.count ? "'\(text[at])'" : "the end of the template"
            throw error(at: tag, "unfinished tag: expected '\(String(scope.close))' but found \(found)")
        }
        return word
    }

    /// Reads `characters` if they come next: nil when fewer are left.
    private mutating func read(_ characters: [Character]) -> Bool? {
        guard text.count - at >= characters.count else { return nil }
        guard text[at..<at + characters.count].elementsEqual(characters) else { return false }
        at += characters.count
        return true
    }

    private mutating func skipWhitespace() {
        while at < text.count, text[at].isWhitespace { at += 1 }
    }

    private mutating func spacesAndTabs() -> String {
        let start = at
        while at < text.count, text[at] == " " || text[at] == "\t" { at += 1 }
        return String(text[start..<at])
    }

    /// A tag stands alone when it is all its line holds but spaces and tabs;
    /// the rest of the line, its newline included, is then read too.
    private mutating func isStandalone(_ scope: Scope) -> Bool {
        guard scope.newLine else { return false }
        if at == text.count { return true }
        var end = at
        while end < text.count, text[end] == " " || text[end] == "\t" { end += 1 }
        guard end < text.count, text[end].isNewline else { return false }
        at = end + 1
        return true
    }

    // MARK: Comments, delimiters, pragmas

    /// Skips to after the closing delimiter, matching it as swift-mustache
    /// does (a partial match is not looked at again).
    private mutating func skipComment(_ scope: Scope, tag: Int) throws {
        var matched = 0
        while at < text.count {
            if text[at] == scope.close[matched] {
                matched += 1
                if matched == scope.close.count {
                    at += 1
                    return
                }
            } else {
                matched = 0
            }
            at += 1
        }
        throw error(at: tag, "comment never closed with '\(String(scope.close))'")
    }

    /// `{{=<% %>=}}`.
    private mutating func setDelimiters(_ scope: inout Scope, tag: Int) throws {
        let bad = error(at: tag, "bad delimiter tag: write it as {{=<% %>=}}")
        skipWhitespace()
        let start = at
        while at < text.count, !text[at].isWhitespace { at += 1 }
        guard at < text.count else { throw bad }
        let open = Array(text[start..<at])
        skipWhitespace()
        let end = at
        while at < text.count, text[at] != "=", !text[at].isWhitespace { at += 1 }
        guard at < text.count else { throw bad }
        let close = Array(text[end..<at])
        skipWhitespace()
        guard read(["="]) == true, read(scope.close) == true, !open.isEmpty, !close.isEmpty else { throw bad }
        scope.open = open
        scope.close = close
        scope.topLevel = false
    }

    /// `{{% CONTENT_TYPE: HTML }}`: true for HTML, false for TEXT.
    private mutating func contentType(_ scope: Scope, tag: Int) throws -> Bool? {
        let bad = error(at: tag, "bad pragma: write it as {{% CONTENT_TYPE: HTML }}")
        skipWhitespace()
        let variable = characters(Self.pragmaCharacters)
        skipWhitespace()
        guard read([":"]) == true else { throw bad }
        skipWhitespace()
        let value = characters(Self.pragmaCharacters)
        skipWhitespace()
        guard read(scope.close) == true, !variable.isEmpty, !value.isEmpty else { throw bad }
        guard variable == "CONTENT_TYPE" else { throw error(at: tag, "unknown pragma '\(variable)' (only CONTENT_TYPE is)") }
        switch value {
        case "HTML": return true
        case "TEXT": return false
        default: throw TemplateNeedsSwiftMustache(what: "content type \(value)")
        }
    }

    private mutating func characters(_ set: Set<Character>) -> String {
        let start = at
        while at < text.count, set.contains(text[at]) { at += 1 }
        return String(text[start..<at])
    }

    // MARK: Errors

    private func closingError(_ name: String, _ scope: Scope, tag: Int) -> TemplateSyntaxError {
        guard let open = scope.closing else { return error(at: tag, "{{/\(name)}} closes nothing") }
        let opened = position(scope.openedAt)
        return error(at: tag, "{{/\(name)}} found where {{/\(open)}} should close '\(open)' (opened on line \(opened.line))")
    }

    private func error(at index: Int, _ message: String) -> TemplateSyntaxError {
        let (line, column) = position(index)
        return TemplateSyntaxError(line: line, column: column, message: message)
    }

    /// Line and column (in characters, from 1) of `text[index]`.
    private func position(_ index: Int) -> (line: Int, column: Int) {
        var line = 1, lineStart = 0
        for i in 0..<min(max(index, 0), text.count) where text[i].isNewline {
            line += 1
            lineStart = i + 1
        }
        return (line, max(index, 0) - lineStart + 1)
    }
}
