import Foundation
import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// SARIF 2.1.0 for GitHub code scanning: one run, the rule catalog with help
/// texts, results with repository-relative URIs and 1-based regions whose
/// columns count Unicode code points.
public struct SARIFReporter: Reporter {
    public init() {}

    public static let informationURI = "https://github.com/notesc/notesc"

    public func bytes(_ report: LintReport) -> [UInt8] {
        let rules = Rule.all
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let results: [[String: Any]] = report.diagnostics.map { d in
            var region: [String: Any] = ["startLine": max(d.line, 1), "startColumn": codePointColumn(report, d.file, d.line, d.column)]
            if let endLine = d.endLine, let endColumn = d.endColumn, endLine >= d.line {
                region["endLine"] = endLine
                // SARIF's end column is exclusive; ours is inclusive.
                region["endColumn"] = codePointColumn(report, d.file, endLine, endColumn + 1)
            }
            var message = d.message
            if let suggestion = d.suggestion { message += " (\(suggestion))" }
            var result: [String: Any] = [
                "ruleId": d.rule,
                "level": level(d.severity),
                "message": ["text": message],
                "locations": [["physicalLocation": [
                    "artifactLocation": ["uri": uri(report.displayPath(d.file))],
                    "region": region,
                ]]],
            ]
            if let index = ruleIndex[d.rule] { result["ruleIndex"] = index }
            return result
        }
        let driverRules: [[String: Any]] = rules.map { rule in
            [
                "id": rule.id,
                "name": rule.id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(),
                "shortDescription": ["text": rule.summary],
                "fullDescription": ["text": rule.help],
                "help": ["text": rule.help, "markdown": "**\(rule.id)**: \(rule.help)"],
                "defaultConfiguration": ["level": level(rule.defaultSeverity)],
                "helpUri": "\(Self.informationURI)#\(rule.id)",
            ]
        }
        let document: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [[
                "tool": ["driver": [
                    "name": "notesc",
                    "informationUri": Self.informationURI,
                    "semanticVersion": "0.1.0",
                    "rules": driverRules,
                ]],
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": ["claims": ["numeric": report.claims.numeric, "verified": report.claims.verified]],
            ]],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return StableJSON.indent(Array(data))
    }

    func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// A relative path as a URI reference: each segment percent-encoded.
    func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#[]@!$&'()*+,;=")
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }.joined(separator: "/")
    }

    /// Our columns count bytes; SARIF's count code points here.
    func codePointColumn(_ report: LintReport, _ file: String, _ line: Int, _ byteColumn: Int) -> Int {
        guard let text = report.sourceLine(file, line) else { return max(byteColumn, 1) }
        let bytes = Array(text.utf8)
        let prefix = bytes.prefix(max(byteColumn - 1, 0))
        let extra = max(byteColumn - 1 - bytes.count, 0)
        return String(decoding: prefix, as: UTF8.self).unicodeScalars.count + extra + 1
    }
}
