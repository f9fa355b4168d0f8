import Foundation

/// `exclude:` of `notesc.yml`: gitignore-style patterns of files and folders
/// notesc never reads. A pattern without a `/` matches a name at any depth
/// (`drafts`, `*.tmp.md`); one with a `/` is anchored at the notes root
/// (`/private`, `journal/2019`); a trailing `/` matches folders only; `*`
/// and `?` stay within a name, `**` spans folders; `!` re-includes what an
/// earlier pattern excluded; `#` starts a comment.
public struct ExcludePatterns: Sendable, Equatable {
    struct Pattern: Sendable, Equatable {
        var regex: String
        var foldersOnly: Bool
        var negated: Bool
    }

    let patterns: [Pattern]

    public init(_ lines: [String] = []) {
        patterns = lines.compactMap(Self.compile)
    }

    public var isEmpty: Bool { patterns.isEmpty }

    /// Whether `path` (relative to the notes root, `/`-separated) is excluded.
    public func excludes(_ path: String, isFolder: Bool) -> Bool {
        var excluded = false
        for p in patterns where !p.foldersOnly || isFolder {
            if path.range(of: p.regex, options: .regularExpression) != nil { excluded = !p.negated }
        }
        return excluded
    }

    static func compile(_ line: String) -> Pattern? {
        var text = line.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, !text.hasPrefix("#") else { return nil }
        var negated = false
        if text.hasPrefix("!") { negated = true; text.removeFirst() }
        var foldersOnly = false
        if text.hasSuffix("/") { foldersOnly = true; text.removeLast() }
        let anchored = text.dropFirst().contains("/") || text.hasPrefix("/")
        if text.hasPrefix("/") { text.removeFirst() }
        guard !text.isEmpty else { return nil }
        var regex = anchored ? "^" : "(^|/)"
        var chars = Array(text)[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            switch c {
            case "*":
                if chars.first == "*" {
                    chars = chars.dropFirst()
                    if chars.first == "/" { chars = chars.dropFirst(); regex += "(.*/)?" } else { regex += ".*" }
                } else {
                    regex += "[^/]*"
                }
            case "?": regex += "[^/]"
            default: regex += NSRegularExpression.escapedPattern(for: String(c))
            }
        }
        return Pattern(regex: regex + "$", foldersOnly: foldersOnly, negated: negated)
    }
}
