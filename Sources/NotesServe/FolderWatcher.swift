import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders with inotify and calls `onChange` once a burst of
/// changes is over. An editor's save is several events (a temporary file
/// written, renamed over the note, its mode set); they are coalesced by
/// waiting until no event came for `debounce`, or at most `maxDelay` after
/// the first one, so a steady stream of writes still rebuilds.
///
/// Folders created later, and folders moved in, are watched as they appear.
/// Hidden folders (`.git`, `.obsidian`) and the excluded paths (the served
/// site, when it lies inside a watched folder) are not watched.
final class FolderWatcher: @unchecked Sendable {
    /// A folder to watch and the changes in it that matter.
    struct Folder: Sendable {
        var path: String
        /// Whether its subfolders are watched too.
        var recursive: Bool
        /// Whether an entry named `name` (a folder when `isFolder`) matters.
        var isRelevant: @Sendable (_ name: String, _ isFolder: Bool) -> Bool
    }

    enum Failure: Error, CustomStringConvertible {
        case inotify(String)
        var description: String {
            switch self { case .inotify(let why): "cannot watch the folders: \(why)" }
        }
    }

    private let folders: [Folder]
    private let excluded: [String]
    private let debounce: TimeInterval
    private let maxDelay: TimeInterval
    private let onChange: @Sendable ([String]) -> Void
    private let fd: Int32
    /// Watch descriptor → the folder it watches and the root it belongs to.
    private var watched: [Int32: (path: String, real: String, root: Int)] = [:]
    private var watchedRealPaths: Set<String> = []
    private let lock = NSLock()
    private var running = false
    private let finished = DispatchSemaphore(value: 0)

    /// Starts watching right away (so nothing written after `init` returns is
    /// missed); `onChange` is called only once `run` has been started.
    init(_ folders: [Folder], excluding excluded: [String] = [], debounce: TimeInterval = 0.05, maxDelay: TimeInterval = 0.5,
         onChange: @escaping @Sendable (_ changed: [String]) -> Void) throws {
        self.folders = folders
        self.excluded = excluded.map(Self.realPath)
        self.debounce = debounce
        self.maxDelay = maxDelay
        self.onChange = onChange
        fd = inotify_init1(Int32(O_CLOEXEC))
        guard fd >= 0 else { throw Failure.inotify(String(cString: strerror(errno))) }
        for (i, folder) in folders.enumerated() { addWatches(folder.path, root: i) }
    }

    deinit { close(fd) }

    /// Calls `work` (the first build) and then watches on a thread of its own until `stop`.
    func run(after work: @escaping @Sendable () -> Void) {
        lock.lock(); running = true; lock.unlock()
        let thread = Thread { [self] in
            work()
            loop()
            finished.signal()
        }
        thread.name = "notesc-watch"
        thread.start()
    }

    /// Stops the thread; waits for a rebuild in progress to end.
    func stop() {
        lock.lock()
        let wasRunning = running
        running = false
        lock.unlock()
        if wasRunning { finished.wait() }
    }

    private var isRunning: Bool { lock.lock(); defer { lock.unlock() }; return running }

    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO
                                     | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

    /// The absolute path with symlinks resolved; for a path that does not
    /// exist yet, its nearest existing folder is resolved and the rest appended.
    static func realPath(_ path: String) -> String {
        var existing = URL(fileURLWithPath: path).standardizedFileURL.path
        var rest: [String] = []
        while true {
            if let resolved = realpath(existing, nil) {
                defer { free(resolved) }
                return ([String(cString: resolved)] + rest).joined(separator: "/").replacingOccurrences(of: "//", with: "/")
            }
            guard existing != "/", !existing.isEmpty else { return path }
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
    }

    /// Watches `path` and, for a recursive root, every folder below it.
    private func addWatches(_ path: String, root: Int) {
        let real = Self.realPath(path)
        guard !watchedRealPaths.contains(real), !isExcluded(real) else { return }
        let wd = inotify_add_watch(fd, path, Self.mask)
        guard wd >= 0 else { return }
        watched[wd] = (path, real, root)
        watchedRealPaths.insert(real)
        guard folders[root].recursive, let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names where !name.hasPrefix(".") {
            var st = stat()
            if stat(path + "/" + name, &st) == 0, st.st_mode & S_IFMT == S_IFDIR { addWatches(path + "/" + name, root: root) }
        }
    }

    /// Whether a real path is an excluded one or lies inside one (the site
    /// written into the notes folder must not start the next rebuild).
    private func isExcluded(_ real: String) -> Bool {
        excluded.contains { real == $0 || real.hasPrefix($0 + "/") }
    }

    private func loop() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var changed: [String] = []
        var due = Date.distantFuture, latest = Date.distantFuture
        while isRunning {
            // Short polls, so that `stop` is seen soon.
            let wait = changed.isEmpty ? 0.25 : max(0, due.timeIntervalSinceNow)
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, Int32((wait * 1000).rounded(.up)))
            if ready < 0, errno != EINTR { return }
            if ready > 0 {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                let relevant = n > 0 ? parse(buffer, count: n) : []
                if !relevant.isEmpty {
                    let now = Date()
                    // Quiet for `debounce`, but no later than `maxDelay` after the first change.
                    if changed.isEmpty { latest = now.addingTimeInterval(maxDelay) }
                    due = min(now.addingTimeInterval(debounce), latest)
                    changed += relevant
                }
            }
            if !changed.isEmpty, Date() >= due {
                var seen = Set<String>()
                onChange(changed.filter { seen.insert($0).inserted })
                changed = []
            }
        }
    }

    /// The paths of the relevant changes in a buffer of `inotify_event`s;
    /// watches new folders on the way.
    private func parse(_ buffer: [UInt8], count: Int) -> [String] {
        var relevant: [String] = []
        buffer.withUnsafeBytes { raw in
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                let nameBytes = raw[(offset + header)..<(offset + header + Int(event.len))]
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                offset += header + Int(event.len)
                if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    // Events were lost: rebuild, and watch whatever folders now exist.
                    relevant.append("(events lost)")
                    for (i, folder) in folders.enumerated() { addWatches(folder.path, root: i) }
                    continue
                }
                if event.mask & UInt32(IN_IGNORED) != 0, let gone = watched.removeValue(forKey: event.wd) {
                    watchedRealPaths.remove(gone.real)
                    continue
                }
                guard let folder = watched[event.wd] else { continue }
                let isFolder = event.mask & UInt32(IN_ISDIR) != 0
                if name.isEmpty {
                    // The watched folder itself was removed or moved.
                    if event.mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 { relevant.append(folder.path) }
                    continue
                }
                guard !name.hasPrefix("."), folders[folder.root].isRelevant(name, isFolder), !isExcluded(folder.real + "/" + name) else { continue }
                let path = folder.path + "/" + name
                if isFolder, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, folders[folder.root].recursive {
                    addWatches(path, root: folder.root)
                }
                relevant.append(path)
            }
        }
        return relevant
    }
}
