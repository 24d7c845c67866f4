import GraphModel
import SQLiteDB

extension ImportSession {
    // MARK: - GraphSink: nodes

    /// Inserts the node, or merges it into the node with the same label and key: properties the
    /// stored node lacks are filled; a differing value is recorded in `_conflicts` with both
    /// sources and never overwrites; the record is listed in `_contributions`.
    /// A value that does not fit its declared type throws `invalidValue` before anything is written.
    public func add(_ node: NodeRecord, source: Int64) throws {
        try ensureWritable()
        let index = try tallyIndex(source)
        let writer = try nodeWriter(node.label)
        try StoreError.wrap {
            let shape = try writer.shape(for: node.properties.names, in: db)
            let key = try keyText(node)
            let line = Int64(node.location.line)
            if let id = writer.ids[key] {  // created earlier in this run: merge
                try writer.flush()
                tallies[index].counts.conflicts += try merge(node, id: id, writer: writer, shape: shape, source: source)
                tallies[index].counts.nodesMerged += 1
            } else if writer.indexesEveryKey {  // new: buffer it for a multi-row insert
                let batch = shape.batch
                batch.appendInteger(writer.nextID)
                batch.appendText(key)
                try appendProperties(node.properties.values, shape.types, shape.names, to: batch,
                                     owner: node.label, location: node.location)
                batch.appendInteger(source)
                batch.appendInteger(line)
                batch.appendInteger(run)
                try batch.endRow()
                _ = writer.assignID(key, setProperties: shape.mask(of: node.properties.values))
                tallies[index].counts.nodesCreated += 1
            } else {  // beyond the key index: one row at a time, merging on a key hit
                try writer.flush()
                let insert = try shape.insert()
                try insert.bind(writer.nextID, at: 1)
                try insert.bind(key, at: 2)
                try bindProperties(node.properties.values, shape.types, shape.names, to: insert, from: 3,
                                   owner: node.label, location: node.location)
                let next = shape.types.count + 3
                try insert.bind(source, at: next)
                try insert.bind(line, at: next + 1)
                try insert.bind(run, at: next + 2)
                try insert.execute()
                if db.changes == 1 {
                    _ = writer.assignID(key, setProperties: 0)
                    tallies[index].counts.nodesCreated += 1
                } else {
                    tallies[index].counts.conflicts += try merge(node, key: key, shape: shape, source: source)
                    tallies[index].counts.nodesMerged += 1
                }
            }
        }
    }

    /// Appends property values in storage form, checking each against its type; on a bad
    /// value the half-appended row is dropped and the error carries the record's location.
    @inline(__always)
    private func appendProperties(_ values: [Value], _ types: [PropertyType], _ names: [String], to batch: BatchInsert,
                                  owner: String, location: SourceLocation) throws {
        for i in 0..<types.count where !StoredValue.append(values[i], as: types[i], to: batch) {
            batch.cancelRow()
            var error = StoredValue.invalid(values[i], as: types[i], owner: owner, property: names[i])
            error.location = location
            throw error
        }
    }

    /// Binds property values to parameters `start`, `start + 1`, ... checking each against its type.
    @inline(__always)
    private func bindProperties(_ values: [Value], _ types: [PropertyType], _ names: [String], to statement: Statement,
                                from start: Int, owner: String, location: SourceLocation) throws {
        for i in 0..<types.count {
            do {
                try StoredValue.bind(values[i], as: types[i], to: statement, at: i + start, owner: owner, property: names[i])
            } catch var error as StoreError {
                error.location = location
                throw error
            }
        }
    }

    func nodeWriter(_ label: String) throws -> NodeWriter {
        if let last = lastNodeWriter, last.node.label == label { return last }
        if let writer = nodeWriters[label] {
            lastNodeWriter = writer
            return writer
        }
        guard let node = catalog.nodeType(label) else {
            throw StoreError(.unknownName, "label \(label) is not in the catalog of this import")
        }
        let writer = NodeWriter(node: node, idLimit: keyIndexLimit)
        nodeWriters[label] = writer
        return writer
    }

