import Foundation
import Mustache
import NotesCalc
import NotesCheck
import NotesGraph
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// The page templates and assets a build uses: the built-in set
/// (`DefaultTemplates`, a copy of the repository's `Templates/`), with the
/// files of `--templates DIR` put over it by name. Templates are parsed
/// once per build (`TemplateParser`) and shared by every page.
package struct TemplateSet: Sendable {
    /// The templates as swift-mustache parses them, the first time a page
    /// needs it; it renders what `compiled` cannot.
    private let reference: ReferenceTemplates
    /// notesc's own renderer (`CompiledLibrary`); nil when a template uses
    /// what only swift-mustache renders (`TemplateNeedsSwiftMustache`).
    let compiled: CompiledLibrary?
    /// `assets/…` paths and their bytes, sorted by path.
    let assets: [(path: String, bytes: [UInt8])]
    /// Hash of every template and asset, for the build cache.
    var sourceHash: String = ""
    /// The names each template looks up, with those of the partials it
    /// includes and the templates it extends; nil when swift-mustache renders
    /// them (a template notesc's parser does not take).
    var namesUsed: [String: Set<String>]?

    /// Whether template `name`, or what it includes, looks up `key`: a page's
    /// data leaves out what is costly to make and no template of it shows.
    func uses(_ key: TemplateKey, in name: String) -> Bool {
        namesUsed.map { $0[name]?.contains(key.name) ?? false } ?? true
    }

    /// Every name `parsed` templates look up, by template, through partials and extended templates.
    static func namesUsed(_ parsed: [String: [TemplateToken]]) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for (name, tokens) in parsed {
            var names = Set<String>(), visited: Set<String> = [name]
            func look(_ used: String) { for part in used.split(separator: ".") { names.insert(String(part)) } }
            func visit(_ tokens: [TemplateToken]) {
                for token in tokens {
                    switch token {
                    case .text, .contentType: break
                    case .variable(let used, _): look(used)
                    case .section(let used, _, let inner): look(used); visit(inner)
                    case .block(_, let given, _): visit(given)
                    case .partial(let partial, _, let blocks):
                        for block in (blocks ?? [:]).values { visit(block) }
                        if visited.insert(partial).inserted, let included = parsed[partial] { visit(included) }
                    }
                }
            }
            visit(tokens)
            result[name] = names
        }
        return result
    }

    /// Templates, assets and the options that shape every page.
    func fingerprint(_ options: SiteOptions) -> String {
        var h = StableHash()
        for part in [sourceHash, options.title, options.language, options.baseURL ?? "", String(options.unsafeHTML), String(options.graphCanvasAbove)] { h.add(part) }
        // Links to drafts read as text, links to no note as broken: a change of drafts may change any page.
        for draft in options.drafts.sorted() { h.add(draft) }
        return h.hex
    }

    static func load(from directory: String?) throws -> TemplateSet {
        var files = DefaultTemplates.files.mapValues { Array($0.utf8) }
        if let directory {
            for (path, bytes) in try readFolder(directory) { files[path] = bytes }
        }
        FastHTMLContentType.register()
        var sources: [String: (file: String, text: String)] = [:]
        var parsed: [String: [TemplateToken]] = [:]
        var onlySwiftMustache = false
        var assets: [(String, [UInt8])] = []
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
            if path.hasSuffix(".mustache") {
                let name = String(path.dropLast(".mustache".count))
                let file = (directory.map { $0 + "/" } ?? "built-in ") + path
                let text = String(decoding: bytes, as: UTF8.self)
                sources[name] = (file, text)
                do {
                    parsed[name] = try TemplateParser.parse(text)
                } catch let error as TemplateSyntaxError {
                    throw SiteError.template("\(file):\(error.line):\(error.column): \(error.message)")
                } catch {
                    onlySwiftMustache = true
                }
            } else if path.hasPrefix("assets/") {
                assets.append((path, bytes))
            }
        }
        for required in ["layout", "index", "note", "system", "topic", "tag", "list", "graph", "404", "folder", "category"] where sources[required] == nil {
            throw SiteError.template("no template '\(required).mustache'")
        }
        var hash = StableHash()
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) { hash.add(path); hash.add(bytes) }
        let reference = ReferenceTemplates(sources)
        // Parsed now, so that its errors come before any page is rendered.
        if onlySwiftMustache { _ = try reference.library() }
        return TemplateSet(reference: reference, compiled: onlySwiftMustache ? nil : CompiledLibrary(parsed),
                           assets: assets, sourceHash: hash.hex, namesUsed: onlySwiftMustache ? nil : namesUsed(parsed))
    }

    /// Every regular file below `directory`, by relative path; hidden files skipped.
    package static func readFolder(_ directory: String) throws -> [String: [UInt8]] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            throw SiteError.template("no templates folder \(directory)")
        }
        var files: [String: [UInt8]] = [:]
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return files }
        for case let relative as String in walker {
            guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            var st = stat()
            guard stat(directory + "/" + relative, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { continue }
            switch Discovery.read(directory + "/" + relative) {
            case .success(let bytes): files[relative] = bytes
            case .failure(let error): throw SiteError.template("\(error)")
            }
        }
        return files
    }

    /// The page `template` makes of `context` (a page's `TemplateObject`, or a `[String: Any]`).
    func render(_ context: Any, _ template: String) throws -> [UInt8] {
        if let compiled {
            guard compiled.has(template) else { throw Self.missing(template) }
            if let page = compiled.render(context, template: template) { return page }
        }
        return Array(try renderWithSwiftMustache(context, template).utf8)
    }

    /// The same page rendered by swift-mustache itself.
    func renderWithSwiftMustache(_ context: Any, _ template: String) throws -> String {
        guard let html = try reference.library().render(context, withTemplate: template) else { throw Self.missing(template) }
        return html
    }

    private static func missing(_ template: String) -> SiteError {
        SiteError.template("no template '\(template).mustache'")
    }
}

/// The templates' text, parsed by swift-mustache only when something asks:
/// a build whose templates notesc renders itself never does.
private final class ReferenceTemplates: @unchecked Sendable {
    private let sources: [String: (file: String, text: String)]
    private let lock = NSLock()
    private var parsed: Result<MustacheLibrary, Error>?

    init(_ sources: [String: (file: String, text: String)]) {
        self.sources = sources
    }

    func library() throws -> MustacheLibrary {
        lock.lock()
        defer { lock.unlock() }
        if let parsed { return try parsed.get() }
        let result = Result { try MustacheLibrary(templates: sources.mapValues(Self.parse)) }
        parsed = result
        return try result.get()
    }

    private static func parse(_ source: (file: String, text: String)) throws -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: source.text)
        } catch let error as MustacheTemplate.ParserError {
            let at = error.context
            throw SiteError.template("\(source.file):\(at.lineNumber):\(at.columnNumber): \(error.error)")
        } catch {
            throw SiteError.template("\(source.file): \(error)")
        }
    }
}
