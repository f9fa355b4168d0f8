import NotesSupport

/// A `###` subsection of Key Comparisons: one topic, its claims and verdicts.
public struct Topic: Codable, Sendable {
    public var title: String
    public var slug: String
    public var range: SourceRange
    public var claims: [Claim]
    public var verdicts: [Verdict]

    package init(title: String, slug: String, range: SourceRange, claims: [Claim], verdicts: [Verdict]) {
        self.title = title
        self.slug = slug
        self.range = range
        self.claims = claims
        self.verdicts = verdicts
    }
}

/// One bullet `- **Subject[/Subject]** (qualifier): text` of a topic.
public struct Claim: Codable, Sendable {
    /// The bold label as written: `DeepSeek-V2/V3`.
    public var label: String
    public var subjects: [Subject]
    public var qualifier: String?
    /// The claim after the colon: `MLA (93% KV cache reduction)`.
    public var text: String
    public var quantities: [Quantity]
    public var range: SourceRange
    /// Checks (in this note or another) whose stated value this claim writes.
    public var verifiedBy: [CheckReference]
    public var verified: Bool { !verifiedBy.isEmpty }

    enum CodingKeys: String, CodingKey { case label, subjects, qualifier, text, quantities, range, verifiedBy, verified }

    public init(label: String, subjects: [Subject], qualifier: String?, text: String, quantities: [Quantity], range: SourceRange, verifiedBy: [CheckReference] = []) {
        self.label = label; self.subjects = subjects; self.qualifier = qualifier; self.text = text
        self.quantities = quantities; self.range = range; self.verifiedBy = verifiedBy
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        label = try c.decode(String.self, forKey: .label)
        subjects = try c.decode([Subject].self, forKey: .subjects)
        qualifier = try c.decodeIfPresent(String.self, forKey: .qualifier)
        text = try c.decode(String.self, forKey: .text)
        quantities = try c.decode([Quantity].self, forKey: .quantities)
        range = try c.decode(SourceRange.self, forKey: .range)
        verifiedBy = try c.decodeIfPresent([CheckReference].self, forKey: .verifiedBy) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(label, forKey: .label)
        try c.encode(subjects, forKey: .subjects)
        try c.encode(qualifier, forKey: .qualifier)
        try c.encode(text, forKey: .text)
        try c.encode(quantities, forKey: .quantities)
        try c.encode(range, forKey: .range)
        try c.encode(verifiedBy, forKey: .verifiedBy)
        try c.encode(verified, forKey: .verified)
    }
}

/// Where a passing `check` that verifies a claim stands.
public struct CheckReference: Codable, Hashable, Sendable {
    public var note: String
    public var line: Int

    package init(note: String, line: Int) {
        self.note = note
        self.line = line
    }
}

/// A system a claim is about: `DeepSeek-V3`, slug `deepseek-v3`.
public struct Subject: Codable, Hashable, Sendable {
    public var name: String
    public var slug: String

    package init(name: String, slug: String) {
        self.name = name
        self.slug = slug
    }
}

/// A `- **Verdict**: ...` bullet.
public struct Verdict: Codable, Sendable {
    public var text: String
    /// Slugs of the topic's subjects that the verdict names (or names the family of).
    public var favors: [String]
    public var range: SourceRange

    package init(text: String, favors: [String], range: SourceRange) {
        self.text = text
        self.favors = favors
        self.range = range
    }
}

/// A number written in a claim: `93%`, `128k tokens`, `~$10M+`, `???M`.
public struct Quantity: Codable, Hashable, Sendable {
    /// As written.
    public var text: String
    /// The value with magnitude applied (`93%` is 0.93, `$5.5M` is 5500000); nil when unknown (`???M`).
    public var value: Double?
    /// `%`, `USD`, or the word after the number (`tokens`, `params`); nil when bare.
    public var unit: String?
    public var approximate: Bool
    public var lowerBound: Bool
    /// 1-based byte column range within the claim line.
    public var range: SourceRange

    package init(text: String, value: Double? = nil, unit: String? = nil, approximate: Bool, lowerBound: Bool, range: SourceRange) {
        self.text = text
        self.value = value
        self.unit = unit
        self.approximate = approximate
        self.lowerBound = lowerBound
        self.range = range
    }
}
