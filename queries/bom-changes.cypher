// Question: which BOM lines start or stop being valid within a date window (effectivity changes)?
// Parameters: $from, $to  the window's first and last day (e.g. 2024-06-01 and 2024-07-31)
// Example: loom query datasets/sample-plant/loom.yaml bom-changes --param from=2024-06-01 --param to=2024-07-31
MATCH (a:Part)-[l:HAS_COMPONENT]->(c:Part)
WHERE (l.validFrom >= $from AND l.validFrom <= $to) OR (l.validTo >= $from AND l.validTo <= $to)
RETURN a.number AS assembly, c.number AS component, c.description AS description,
       l.validFrom AS validFrom, l.validTo AS validTo, l.quantity AS quantity
ORDER BY assembly, validFrom, component
