// NotesKit is the library's one import for programs that use notesc as a
// library: it re-exports the pipeline's stages, each a target of its own
// (see Package.swift), so `import NotesKit` gives the whole public API.
@_exported import NotesBuild
@_exported import NotesCalc
@_exported import NotesCheck
@_exported import NotesGraph
@_exported import NotesMarkdown
@_exported import NotesModel
@_exported import NotesParse
@_exported import NotesSite
@_exported import NotesSupport
