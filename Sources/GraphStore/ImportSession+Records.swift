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
            let key = try keyText(node.key, label: node.label, location: node.location)
            let line = Int64(node.location.line)
            if writer.ids[key] != nil {  // created earlier in this run: merge
                try writer.flush()
                tallies[index].counts.conflicts += try merge(node, key: key, shape: shape, source: source)
                tallies[index].counts.nodesMerged += 1
            } else if writer.indexesEveryKey {  // new: buffer it for a multi-row insert
                let batch = shape.batch
                batch.append(.integer(writer.nextID))
                batch.append(.text(key))
                try appendProperties(node.properties.values, shape.types, shape.names, to: batch,
                                     owner: node.label, location: node.location)
                batch.append(.integer(source))
                batch.append(.integer(line))
                batch.append(.integer(run))
                try batch.endRow()
                _ = writer.assignID(key)
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
                    _ = writer.assignID(key)
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
        for i in 0..<types.count {
            guard let stored = StoredValue.encode(values[i], as: types[i]) else {
                batch.cancelRow()
                var error = StoredValue.invalid(values[i], as: types[i], owner: owner, property: names[i])
                error.location = location
                throw error
            }
            batch.append(stored)
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

    private func keyText(_ key: [Value], label: String, location: SourceLocation) throws -> String {
        guard !key.isEmpty, !key.contains(where: \.isNull) else {
            throw StoreError(.invalidValue, "a \(label) record has no value for its key", at: location)
        }
        return NodeKey.text(key)
    }

    /// Merges a record into the existing node with its key; returns the number of conflicts.
    private func merge(_ node: NodeRecord, key: String, shape: NodeShape, source: Int64) throws -> Int {
        let select = try shape.select()
        try select.bind(key, at: 1)
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
        if fills {
            let fill = try shape.fill()
            try fill.bind(nodeID, at: 1)
            for i in 0..<shape.types.count {
                try StoredValue.bind(values[i], as: shape.types[i], to: fill, at: i + 2,
                                     owner: node.label, property: shape.names[i])
            }
            try fill.execute()
        }
        for disagreement in disagreements {
            try db.execute("""
                INSERT INTO _conflicts(run, label, key, property, kept_value, kept_source, kept_line, other_value, other_source, other_line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [.integer(run), .text(node.label), .text(key), .text(disagreement.property),
                                 .text(disagreement.kept.description), keptSource, keptLine,
                                 .text(disagreement.other.description), .integer(source), .integer(line)])
        }
        try db.execute("INSERT INTO _contributions(run, label, node_id, source, line) VALUES (?, ?, ?, ?, ?)",
                       arguments: [.integer(run), .text(node.label), .integer(nodeID), .integer(source), .integer(line)])
        return disagreements.count
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
                batch.append(.integer(fromID))
                batch.append(.integer(toID))
                try appendProperties(edge.properties.values, shape.types, shape.names, to: batch,
                                     owner: edge.type, location: edge.location)
                batch.append(.integer(source))
                batch.append(.integer(Int64(edge.location.line)))
                batch.append(.integer(run))
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
