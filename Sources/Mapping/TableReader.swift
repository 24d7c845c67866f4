import Foundation
import GraphModel
import Yams

/// Reads `tables:`: named value maps written inline (`units: { ST: EA, PC: EA }`) or loaded
/// from a small CSV file next to the mapping (`units: { file: units.csv, key: FROM, value: TO }`).
enum TableReader {
    static let fileKeys = ["file", "key", "value", "delimiter"]

    /// `directory` is where the mapping file is (relative table files are found there);
    /// `displayDirectory` is how that folder is spelt in messages.
    static func read(_ node: Node?, directory: String, displayDirectory: String,
                     _ reader: inout YAMLReader) -> [String: LookupTable] {
        guard let node, !YAMLReader.isNull(node), let e = reader.namedEntries(node, "tables") else { return [:] }
        var tables: [String: LookupTable] = [:]
        for entry in e.entries {
            if case .mapping(let m) = entry.value, YAMLReader.pairs(m).contains(where: { $0.key.scalar?.string == "file" }) {
                tables[entry.key] = file(entry.value, name: entry.key, directory: directory,
                                         displayDirectory: displayDirectory, &reader)
            } else {
                tables[entry.key] = inline(entry.value, name: entry.key, &reader)
            }
            // A table with problems (already reported) is still known by name, so its uses
            // are not reported as unknown tables too.
            if tables[entry.key] == nil { tables[entry.key] = LookupTable(name: entry.key, entries: [:]) }
        }
        return tables
    }

    /// A map of code → value written in YAML; a YAML null value maps the code to null.
    static func inline(_ node: Node, name: String, _ reader: inout YAMLReader) -> LookupTable? {
        guard let e = reader.namedEntries(node, "table \(name)") else { return nil }
        var entries: [String: String?] = [:]
        for entry in e.entries {
            if YAMLReader.isNull(entry.value) {
                entries[entry.key] = .some(nil)
            } else if let t = reader.text(entry.value, "the value of '\(entry.key)' in table \(name)") {
                entries[entry.key] = t
            }
        }
        return LookupTable(name: name, entries: entries)
    }

    private static func file(_ node: Node, name: String, directory: String, displayDirectory: String,
                             _ reader: inout YAMLReader) -> LookupTable? {
        guard let e = reader.entries(node, "table \(name)", allowed: fileKeys),
              let fileNode = e["file"], let file = reader.name(fileNode, "file") else { return nil }
        var delimiter: [UInt8] = [0x2C]
        if let n = e["delimiter"], let d = reader.name(n, "delimiter") { delimiter = Array(d.utf8) }
        let fullPath = file.hasPrefix("/") ? file : (directory as NSString).appendingPathComponent(file)
        let shownPath = file.hasPrefix("/") || displayDirectory.isEmpty ? file : (displayDirectory as NSString).appendingPathComponent(file)
        guard let data = FileManager.default.contents(atPath: fullPath) else {
            reader.error("cannot read table file '\(file)' (looked for \(fullPath))", at: fileNode)
            return nil
        }
        var csv = SimpleCSV(bytes: Array(data), delimiter: delimiter, file: shownPath)
        let records = csv.records()
        reader.append(csv.diagnostics)
        guard csv.diagnostics.isEmpty else { return nil }
        guard let header = records.first else {
            reader.error("table file '\(file)' is empty; it needs a header line naming its columns", at: fileNode)
            return nil
        }
        func column(_ key: String, default index: Int) -> Int? {
            guard let n = e[key] else {
                if index < header.fields.count { return index }
                reader.error("table file '\(file)' has no column \(index + 1) for the \(key)s; name it with \(key): COLUMN", at: fileNode)
                return nil
            }
            guard let c = reader.name(n, key) else { return nil }
            if let i = header.fields.firstIndex(of: c) { return i }
            reader.error("column '\(c)' is not in \(shownPath)\(Suggestions.hint(for: c, in: header.fields))", at: n)
            return nil
        }
        guard let keyIndex = column("key", default: 0), let valueIndex = column("value", default: 1) else { return nil }
        var entries: [String: String?] = [:]
        var firstLine: [String: Int] = [:]
        var ok = true
        for record in records.dropFirst() {
            if record.fields.count == 1 && record.fields[0].isEmpty { continue }  // blank line
            let needed = max(keyIndex, valueIndex) + 1
            guard record.fields.count >= needed else {
                reader.error("line has \(record.fields.count) field\(record.fields.count == 1 ? "" : "s") but the table reads field \(needed) (\(header.fields[needed - 1]))",
                             at: SourceLocation(file: shownPath, line: record.line, column: 1))
                ok = false
                continue
            }
            let key = record.fields[keyIndex], value = record.fields[valueIndex]
            if let old = entries[key], old != value {
                reader.error("key '\(key)' is listed again with another value ('\(old ?? "")' on line \(firstLine[key] ?? 0), '\(value)' here)",
                             at: SourceLocation(file: shownPath, line: record.line, column: 1))
                ok = false
                continue
            }
            entries[key] = value
            if firstLine[key] == nil { firstLine[key] = record.line }
        }
        return ok ? LookupTable(name: name, entries: entries) : nil
    }
}

/// A minimal CSV reader for lookup table files: a header line, a delimiter, `"` quotes with
/// `""` escapes, `\n` or `\r\n` line endings, a UTF-8 byte order mark skipped.
struct SimpleCSV {
    struct Record {
        var line: Int
        var fields: [String]
    }

    let bytes: [UInt8]
    let delimiter: [UInt8]
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(bytes: [UInt8], delimiter: [UInt8], file: String) {
        self.bytes = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        self.delimiter = delimiter
        self.file = file
    }

    mutating func records() -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1, recordLine = 1, lineStart = 0
        var i = 0
        let n = bytes.count
        func atDelimiter(_ i: Int) -> Bool {
            i + delimiter.count <= n && bytes[i..<(i + delimiter.count)].elementsEqual(delimiter)
        }
        while i < n {
            let b = bytes[i]
            if b == 0x22 && field.isEmpty {
                // Quoted field: up to the closing quote; "" is a quote.
                let openLine = line, openColumn = i - lineStart + 1
                i += 1
                var closed = false
                while i < n {
                    if bytes[i] == 0x22 {
                        if i + 1 < n && bytes[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
                        closed = true
                        i += 1
                        break
                    }
                    if bytes[i] == 0x0A { line += 1; lineStart = i + 1 }
                    field.append(bytes[i])
                    i += 1
                }
                if !closed {
                    diagnostics.append(Diagnostic(.error, "quote opened here is never closed",
                                                  at: SourceLocation(file: file, line: openLine, column: openColumn)))
                    return records
                }
                continue
            }
            if atDelimiter(i) {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                i += delimiter.count
                continue
            }
            if b == 0x0A || b == 0x0D {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                records.append(Record(line: recordLine, fields: fields))
                fields = []
                if b == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A { i += 1 }
                i += 1
                line += 1
                lineStart = i
                recordLine = line
                continue
            }
            field.append(b)
            i += 1
        }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(String(decoding: field, as: UTF8.self))
            records.append(Record(line: recordLine, fields: fields))
        }
        return records
    }
}
