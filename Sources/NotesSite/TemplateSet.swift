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
/// once per build and shared by every page.
package struct TemplateSet: Sendable {
    /// The templates as swift-mustache parsed them; it renders them when
    /// `compiled` cannot.
    let library: MustacheLibrary
    /// The same templates, rendered without swift-mustache's dynamic casts
    /// (`CompiledLibrary`); nil when a template uses transforms or dynamic partials.
    let compiled: CompiledLibrary?
    /// `assets/…` paths and their bytes, sorted by path.
    let assets: [(path: String, bytes: [UInt8])]
    /// Hash of every template and asset, for the build cache.
    var sourceHash: String = ""

    /// Templates, assets and the options that shape every page.
    func fingerprint(_ options: SiteOptions) -> String {
        var h = StableHash()
        for part in [sourceHash, options.title, options.language, options.baseURL ?? "", String(options.unsafeHTML)] { h.add(part) }
        return h.hex
    }

    static func load(from directory: String?) throws -> TemplateSet {
        var files = DefaultTemplates.files.mapValues { Array($0.utf8) }
        if let directory {
            for (path, bytes) in try readFolder(directory) { files[path] = bytes }
        }
        FastHTMLContentType.register()
        var templates: [String: MustacheTemplate] = [:]
        var assets: [(String, [UInt8])] = []
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
            if path.hasSuffix(".mustache") {
                do {
                    templates[String(path.dropLast(".mustache".count))] = try MustacheTemplate(string: String(decoding: bytes, as: UTF8.self))
                } catch {
                    throw SiteError.template("\(directory.map { $0 + "/" } ?? "built-in ")\(path): \(error)")
                }
            } else if path.hasPrefix("assets/") {
                assets.append((path, bytes))
            }
        }
        for required in ["layout", "index", "note", "system", "topic", "tag", "list", "graph", "404"] where templates[required] == nil {
            throw SiteError.template("no template '\(required).mustache'")
        }
        var hash = StableHash()
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) { hash.add(path); hash.add(bytes) }
        return TemplateSet(library: MustacheLibrary(templates: templates), compiled: CompiledLibrary(templates),
                           assets: assets, sourceHash: hash.hex)
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
            guard let page = compiled.render(context, template: template) else { throw Self.missing(template) }
            return page
        }
        return Array(try renderWithSwiftMustache(context, template).utf8)
    }

    /// The same page rendered by swift-mustache itself.
    func renderWithSwiftMustache(_ context: Any, _ template: String) throws -> String {
        guard let html = library.render(context, withTemplate: template) else { throw Self.missing(template) }
        return html
    }

    private static func missing(_ template: String) -> SiteError {
        SiteError.template("no template '\(template).mustache'")
    }
}
