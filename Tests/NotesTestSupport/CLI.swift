import Foundation

/// Runs the built `notesc` binary as users meet it: arguments in; stdout,
/// stderr and exit status out. It runs in a scratch folder, which is its
/// working folder and holds its caches.
public enum CLI {
    /// How long one run may take before it is killed and the test fails.
    public static let deadline: TimeInterval = 300

    public static var binary: URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("notesc")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return Repository.root.appendingPathComponent(".build/debug/notesc")
    }

    public struct Result {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// Stdout as written, byte for byte.
        public var stdoutBytes: Data
    }

    /// Runs `notesc arguments` with `scratch` as its working folder and
    /// `scratch.cache` as `XDG_CACHE_HOME`; `stdout`, when given, receives
    /// its output instead of a pipe (the result's stdout is then empty).
    public static func run(_ arguments: [String], in scratch: Scratch, environment: [String: String] = [:],
                           stdout: FileHandle? = nil) throws -> Result {
        var env = environment
        env["XDG_CACHE_HOME"] = env["XDG_CACHE_HOME"] ?? scratch.cache
        return try Subprocess.run(binary, arguments, in: scratch.root, environment: env, stdout: stdout, name: "notesc")
    }
}

/// Runs a program to its end, or kills it at `CLI.deadline` and throws.
public enum Subprocess {
    public static func run(_ executable: URL, _ arguments: [String], in directory: String, environment: [String: String] = [:],
                           stdout: FileHandle? = nil, name: String? = nil) throws -> CLI.Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = stdout ?? out
        process.standardError = err
        try process.run()
        // A run past the deadline is killed, which closes its pipes and ends the reads below.
        let timedOut = Flag()
        let killer = DispatchWorkItem { timedOut.set(); process.terminate() }
        DispatchQueue.global().asyncAfter(deadline: .now() + CLI.deadline, execute: killer)
        // Read both pipes before waiting, so a large output cannot block the child.
        let outData = Box()
        let group = DispatchGroup()
        if stdout == nil {
            group.enter()
            DispatchQueue.global().async { outData.data = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        killer.cancel()
        if timedOut.value { throw TimedOut(command: ([name ?? executable.lastPathComponent] + arguments).joined(separator: " ")) }
        return CLI.Result(status: process.terminationStatus, stdout: String(decoding: outData.data, as: UTF8.self),
                          stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: outData.data)
    }

    public struct TimedOut: Error, CustomStringConvertible {
        public var command: String
        public var description: String { "\(command) did not finish within \(Int(CLI.deadline)) s; killed" }
    }

    /// Written by one reader thread, read after `group.wait()`.
    private final class Box: @unchecked Sendable { var data = Data() }

    private final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var raised = false
        func set() { lock.lock(); raised = true; lock.unlock() }
        var value: Bool { lock.lock(); defer { lock.unlock() }; return raised }
    }
}
