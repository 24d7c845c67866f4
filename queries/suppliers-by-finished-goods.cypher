// Question: which suppliers' parts go into the most finished goods (at any BOM level, as of a
//           date), and how many of their parts are used?
// Parameters: $asOf  the date the BOM lines must be valid on (e.g. 2025-03-01)
// Example: loom query datasets/sample-plant/loom.yaml suppliers-by-finished-goods --param asOf=2025-03-01
// skipCycles: a finished good whose BOM has a cycle still counts for the parts below it.
MATCH (fg:Part {kind: 'finished'})
CALL bom.explode(fg.number, {asOf: $asOf, skipCycles: true}) YIELD component
MATCH (s:Supplier)-[:SUPPLIES]->(p:Part {number: component})
RETURN s.name AS supplier, count(DISTINCT fg) AS finishedGoods, count(DISTINCT p) AS parts
ORDER BY finishedGoods DESC, parts DESC, supplier
