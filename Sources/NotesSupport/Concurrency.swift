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

    /// Slot `i`'s value, moved out: the slot is empty after.
    package func take(_ i: Int) -> T? {
        lock.lock()
        defer { lock.unlock() }
        return slots[i].take()
    }
}

/// Lets `value` go on another thread: freeing a folder's records took a
/// tenth of a rebuild after an edit at 10k notes, on the thread that had
/// the build's result to hand back. A process that exits meanwhile does
/// not wait for it.
package func releaseInBackground<T>(_ value: consuming T) {
    let held = Held(value)
    DispatchQueue.global(qos: .utility).async { _ = held }
}

private final class Held<T>: @unchecked Sendable {
    let value: T
    init(_ value: consuming T) { self.value = value }
}

/// Stage timings on stderr when `NOTESC_TIMING` is set, for profiling.
public struct StageClock {
    private let enabled = ProcessInfo.processInfo.environment["NOTESC_TIMING"] != nil
    private var last = DispatchTime.now()

    public init() {}

    public mutating func lap(_ stage: String) {
        guard enabled else { return }
        let now = DispatchTime.now()
        let seconds = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9
        FileHandle.standardError.write(Data(String(format: "%-12@ %7.3f s  %5ld MB rss  %5ld MB peak\n", stage, seconds,
                                                   Self.megabytes("VmRSS:"), Self.megabytes("VmHWM:")).utf8))
        last = now
    }

    /// A line of /proc/self/status in MB (0 where there is none): the
    /// resident memory now (`VmRSS:`) and at its peak so far (`VmHWM:`).
    /// Read with `read(2)`: Foundation sees /proc files as empty.
    private static func megabytes(_ field: String) -> Int {
        let fd = open("/proc/self/status", O_RDONLY)
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: 8192)
        let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { return 0 }
        let status = String(decoding: bytes[..<count], as: UTF8.self)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) }),
              let kilobytes = Int(line.dropFirst(field.count).filter(\.isNumber)) else { return 0 }
        return kilobytes / 1024
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
