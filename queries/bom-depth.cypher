// Question: how deep is the BOM of each finished good (levels below it, as of a date), and
//           along which chain of parts?
// Parameters: $asOf  the date the BOM lines must be valid on (e.g. 2025-03-01)
// Example: loom query datasets/sample-plant/loom.yaml bom-depth --param asOf=2025-03-01
// A finished good whose BOM contains a cycle has no depth: reachesCycle is true.
CALL bom.longestPath(null, {asOf: $asOf, skipCycles: true}) YIELD part, total, path, reachesCycle
MATCH (p:Part {number: part}) WHERE p.kind = 'finished'
RETURN part, p.description AS description, total AS depth, path AS deepestPath, reachesCycle
ORDER BY part
