import Mustache
import NotesCalc
import NotesCheck
import NotesGraph
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// Values of page contexts with a meaning for templates beyond their text.
enum TemplateValue {
    /// A key a template asks for that this item has no value for: renders as
    /// nothing, skips `{{#key}}`, shows `{{^key}}`, the same as a missing key.
    /// Having the key stops swift-mustache from looking for it in every
    /// enclosing context, which was a large part of rendering long lists.
    struct Absent: MustacheCustomRepresentation {
        var representation: Any? { nil }
    }

    static let absent = Absent()

    /// `value`, or `absent` when there is none.
    static func optional(_ value: String?) -> any PageValueConvertible { value ?? absent }
}
