import Mapping
import Readers

extension CSVDialect {
    /// The reader dialect a mapping's `source:` section describes.
    public init(_ spec: SourceSpec) throws(ImportError) {
        self.init()
        guard let encoding = CSVDialect.Encoding(rawValue: spec.encoding) else {
            throw ImportError.unsupported("encoding '\(spec.encoding)' (use utf-8, utf-16, utf-16le, utf-16be or windows-1252)")
        }
        self.encoding = encoding
        delimiter = spec.delimiter
        rowTerminator = spec.rowTerminator
        quote = spec.quote
        header = spec.header
        // With a header row, `columns:` renames the header's columns (see SourceImport.columnNames);
        // the reader then reads the header as it is.
        columns = spec.header ? nil : spec.columns
        skipLines = spec.skipLines
        nullValues = Set(spec.nullValues)
        trimFields = spec.trim
    }
}
