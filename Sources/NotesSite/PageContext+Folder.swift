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
        let notes = model.byDate(list: "folder " + folder.path, folder.notes).dropFirst((number - 1) * per).prefix(per).map { noteItem($0, model, links: links) }
        let title = folder.path.isEmpty ? folder.name : folder.path
        var context = base(model, page: page, title: number == 1 ? title : "\(title) (page \(number))", kind: "folder",
                           description: folder.path.isEmpty ? "All \(folder.total) notes." : "\(folder.total) notes in \(folder.path).")
        context[.pagination] = pagination(number, of: pages, links: links) { SitePaths.folder(folder.path, page: $0) }
        context[.folder] = [
            .name: folder.name, .path: folder.path, .count: folder.total,
            .breadcrumbs: breadcrumbs(folder: folder.parent, links: links),
            .folders: children, .hasFolders: !children.isEmpty,
            .notes: notes, .hasNotes: !notes.isEmpty,
        ] as Context
        return context
    }

    /// A category's page: its notes by date, `SitePaths.notesPerPage` at a time (page `number` of them, from 1).
    static func category(_ category: SiteModel.Category, page number: Int, _ model: SiteModel) -> Context {
        let page = SitePaths.category(category.slug, page: number)
        let links = PageLinks(page: page, model: model)
        let per = SitePaths.notesPerPage
        var context = base(model, page: page, title: number == 1 ? category.name : "\(category.name) (page \(number))", kind: "category",
                           description: "\(category.notes.count) notes in the category \(category.name).")
        context[.pagination] = pagination(number, of: SitePaths.pageCount(category.notes.count), links: links) { SitePaths.category(category.slug, page: $0) }
        context[.category] = [
            .name: category.name, .count: category.notes.count,
            .notes: model.byDate(list: "category " + category.slug, category.notes).dropFirst((number - 1) * per).prefix(per).map { noteItem($0, model, links: links, withCategory: false) },
        ] as Context
        return context
    }

    /// Page `number` of `pages` of a list: links to the newer and older
    /// pages (`path(n)` is page n's path); absent when the list fits one page.
    static func pagination(_ number: Int, of pages: Int, links: PageLinks, path: (Int) -> String) -> any PageValueConvertible {
        guard pages > 1 else { return TemplateValue.absent }
        var pagination: Context = [.count: pages, .value: number]
        if number > 1 { pagination[.previous] = links.href(path(number - 1)) }
        if number < pages { pagination[.next] = links.href(path(number + 1)) }
        return pagination.completed([.previous, .next])
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
