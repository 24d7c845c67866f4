import GraphModel

/// One step through an XML document, as `XMLPullReader.next()` reports it.
///
/// An empty element (`<a/>`) yields `startElement(isEmpty: true)` followed by `endElement`,
/// so consumers can keep one stack. Whitespace-only text between elements, comments,
/// processing instructions and references to DTD-declared entities are not reported.
public enum XMLEvent: Sendable, Equatable {
    /// An element opens. `name` is the qualified name as written (`xsl:template`);
    /// `attributes` includes namespace declarations (`xmlns`, `xmlns:xsl`). `location` has the
    /// line of the start tag and the element's path (`/ZMATMAS05/IDOC/E1MARAM[2]`).
    case startElement(name: String, attributes: [String: String], location: SourceLocation, isEmpty: Bool)
    case endElement(name: String)
    /// Character data (entities and CDATA sections resolved to their text).
    case text(String)
}
