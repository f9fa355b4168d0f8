import NotesSupport

/// Puts runs one after another in an array of the document, commas between,
/// copying from the previous file in as few pieces as it can: the runs of
/// unchanged notes that were side by side there are copied as one.
final class GraphJSONEmitter {
    private let bytes: (UnsafeRawBufferPointer) -> Void
    private let copy: (Range<Int>) -> Void
    /// Bytes handed on so far, to `bytes` or copied.
    private var handed = 0
    /// Bytes of the previous file to copy next, not copied yet.
    private var pending: Range<Int>?
    /// Whether the array has no element yet.
    private var empty = true

    init(bytes: @escaping (UnsafeRawBufferPointer) -> Void, copy: @escaping (Range<Int>) -> Void) {
        self.bytes = bytes
        self.copy = copy
    }

    /// The sink of the document's writer: counts what it passes on.
    var counted: (UnsafeRawBufferPointer) -> Void {
        { [unowned self] buffer in
            handed += buffer.count
            bytes(buffer)
        }
    }

    /// Where the next byte written to `out` lands in the document.
    func position(_ out: ByteWriter) -> Int { handed + (pending?.count ?? 0) + out.bytes.count }

    func open(_ out: inout ByteWriter) {
        out.append(UInt8(ascii: "["))
        empty = true
    }

    func close(_ out: inout ByteWriter) {
        flush(&out)
        out.append(UInt8(ascii: "]"))
    }

    /// Appends a new run; returns its place in the document.
    func append(_ out: inout ByteWriter, _ run: [UInt8]) -> Range<Int> {
        guard !run.isEmpty else { return 0..<0 }
        flush(&out)
        if !empty { out.append(UInt8(ascii: ",")) }
        empty = false
        let start = position(out)
        out.append(run)
        if out.bytes.count >= 1 << 20 { out.flush() }
        return start..<(start + run.count)
    }

    /// Copies a run of the previous file; returns its place in the document.
    func copy(_ out: inout ByteWriter, _ run: Range<Int>) -> Range<Int> {
        guard !run.isEmpty else { return 0..<0 }
        // Side by side in the previous file, with the comma between them: one copy.
        if let p = pending, p.upperBound + 1 == run.lowerBound {
            let start = position(out) + 1
            pending = p.lowerBound..<run.upperBound
            return start..<(start + run.count)
        }
        flush(&out)
        if !empty { out.append(UInt8(ascii: ",")) }
        empty = false
        let start = position(out)
        pending = run
        return start..<(start + run.count)
    }

    /// Copies what is pending, after what `out` holds.
    func flush(_ out: inout ByteWriter) {
        guard let p = pending else { return }
        out.flush()
        pending = nil
        copy(p)
        handed += p.count
    }
}
