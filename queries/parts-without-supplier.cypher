// Question: which purchased parts have no supplier (no purchasing info record) at all?
// Parameters: none
// Example: loom query datasets/sample-plant/loom.yaml parts-without-supplier
MATCH (p:Part)
WHERE p.procurementType = 'purchased'
OPTIONAL MATCH (s:Supplier)-[:SUPPLIES]->(p)
WITH p, count(s) AS suppliers
WHERE suppliers = 0
RETURN p.number AS part, p.description AS description, p.kind AS kind
ORDER BY part