    private func keyText(_ node: NodeRecord) throws -> String {
        guard !node.key.isEmpty, !node.key.contains(where: \.isNull) else {
            throw StoreError(.invalidValue, "a \(node.label) record has no value for its key", at: node.location)
        }
        return node.keyText
    }

    // MARK: - Merging

    /// Merges a record into the node `id` this run created; returns the number of conflicts.
    /// The writer knows which properties the node's row already holds, so a record that only
    /// brings new properties fills them without reading the row; only a record bringing a
    /// property the node already has reads the row to compare.
    private func merge(_ node: NodeRecord, id: Int64, writer: NodeWriter, shape: NodeShape, source: Int64) throws -> Int {
        let values = node.properties.values
        try check(values, shape: shape, node: node)
        let incoming = shape.mask(of: values)
        guard let known = writer.setProperties(of: id), incoming & known == 0 else {
            let select = try shape.selectByID()
            try select.bind(id, at: 1)
            let conflicts = try merge(node, selected: select, key: node.keyText, shape: shape, source: source)
            writer.markSet(incoming, of: id)
            return conflicts
        }
        if incoming != 0 {
            try fill(id, with: values, shape: shape, owner: node.label)
            writer.markSet(incoming, of: id)
        }
        try addContribution(node.label, id: id, source: source, line: Int64(node.location.line))
        return 0
    }

    /// Merges a record into the node with its key, read by key (nodes beyond the key index).
    private func merge(_ node: NodeRecord, key: String, shape: NodeShape, source: Int64) throws -> Int {
        try check(node.properties.values, shape: shape, node: node)
        let select = try shape.select()
        try select.bind(key, at: 1)
        return try merge(node, selected: select, key: key, shape: shape, source: source)
    }

