import NotesModel
import NotesSupport

/// How many of a folder's claims a calculation backs (DESIGN §9): a claim
/// with a known quantity is *numeric*; it is *verified* when a passing check
/// verifies it. Lint reports it in every format; `--min-verified` gates on it.
public struct ClaimCoverage: Hashable, Sendable {
    public var numeric: Int
    public var verified: Int

    public init(numeric: Int = 0, verified: Int = 0) {
        self.numeric = numeric
        self.verified = verified
    }

    /// The coverage of `notes`' claims.
    public init(_ notes: [Note]) {
        var numeric = 0, verified = 0
        for n in notes.indices {
            for topic in notes[n].comparisons {
                for claim in topic.claims where claim.quantities.contains(where: { $0.value != nil }) {
                    numeric += 1
                    if claim.verified { verified += 1 }
                }
            }
        }
        self.init(numeric: numeric, verified: verified)
    }

    /// Verified claims as a percentage of numeric ones; nil when there are none.
    public var percent: Double? { numeric == 0 ? nil : 100 * Double(verified) / Double(numeric) }

    /// `3 of 7 numeric claims verified (42.9%)`; `no numeric claims` when there are none.
    public var summary: String {
        guard let percent else { return "no numeric claims" }
        return "\(verified) of \(numeric) numeric claim\(numeric == 1 ? "" : "s") verified (\(Self.percentText(percent)))"
    }

    /// `42.9%`, `50%`, `100%`: one decimal, none when whole.
    public static func percentText(_ percent: Double) -> String {
        let tenths = (percent * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? "\(Int(tenths / 10))%" : "\(tenths / 10)%"
    }

    /// Whether the coverage reaches `minimum` percent; a folder with no numeric claims has nothing to verify and does.
    public func meets(_ minimum: Double) -> Bool {
        guard let percent else { return true }
        return percent + 1e-9 >= minimum
    }
}
