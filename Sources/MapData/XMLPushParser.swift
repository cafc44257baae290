internal import CLibXML2

/// What `XMLPushParser` reports, in document order; names are local (without a namespace prefix).
protocol XMLEvents: AnyObject {
    func start(_ parser: XMLPushParser, element name: String, attributes: [String: String])
    func end(_ parser: XMLPushParser, element name: String)
    func characters(_ parser: XMLPushParser, _ text: String)
    /// A libxml2 error (its `xmlParserErrors` code); parsing stops after the first.
    func error(_ parser: XMLPushParser, code: Int, line: Int, column: Int)
}

/// libxml2's SAX2 push parser fed in 64 KiB chunks, with `XML_PARSE_HUGE`. Foundation's XMLParser
/// drives the same parser without that option, so libxml2's 10,000,000-byte lookup limit refused any
/// KML over 10 MB ("libxml2 error 1", issue 24), far below the 256 MiB files and 10 million positions
/// the README promises. The option lifts libxml2's own size limits only; what they guarded against is
/// refused before parsing (`XMLGuard`: any DTD, so no entity expansion) or by the readers (file size,
/// nesting depth, positions). C types stay in this file.
final class XMLPushParser {
    private weak var events: (any XMLEvents)?
    private var context: xmlParserCtxtPtr?
    private(set) var stopped = false

    /// Line and column (1-based) of the parser's position in the input.
    var lineNumber: Int { context.map { Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer($0))) } ?? 0 }
    var columnNumber: Int { context.map { Int(xmlSAX2GetColumnNumber(UnsafeMutableRawPointer($0))) } ?? 0 }

    /// Parses `bytes`, reporting to `events`; false when libxml2 found the document not well formed
    /// or a handler stopped it.
    static func parse(_ bytes: [UInt8], file: String, events: any XMLEvents) -> Bool {
        let parser = XMLPushParser()
        parser.events = events
        return parser.run(bytes, file: file)
    }

    /// Stops at the current event; nothing more is reported.
    func stop() {
        stopped = true
        if let context { xmlStopParser(context) }
    }

    private func run(_ bytes: [UInt8], file: String) -> Bool {
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = { user, local, _, _, _, _, count, _, attributes in
            guard let parser = XMLPushParser.from(user), let local, let events = parser.events, !parser.stopped else { return }
            var attrs: [String: String] = [:]
            // Five pointers an attribute: local name, prefix, URI, value start, value end.
            if let attributes {
                for k in 0..<Int(count) {
                    guard let name = attributes[5 * k], let start = attributes[5 * k + 3], let end = attributes[5 * k + 4] else { continue }
                    let value = UnsafeBufferPointer(start: start, count: end - start)
                    attrs[String(cString: name)] = String(decoding: value, as: UTF8.self)
                }
            }
            events.start(parser, element: String(cString: local), attributes: attrs)
        }
        handler.endElementNs = { user, local, _, _ in
            guard let parser = XMLPushParser.from(user), let local, let events = parser.events, !parser.stopped else { return }
            events.end(parser, element: String(cString: local))
        }
        let text: charactersSAXFunc = { user, chars, length in
            guard let parser = XMLPushParser.from(user), let chars, let events = parser.events, !parser.stopped else { return }
            events.characters(parser, String(decoding: UnsafeBufferPointer(start: chars, count: Int(length)), as: UTF8.self))
        }
        handler.characters = text
        handler.cdataBlock = text
        handler.serror = { user, error in
            guard let parser = XMLPushParser.from(user), let error, let events = parser.events, !parser.stopped,
                error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue
            else { return }
            events.error(parser, code: Int(error.pointee.code), line: Int(error.pointee.line), column: Int(error.pointee.int2))
            parser.stop()
        }
        let me = Unmanaged.passUnretained(self).toOpaque()
        guard let ctxt = xmlCreatePushParserCtxt(&handler, me, nil, 0, file) else { return false }
        context = ctxt
        defer {
            xmlFreeParserCtxt(ctxt)
            context = nil
        }
        xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_HUGE.rawValue | XML_PARSE_NONET.rawValue))
        let chunk = 1 << 16
        var offset = 0
        var status: Int32 = 0
        bytes.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return }
            base.withMemoryRebound(to: CChar.self, capacity: all.count) { chars in
                while offset < all.count, status == 0, !stopped {
                    let n = min(chunk, all.count - offset)
                    status = xmlParseChunk(ctxt, chars + offset, Int32(n), 0)
                    offset += n
                }
            }
        }
        if status == 0, !stopped { status = xmlParseChunk(ctxt, nil, 0, 1) }
        return status == 0 && !stopped
    }

    private static func from(_ user: UnsafeMutableRawPointer?) -> XMLPushParser? {
        user.map { Unmanaged<XMLPushParser>.fromOpaque($0).takeUnretainedValue() }
    }
}