    /// Compares the record with the stored row `select` (bound, not yet stepped) finds: fills
    /// the properties the row lacks, records each differing value in `_conflicts` (the stored
    /// value is kept) and lists the record in `_contributions`. Returns the number of conflicts.
    private func merge(_ node: NodeRecord, selected select: Statement, key: String, shape: NodeShape, source: Int64) throws -> Int {
        guard try select.step() else {
            select.reset()
            throw StoreError(.database, "\(node.label) \(NodeKey.display(key)) was neither inserted nor found")
        }
        let nodeID = select.int64(0)
        let keptSource: SQLiteValue = select.value(1)
        let keptLine: SQLiteValue = select.value(2)
        var fills = false
        var disagreements: [(property: String, kept: Value, other: Value)] = []
        let values = node.properties.values
        for i in 0..<shape.types.count where !values[i].isNull {
            let stored = StoredValue.decode(select.value(i + 3), as: shape.types[i])
            if stored.isNull {
                fills = true
            } else if !StoredValue.agrees(stored, values[i]) {
                disagreements.append((shape.names[i], stored, values[i]))
            }
        }
        select.reset()
        let line = Int64(node.location.line)
        if fills { try fill(nodeID, with: values, shape: shape, owner: node.label) }
        for disagreement in disagreements {
            try db.execute("""
                INSERT INTO _conflicts(run, label, key, property, kept_value, kept_source, kept_line, other_value, other_source, other_line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [.integer(run), .text(node.label), .text(key), .text(disagreement.property),
                                 .text(disagreement.kept.description), keptSource, keptLine,
                                 .text(disagreement.other.description), .integer(source), .integer(line)])
        }
        try addContribution(node.label, id: nodeID, source: source, line: line)
        return disagreements.count
    }

    /// Throws `invalidValue` (with the record's location) for a value that does not fit its type,
    /// before anything of the record is written.
    private func check(_ values: [Value], shape: NodeShape, node: NodeRecord) throws {
        for i in 0..<shape.types.count where !StoredValue.fits(values[i], as: shape.types[i]) {
            var error = StoredValue.invalid(values[i], as: shape.types[i], owner: node.label, property: shape.names[i])
            error.location = node.location
            throw error
        }
    }

    /// `UPDATE table SET "a" = coalesce("a", ?), ... WHERE _id = ?`: fills nulls, never overwrites.
    private func fill(_ id: Int64, with values: [Value], shape: NodeShape, owner: String) throws {
        let fill = try shape.fill()
        try fill.bind(id, at: 1)
        for i in 0..<shape.types.count {
            try StoredValue.bind(values[i], as: shape.types[i], to: fill, at: i + 2, owner: owner, property: shape.names[i])
        }
        try fill.execute()
    }

    /// Lists a merged record in `_contributions` (buffered, written in multi-row inserts).
    private func addContribution(_ label: String, id: Int64, source: Int64, line: Int64) throws {
        let batch = try contributionBatch()
        batch.appendInteger(run)
        batch.appendText(label)
        batch.appendInteger(id)
        batch.appendInteger(source)
        batch.appendInteger(line)
        try batch.endRow()
    }

    private func contributionBatch() throws -> BatchInsert {
        if let contributions { return contributions }
        let batch = try BatchInsert(db: db, table: "_contributions", columns: ["run", "label", "node_id", "source", "line"])
        contributions = batch
        return batch
    }

    // MARK: - GraphSink: edges

    /// Stages the edge; `finish()` resolves its endpoints by key (they may come from later sources).
    public func add(_ edge: EdgeRecord, source: Int64) throws {
        try ensureWritable()
        let index = try tallyIndex(source)
        let writer = try edgeWriter(edge.type)
        guard edge.from.label == writer.edge.from, edge.to.label == writer.edge.to else {
            throw StoreError(.invalidValue,
                "edge type \(edge.type) connects \(writer.edge.from) → \(writer.edge.to), not \(edge.from.label) → \(edge.to.label)",
                at: edge.location)
        }
        try StoreError.wrap {
            let shape = try writer.shape(for: edge.properties.names, in: db)
            let fromKey = edge.from.keyText
            let toKey = edge.to.keyText
            let next = shape.types.count + 3
            if let fromID = writer.fromNodes.ids[fromKey], let toID = writer.toNodes.ids[toKey] {
                let batch = shape.batch
                batch.appendInteger(fromID)
                batch.appendInteger(toID)
                try appendProperties(edge.properties.values, shape.types, shape.names, to: batch,
                                     owner: edge.type, location: edge.location)
                batch.appendInteger(source)
                batch.appendInteger(Int64(edge.location.line))
                batch.appendInteger(run)
                try batch.endRow()
            } else {
                let insert = try shape.staged()
                try insert.bind(fromKey, at: 1)
                try insert.bind(toKey, at: 2)
                try bindProperties(edge.properties.values, shape.types, shape.names, to: insert, from: 3,
                                   owner: edge.type, location: edge.location)
                try insert.bind(source, at: next)
                try insert.bind(Int64(edge.location.line), at: next + 1)
                try insert.bind(ruleID(edge.rule), at: next + 2)
                try insert.execute()
            }
            tallies[index].edgesAdded += 1
        }
    }

    private func edgeWriter(_ type: String) throws -> EdgeWriter {
        if let last = lastEdgeWriter, last.edge.name == type { return last }
        if let writer = edgeWriters[type] {
            lastEdgeWriter = writer
            return writer
        }
        guard let edge = catalog.edgeType(type) else {
            throw StoreError(.unknownName, "edge type \(type) is not in the catalog of this import")
        }
        let writer = EdgeWriter(edge: edge, from: try nodeWriter(edge.from), to: try nodeWriter(edge.to))
        edgeWriters[type] = writer
        return writer
    }
}
