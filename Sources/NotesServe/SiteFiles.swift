import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which file of the served site a request path names. Nothing outside the
/// site folder is ever named: a path is refused when, raw or percent-decoded,
/// it has a `.` or `..` segment (or any hidden name), an encoded `/`, a
/// backslash, a NUL or a doubled slash; and the file found must lie inside
/// the site folder once every symlink is resolved.
enum SiteFiles {
    enum Resolution: Equatable {
        /// A regular file inside the site: its resolved path.
        case file(String)
        /// A folder asked for without its trailing slash: where to send the
        /// browser instead, so the page's relative links work.
        case redirect(String)
        /// A path that tries to leave the site, or a hidden file: 403.
        case refused
        /// Nothing there: 404.
        case notFound
    }

    /// Resolves `target`, the request's path as sent (percent-encoded, no
    /// query), inside `siteFolder`.
    static func resolve(_ target: String, in siteFolder: String) -> Resolution {
        guard target.hasPrefix("/") else { return .refused }
        let raw = target.dropFirst()
        guard !raw.contains("\\"), !raw.contains("\0"), !raw.contains("//") else { return .refused }
        var segments: [String] = []
        let parts = raw.split(separator: "/", omittingEmptySubsequences: false)
        for (i, part) in parts.enumerated() {
            if part.isEmpty {
                // Only the last part may be empty: a trailing slash.
                guard i == parts.count - 1 else { return .refused }
                continue
            }
            guard let name = String(part).removingPercentEncoding, !name.isEmpty,
                  !name.hasPrefix("."), !name.contains("/"), !name.contains("\\"), !name.contains("\0") else { return .refused }
            segments.append(name)
        }
        guard let root = realPath(siteFolder) else { return .notFound }
        var path = root + segments.map { "/" + $0 }.joined()
        var st = stat()
        guard stat(path, &st) == 0 else { return .notFound }
        if st.st_mode & S_IFMT == S_IFDIR {
            guard raw.isEmpty || raw.hasSuffix("/") else { return .redirect(target + "/") }
            path += "/index.html"
            guard stat(path, &st) == 0 else { return .notFound }
        }
        guard st.st_mode & S_IFMT == S_IFREG else { return .notFound }
        // A symlink inside the site may point anywhere: only its target counts.
        guard let real = realPath(path), real.hasPrefix(root + "/") else { return .refused }
        return .file(real)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The `Content-Type` of a file by its extension.
    static func contentType(_ path: String) -> String {
        let name = path.split(separator: "/").last ?? ""
        let ext = name.lastIndex(of: ".").map { name[name.index(after: $0)...].lowercased() }
        switch ext {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json", "map": return "application/json"
        case "xml": return "application/xml"
        case "txt", "md": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/vnd.microsoft.icon"
        case "woff": return "font/woff"
        case "woff2": return "font/woff2"
        case "pdf": return "application/pdf"
        case "wasm": return "application/wasm"
        case "sqlite", "db": return "application/vnd.sqlite3"
        default: return "application/octet-stream"
        }
    }
}
