import Foundation
import Yams
import NotesCalc
import NotesMarkdown
import NotesModel
import NotesSupport

/// `notesc.yml` in the notes root (or `--config FILE`):
///
/// ```yaml
/// title: Study Notes              # site title
/// baseURL: https://example.org/   # for sitemap.xml and feed.xml
/// rules:
///   orphan-note: off              # off | info | warning | error
///   one-way-connection: warning
/// aliases:
///   LLaMA: [Llama, llama-3-family] # other names of one system
/// exclude: [templates/, "*.excalidraw.md"]  # never read (gitignore-style)
/// publish: explicit               # only notes with publish: true (default: all but drafts)
/// ```
public struct Config: Sendable, Equatable {
    public var title: String?
    public var baseURL: String?
    /// Severity per rule id; nil means the rule is off.
    public var severities: [String: Severity?] = [:]
    /// Slug of an alias → the canonical system name.
    public var aliases: [String: String] = [:]
    /// Files and folders notesc never reads (`exclude:`, gitignore-style).
    public var exclude = ExcludePatterns()
    /// Which notes the site publishes (`publish: explicit`: only those with `publish: true`).
    public var publish = PublishMode.all

    public init(title: String? = nil, baseURL: String? = nil) {
        self.title = title
        self.baseURL = baseURL
    }

    public static let fileName = "notesc.yml"

    /// Reads `explicitPath`, or `notesc.yml` in `root` when present.
    /// A malformed file is a run failure whose message names the line.
    public static func load(root: String, explicitPath: String? = nil) throws -> Config {
        let path = explicitPath ?? root + "/" + fileName
        guard let data = FileManager.default.contents(atPath: path) else {
            if explicitPath != nil { throw NotesError.invalidConfig("cannot read config \(path)") }
            return Config()
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw NotesError.invalidConfig("\(path): not valid UTF-8")
        }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String = fileName) throws -> Config {
        var config = Config()
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw NotesError.invalidConfig("\(path): \(describe(error))")
        }
        guard let node else { return config }
        guard let mapping = node.mapping else { throw failure(path, node, "expected a mapping of settings") }
        for (key, value) in mapping {
            switch key.string ?? "" {
            case "title":
                config.title = try scalar(path, value)
            case "baseURL", "baseUrl", "base_url":
                config.baseURL = try scalar(path, value)
            case "rules":
                guard let rules = value.mapping else { throw failure(path, value, "'rules' must map rule ids to off, info, warning or error") }
                for (id, level) in rules {
                    let name = id.string ?? ""
                    guard Rule.named(name) != nil else {
                        let hint = NearMiss.suggestion(for: name, among: Rule.all.map(\.id)).map { "; did you mean '\($0)'?" } ?? ""
                        throw failure(path, id, "unknown rule '\(name)'\(hint)")
                    }
                    let text = try scalar(path, level).lowercased()
                    if text == "off" || text == "false" {
                        config.severities[name] = .some(nil)
                    } else if let severity = Severity(rawValue: text) {
                        config.severities[name] = severity
                    } else {
                        throw failure(path, level, "rule '\(name)': '\(text)' is not off, info, warning or error")
                    }
                }
            case "aliases":
                guard let aliases = value.mapping else { throw failure(path, value, "'aliases' must map a system name to its other names") }
                for (canonical, others) in aliases {
                    let name = try scalar(path, canonical)
                    var list: [String] = []
                    if let sequence = others.sequence {
                        for item in sequence { list.append(try scalar(path, item)) }
                    } else {
                        list.append(try scalar(path, others))
                    }
                    for alias in list { config.aliases[slugify(alias)] = name }
                }
            case "publish":
                let text = try scalar(path, value)
                guard let mode = PublishMode(rawValue: text.lowercased()) else {
                    throw failure(path, value, "'publish' is 'all' (every note but drafts) or 'explicit' (only notes with publish: true), not '\(text)'")
                }
                config.publish = mode
            case "exclude":
                var lines: [String] = []
                if let sequence = value.sequence {
                    for item in sequence { lines.append(try scalar(path, item)) }
                } else {
                    lines = try scalar(path, value).split(separator: "\n").map(String.init)
                }
                config.exclude = ExcludePatterns(lines)
            default:
                let known = ["title", "baseURL", "rules", "aliases", "exclude", "publish"]
                let hint = NearMiss.suggestion(for: key.string ?? "", among: known).map { "; did you mean '\($0)'?" } ?? ""
                throw failure(path, key, "unknown setting '\(key.string ?? "")'\(hint)")
            }
        }
        return config
    }

    /// The severity a rule reports with under this config; nil when off.
    public func severity(of rule: String, default fallback: Severity) -> Severity? {
        if let configured = severities[rule] { return configured }
        return fallback
    }

    /// Whether the rule reports at all (it is not set `off`).
    package func isOn(_ rule: Rule) -> Bool {
        if let configured = severities[rule.id] { return configured != nil }
        return true
    }

    /// The rules set `off`: they are not run.
    package var rulesOff: Set<String> { Set(severities.compactMap { $0.value == nil ? $0.key : nil }) }

    private static func scalar(_ path: String, _ node: Node) throws -> String {
        guard let s = node.scalar?.string else { throw failure(path, node, "expected a single value") }
        return s
    }

    private static func failure(_ path: String, _ node: Node, _ message: String) -> NotesError {
        NotesError.invalidConfig("\(path):\(node.mark?.line ?? 1): \(message)")
    }

    private static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return "\(mark.line): not valid YAML: \(problem)"
        default:
            return "not valid YAML: \(error)"
        }
    }
}
