import Foundation
import NotesCalc
import NotesCheck
import NotesGraph
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSite
import NotesSupport

/// What the last successful build into an output folder was made from and
/// what it reported, so that a build with nothing changed can stop before
/// parsing anything: it prints the same diagnostics and leaves the site as it
/// is. `record-<hash of the output path>` in the notes' cache folder.
public struct BuildRecord: Sendable, Equatable {
    /// Hash of everything the site and the diagnostics are made from (`inputs(...)`).
    public var inputs: String
    /// Notes, pages and files of that build.
    public var notes: Int
    public var pages: Int
    public var files: Int
    /// The diagnostics of that build in output order: infos too when
    /// `hasInfos` (it ran with `--verbose`), else errors and warnings only
    /// (tens of thousands of infos would make the record slow to write and read).
    public var diagnostics: [Diagnostic]
    public var hasInfos: Bool
    /// The output's manifest as that build left it (inode, size, modification time):
    /// another build into the same folder changes it.
    var manifest: String

    static let format = "record 4"

    static func location(cacheDir: String, outDir: String) -> String {
        var h = StableHash()
        h.add(outDir)
        return cacheDir + "/record-" + h.hex
    }

    /// Hash of what a build is made from: the note files as read, the
    /// settings (config, options), the templates and the notesc binary. Nil
    /// when the output folder is refused or a templates folder cannot be read
    /// (the build itself then says why).
    public static func inputs(_ sources: NoteSources, config: Config, options: SiteOptions) -> String? {
        guard let outDir = try? OutputLocation.check(options.outDir, notesRoot: options.notesRoot) else { return nil }
        var h = StableHash()
        h.add(format)
        h.add(CacheFile.binaryStamp)
        h.add(URL(fileURLWithPath: options.notesRoot).standardizedFileURL.path)
        h.add(outDir)
        h.add(options.title); h.add(options.language); h.add(options.baseURL ?? "-"); h.add(String(options.unsafeHTML))
        h.add(config.title ?? "-"); h.add(config.baseURL ?? "-"); h.add(config.publish.rawValue)
        for (rule, severity) in config.severities.sorted(by: { $0.key < $1.key }) { h.add(rule); h.add(severity?.rawValue ?? "off") }
        for (alias, name) in config.aliases.sorted(by: { $0.key < $1.key }) { h.add(alias); h.add(name) }
        if let templates = options.templatesDir {
            guard let files = try? TemplateSet.readFolder(templates) else { return nil }
            h.add("templates \(files.count)")
            for (path, bytes) in files.sorted(by: { $0.key < $1.key }) { h.add(path); h.add(bytes) }
        } else {
            h.add("built-in templates")
        }
        h.add(options.gitCommit ?? "no commit")
        h.add(sources.digest)
        return h.hex
    }

    /// The record of the last build into `outDir` when it was made from
    /// `inputs` and its output is all still there, untouched by another build;
    /// nil too when `infos` are asked for and the record has none.
    static func current(cacheDir: String, outDir: String, inputs: String, infos: Bool) -> BuildRecord? {
        guard let file = CacheFile.load(location(cacheDir: cacheDir, outDir: outDir), format: format),
              let block = file.blocks.first, let body = file.verified(block) else { return nil }
        var r = CacheReader(file.bytes, from: body.lowerBound, to: body.upperBound)
        do {
            guard try r.string() == inputs else { return nil }
            let notes = try r.int(), pages = try r.int(), files = try r.int()
            let manifest = try r.string()
            let hasInfos = try r.bool()
            let diagnostics = try r.array { try $0.diagnostic() }
            guard r.atEnd, hasInfos || !infos, manifest == BuildCache.manifestStamp(outDir),
                  OutputWriter.intactOutput(outDir) == files else { return nil }
            return BuildRecord(inputs: inputs, notes: notes, pages: pages, files: files, diagnostics: diagnostics,
                               hasInfos: hasInfos, manifest: manifest)
        } catch {
            return nil
        }
    }

    /// Drops the record for `outDir`: called before a build changes the output, so a failed or
    /// interrupted build never leaves a record that no longer describes the output.
    static func forget(cacheDir: String, outDir: String) {
        CacheFile.remove(location(cacheDir: cacheDir, outDir: outDir))
    }

    /// Records a successful build (the output as it is now). A record that cannot be written only costs speed.
    /// `infos`: keep the info diagnostics too (the build ran with `--verbose`).
    static func save(cacheDir: String, outDir: String, inputs: String, notes: Int, report: SiteReport,
                     diagnostics: [Diagnostic], infos: Bool) {
        var w = CacheWriter()
        w.string(inputs)
        w.int(notes); w.int(report.pages); w.int(report.files)
        w.string(BuildCache.manifestStamp(outDir))
        w.bool(infos)
        // Infos left out as they are written: a filtered copy retained every string of the rest.
        let kept = infos ? diagnostics.count : diagnostics.indices.reduce(0) { $0 + (diagnostics[$1].severity == .info ? 0 : 1) }
        w.unsigned(UInt64(kept))
        diagnostics.withUnsafeBufferPointer { d in
            for i in d.indices where infos || d[i].severity != .info { w.diagnostic(d[i]) }
        }
        CacheFile.write(location(cacheDir: cacheDir, outDir: outDir), format: format, blocks: [w.bytes])
    }
}
