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
    /// Claims about the same system in the same topic whose numbers cannot
    /// both hold with this one's (DESIGN §9), by note id and line; at most
    /// `ClaimConflict.shownLimit` of them.
    public var disputedBy: [ClaimConflict]
    /// How many claims conflict with this one, `disputedBy` and any left out of it.
    public var disputes: Int
    public var disputed: Bool { disputes > 0 }

    enum CodingKeys: String, CodingKey { case label, subjects, qualifier, text, quantities, range, verifiedBy, verified, disputedBy, disputes }

    public init(label: String, subjects: [Subject], qualifier: String?, text: String, quantities: [Quantity], range: SourceRange,
                verifiedBy: [CheckReference] = [], disputedBy: [ClaimConflict] = [], disputes: Int = 0) {
        self.label = label; self.subjects = subjects; self.qualifier = qualifier; self.text = text
        self.quantities = quantities; self.range = range; self.verifiedBy = verifiedBy
        self.disputedBy = disputedBy; self.disputes = max(disputes, disputedBy.count)
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
        disputedBy = try c.decodeIfPresent([ClaimConflict].self, forKey: .disputedBy) ?? []
        disputes = try c.decodeIfPresent(Int.self, forKey: .disputes) ?? disputedBy.count
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
        try c.encode(disputedBy, forKey: .disputedBy)
        try c.encode(disputes, forKey: .disputes)
    }
}

/// Another claim that cannot hold together with a claim (DESIGN §9): where it
/// stands, and both claims' conflicting numbers with their ranges at written
/// precision, so a page showing the dispute needs nothing else of the other note.
public struct ClaimConflict: Codable, Hashable, Sendable {
    /// A claim lists at most this many of the claims it conflicts with (the
    /// nearest ranges below and above its own, then by note and line), so
    /// ten thousand notes that disagree with one do not make its page huge.
    public static let shownLimit = 3

    /// The other claim's note id and line.
    public var note: String
    public var line: Int
    /// The other claim's quantity as written (`$5.576M`) and its range (`$5.576M..$5.576M`).
    public var quantity: String
    public var range: String
    /// This claim's conflicting quantity as written and its range.
    public var ownQuantity: String
    public var ownRange: String

    package init(note: String, line: Int, quantity: String, range: String, ownQuantity: String, ownRange: String) {
        self.note = note; self.line = line; self.quantity = quantity; self.range = range
        self.ownQuantity = ownQuantity; self.ownRange = ownRange
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
    /// The step of the last digit written, magnitude applied: 1000 for `128k`,
    /// 100000 for `$5.5M`, 0.01 for `93%`; nil when unknown.
    public var resolution: Double?
    /// 1-based byte column range within the claim line.
    public var range: SourceRange

    package init(text: String, value: Double? = nil, unit: String? = nil, approximate: Bool, lowerBound: Bool,
                 resolution: Double? = nil, range: SourceRange) {
        self.text = text
        self.value = value
        self.unit = unit
        self.approximate = approximate
        self.lowerBound = lowerBound
        self.resolution = resolution
        self.range = range
    }
}
