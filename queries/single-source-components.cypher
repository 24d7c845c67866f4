// Question: which components of this part (at any level, as of a date) can be bought from only
//           one supplier, how many of each one part needs, and from whom?
// Parameters: $part  the part number of the finished good (e.g. '100103')
//             $asOf  the date the BOM lines must be valid on (e.g. 2025-03-01)
// Example: loom query datasets/sample-plant/loom.yaml single-source-components --param part=100103 --param asOf=2025-03-01
CALL bom.explode($part, {asOf: $asOf}) YIELD component, quantity
MATCH (s:Supplier)-[:SUPPLIES]->(p:Part {number: component})
WITH p, quantity, count(s) AS suppliers, min(s.name) AS supplier
WHERE suppliers = 1
RETURN p.number AS part, p.description AS description, quantity, supplier
ORDER BY part
