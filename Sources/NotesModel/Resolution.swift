import NotesSupport

/// What a reference (a link, an embed, a connection) names in the folder:
/// found once, when the folder's references are resolved, and read by the
/// rules (`broken-link`, `broken-connection`, `ambiguous-reference`) and the site.
public enum Resolution: Equatable, Sendable {
    /// A note, by id.
    case note(String)
    /// A file that is not a note (an image, a PDF), by its path below the notes root.
    case attachment(String)
    /// Several notes (or files) it could name, sorted.
    case ambiguous([String])
    /// Nothing; `suggestion` is the id (or file) it may have meant.
    case missing(suggestion: String?)

    /// The note's id, for `.note`.
    public var noteID: String? {
        if case .note(let id) = self { return id }
        return nil
    }
}

/// The records' JSON form of a link or connection (unchanged by `resolution`):
/// `resolved` names the note, `attachment` the file; an embed says `embed: true`.
extension Connection: Codable {
    enum CodingKeys: String, CodingKey { case target, reason, range, resolved }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(target: try c.decode(String.self, forKey: .target), reason: try c.decode(String.self, forKey: .reason),
                  range: try c.decode(SourceRange.self, forKey: .range), resolved: try c.decodeIfPresent(String.self, forKey: .resolved))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(target, forKey: .target)
        try c.encode(reason, forKey: .reason)
        try c.encode(range, forKey: .range)
        try c.encodeIfPresent(resolved, forKey: .resolved)
    }
}

extension NoteLink: Codable {
    enum CodingKeys: String, CodingKey { case style, target, label, fragment, range, embed, resolved, attachment }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(style: try c.decode(Style.self, forKey: .style), target: try c.decode(String.self, forKey: .target),
                  label: try c.decodeIfPresent(String.self, forKey: .label), fragment: try c.decodeIfPresent(String.self, forKey: .fragment),
                  range: try c.decode(SourceRange.self, forKey: .range), embed: try c.decodeIfPresent(Bool.self, forKey: .embed) ?? false,
                  resolved: try c.decodeIfPresent(String.self, forKey: .resolved))
        if let path = try c.decodeIfPresent(String.self, forKey: .attachment) { resolution = .attachment(path) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(style, forKey: .style)
        try c.encode(target, forKey: .target)
        try c.encodeIfPresent(label, forKey: .label)
        try c.encodeIfPresent(fragment, forKey: .fragment)
        try c.encode(range, forKey: .range)
        // Only embeds say so: the records of every other link stay as they were.
        if embed { try c.encode(true, forKey: .embed) }
        try c.encodeIfPresent(resolved, forKey: .resolved)
        try c.encodeIfPresent(attachment, forKey: .attachment)
    }
}
