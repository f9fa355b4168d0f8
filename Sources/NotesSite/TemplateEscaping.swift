import Mustache
import NotesCalc
import NotesCheck
import NotesGraph
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// The HTML escaping of every `{{value}}`, byte by byte. swift-mustache's own
/// escaper walks the text a `Character` at a time through a dictionary and
/// was a quarter of all rendering; this one gives the same text (`& < > " '`
/// as entities) and hands text with nothing to escape back as it is.
/// Templates opt in with swift-mustache's own pragma `{{% CONTENT_TYPE: HTML }}`,
/// whose registered type this replaces; a template without it is escaped the
/// same way, only slower.
struct FastHTMLContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { HTMLEscape.escape(text) }

    /// Registers the escaper as `HTML` before templates are parsed (the pragma is resolved then).
    static func register() {
        MustacheContentTypes.register(FastHTMLContentType(), named: "HTML")
    }
}
