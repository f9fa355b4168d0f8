import NotesModel
import NotesSupport

extension PageContext {
    /// A folder's page: breadcrumbs, its subfolders with their counts, and its
    /// notes by date, `SitePaths.notesPerPage` at a time (page `number` of them, from 1).
    static func folder(_ folder: SiteModel.Folder, page number: Int, _ model: SiteModel) -> Context {
        let page = SitePaths.folder(folder.path, page: number)
        let links = PageLinks(page: page, model: model)
        let children = folder.children.compactMap { path -> Context? in
            guard let i = model.folderPositions[path] else { return nil }
            let child = model.folders[i]
            return [.name: child.name, .url: links.href(SitePaths.folder(child.path)), .count: child.total]
        }
        let pages = SitePaths.pageCount(folder.notes.count), per = SitePaths.notesPerPage
        let notes = model.byDate(folder.notes).dropFirst((number - 1) * per).prefix(per).map { noteItem($0, model, links: links) }
        var context = base(model, page: page, title: number == 1 ? folder.path : "\(folder.path) (page \(number))", kind: "folder",
                           description: "\(folder.total) notes in \(folder.path).")
        if pages > 1 {
            var pagination: Context = [.count: pages, .value: number]
            if number > 1 { pagination[.previous] = links.href(SitePaths.folder(folder.path, page: number - 1)) }
            if number < pages { pagination[.next] = links.href(SitePaths.folder(folder.path, page: number + 1)) }
            context[.pagination] = pagination.completed([.previous, .next])
        }
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
