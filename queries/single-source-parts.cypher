// Question: which parts can be bought from exactly one supplier (a supply risk), and from whom?
// Parameters: none
// Example: loom query datasets/sample-plant/loom.yaml single-source-parts
MATCH (s:Supplier)-[:SUPPLIES]->(p:Part)
WITH p, count(s) AS suppliers, collect(s.name) AS names
WHERE suppliers = 1
RETURN p.number AS part, p.description AS description, names AS supplier
ORDER BY part
