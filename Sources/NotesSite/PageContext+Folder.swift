import NotesModel
import NotesSupport

extension PageContext {
    /// A folder's page: breadcrumbs, its subfolders with their counts, and its notes by date.
    static func folder(_ folder: SiteModel.Folder, _ model: SiteModel) -> Context {
        let page = SitePaths.folder(folder.path)
        let links = PageLinks(page: page, model: model)
        let children = folder.children.compactMap { path -> Context? in
            guard let i = model.folderPositions[path] else { return nil }
            let child = model.folders[i]
            return [.name: child.name, .url: links.href(SitePaths.folder(child.path)), .count: child.total]
        }
        let notes = model.byDate(folder.notes).map { noteItem($0, model, links: links) }
        var context = base(model, page: page, title: folder.path, kind: "folder",
                           description: "\(folder.total) notes in \(folder.path).")
        context[.folder] = [
            .name: folder.name, .path: folder.path, .count: folder.total,
            .breadcrumbs: breadcrumbs(folder: folder.parent, links: links),
            .folders: children, .hasFolders: !children.isEmpty,
            .notes: notes, .hasNotes: !notes.isEmpty,
        ] as Context
        return context
    }

    /// The way from the home page down to `folder`, each step a link: Home, `a`, `a/b`
    /// (only Home when `folder` is nil, the root).
    static func breadcrumbs(folder: String?, links: PageLinks) -> [Context] {
        var crumbs: [Context] = [[.name: "Home", .url: links.href("index.html")]]
        guard let folder else { return crumbs }
        var path = ""
        for part in folder.split(separator: "/", omittingEmptySubsequences: false) {
            path += path.isEmpty ? String(part) : "/" + part
            crumbs.append([.name: String(part), .url: links.href(SitePaths.folder(path))])
        }
        return crumbs
    }
}
