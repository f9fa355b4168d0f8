import Foundation

/// The package's folder, for reading its fixtures and sample notes. Tests
/// read from it and never write into it: see `Scratch`.
public enum Repository {
    /// The folder holding `Package.swift`.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `relative` below the repository's folder.
    public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}
