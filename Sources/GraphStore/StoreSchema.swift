import SQLiteDB

/// The fixed tables of a Loom graph file: the format marker, the catalog and provenance.
/// Node and edge tables come from the catalog (see `SchemaDDL`).
enum StoreSchema {
    static let formatName = "loom-graph"
    /// Bumped when the fixed tables change shape; a newer file is refused by an older Loom.
    static let formatVersion: Int64 = 1

    static let ddl = """
        CREATE TABLE _meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) STRICT;
        CREATE TABLE _catalog_labels (
            label TEXT PRIMARY KEY,
            key TEXT NOT NULL,              -- key property names, comma-separated
            position INTEGER NOT NULL
        ) STRICT;
        CREATE TABLE _catalog_edge_types (
            name TEXT PRIMARY KEY,
            from_label TEXT NOT NULL,
            to_label TEXT NOT NULL,
            position INTEGER NOT NULL
        ) STRICT;
        CREATE TABLE _catalog_properties (
            owner_kind TEXT NOT NULL CHECK (owner_kind IN ('node', 'edge')),
            owner TEXT NOT NULL,
            name TEXT NOT NULL,
            type TEXT NOT NULL,             -- string, integer, float, decimal, boolean, date, datetime, enum
            enum_values TEXT,               -- JSON array of the declared values, for enum
            position INTEGER NOT NULL,
            PRIMARY KEY (owner_kind, owner, name)
        ) STRICT;
        CREATE TABLE _runs (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL CHECK (status IN ('running', 'ok', 'failed', 'rejected-limit')),
            project TEXT NOT NULL,
            rows_read INTEGER NOT NULL DEFAULT 0,
            nodes_created INTEGER NOT NULL DEFAULT 0,
            nodes_merged INTEGER NOT NULL DEFAULT 0,
            edges INTEGER NOT NULL DEFAULT 0,
            rejects INTEGER NOT NULL DEFAULT 0,
            dangling INTEGER NOT NULL DEFAULT 0,
            conflicts INTEGER NOT NULL DEFAULT 0,
            message TEXT
        ) STRICT;
        CREATE TABLE _sources (
            id INTEGER PRIMARY KEY,
            run INTEGER NOT NULL,
            path TEXT NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            mapping TEXT NOT NULL,
            rows_read INTEGER NOT NULL DEFAULT 0,
            nodes_created INTEGER NOT NULL DEFAULT 0,
            nodes_merged INTEGER NOT NULL DEFAULT 0,
            edges INTEGER NOT NULL DEFAULT 0,
            rejects INTEGER NOT NULL DEFAULT 0,
            dangling INTEGER NOT NULL DEFAULT 0,
            conflicts INTEGER NOT NULL DEFAULT 0
        ) STRICT;
        CREATE INDEX _sources_run ON _sources(run);
        CREATE TABLE _rejects (
            id INTEGER PRIMARY KEY,
            run INTEGER NOT NULL,
            source INTEGER NOT NULL,
            line INTEGER NOT NULL,
            "column" INTEGER,
            record INTEGER,
            xml_path TEXT,
            rule TEXT,
            reason TEXT NOT NULL,
            raw_text TEXT NOT NULL
        ) STRICT;
        CREATE INDEX _rejects_run ON _rejects(run);
        CREATE TABLE _dangling (
            id INTEGER PRIMARY KEY,
            run INTEGER NOT NULL,
            source INTEGER NOT NULL,
            line INTEGER NOT NULL,
            rule TEXT,
            edge_type TEXT NOT NULL,
            from_label TEXT NOT NULL,
            from_key TEXT NOT NULL,
            to_label TEXT NOT NULL,
            to_key TEXT NOT NULL,
            missing TEXT NOT NULL CHECK (missing IN ('from', 'to', 'both'))
        ) STRICT;
        CREATE INDEX _dangling_run ON _dangling(run);
        CREATE TABLE _conflicts (
            id INTEGER PRIMARY KEY,
            run INTEGER NOT NULL,
            label TEXT NOT NULL,
            key TEXT NOT NULL,
            property TEXT NOT NULL,
            kept_value TEXT NOT NULL,
            kept_source INTEGER,
            kept_line INTEGER,
            other_value TEXT NOT NULL,
            other_source INTEGER NOT NULL,
            other_line INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX _conflicts_run ON _conflicts(run);
        CREATE TABLE _contributions (
            id INTEGER PRIMARY KEY,
            run INTEGER NOT NULL,
            label TEXT NOT NULL,
            node_id INTEGER NOT NULL,
            source INTEGER NOT NULL,
            line INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX _contributions_node ON _contributions(label, node_id);
        """

    /// Creates the fixed tables in an empty file.
    static func create(in db: Database) throws {
        try db.inTransaction(.immediate) {
            try db.execute(ddl)
            try db.execute("INSERT INTO _meta(key, value) VALUES ('format', ?), ('format_version', ?), ('created_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                           arguments: [.text(formatName), .text(String(formatVersion))])
        }
    }

    /// True when the file has no tables at all (fresh or zero-length).
    static func isEmpty(_ db: Database) throws -> Bool {
        try db.fetchInt64("SELECT count(*) FROM sqlite_master") == 0
    }

    /// Refuses files that are not Loom graphs or come from a newer format.
    static func check(_ db: Database, path: String) throws {
        guard try db.tableExists("_meta"),
              try db.fetchString("SELECT value FROM _meta WHERE key = 'format'") == formatName else {
            throw StoreError(.notAGraph, "\(path) is a SQLite file but not a Loom graph")
        }
        let version = try db.fetchString("SELECT value FROM _meta WHERE key = 'format_version'").flatMap { Int64($0) } ?? 0
        if version > formatVersion {
            throw StoreError(.newerFormat,
                "\(path) was written by a newer Loom (graph format \(version); this Loom reads up to \(formatVersion)); upgrade Loom or rebuild the graph")
        }
    }
}
