import Dispatch
import Foundation

/// A value computed on another thread; `value` waits for it.
package final class Background<T>: @unchecked Sendable {
    private var result: T?
    private let group = DispatchGroup()

    package init(_ work: @escaping () -> T) {
        DispatchQueue.global().async(group: group) { self.result = work() }
    }

    package var value: T {
        group.wait()
        return result!
    }
}

/// A value made on first use, once, whichever thread asks first.
package final class OnFirstUse<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: T?
    private let make: @Sendable () -> T

    package init(_ make: @escaping @Sendable () -> T) { self.make = make }

    package var value: T {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let value = make()
        made = value
        return value
    }
}

/// Fixed slots that concurrent workers fill by index.
package final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    package init(count: Int) { slots = Array(repeating: nil, count: count) }

    package subscript(i: Int) -> T? {
        get { lock.lock(); defer { lock.unlock() }; return slots[i] }
        set { lock.lock(); slots[i] = newValue; lock.unlock() }
    }

    package var values: [T] { slots.map { $0! } }
}

/// Stage timings on stderr when `NOTESC_TIMING` is set, for profiling.
public struct StageClock {
    private let enabled = ProcessInfo.processInfo.environment["NOTESC_TIMING"] != nil
    private var last = DispatchTime.now()

    public init() {}

    public mutating func lap(_ stage: String) {
        guard enabled else { return }
        let now = DispatchTime.now()
        FileHandle.standardError.write(Data(String(format: "%-12@ %7.3f s\n", stage, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9).utf8))
        last = now
    }
}
/// Cache files written on other threads while the build goes on.
public enum CacheWriting {
    private static let group = DispatchGroup()
    /// One cache at a time: each is encoded whole before it is written, and
    /// two at once, beside the pages, made the build's peak memory.
    private static let queue = DispatchQueue(label: "notesc.cache-writing")

    package static func run(background: Bool, _ write: @escaping @Sendable () -> Void) {
        if background { queue.async(group: group, execute: write) } else { write() }
    }

    /// Waits for every cache file being written: call it before the process ends.
    public static func wait() { group.wait() }
}
