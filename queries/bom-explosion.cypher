// Question: what goes into this part, at every level, and how many of each per one part,
//           counting only BOM lines valid on a date?
// Parameters: $part  the part number (e.g. '100103')
//             $asOf  the date the BOM must be valid on (e.g. 2025-03-01)
// Example: loom query datasets/sample-plant/loom.yaml bom-explosion --param part=100103 --param asOf=2025-03-01
CALL bom.explode($part, {asOf: $asOf}) YIELD component, quantity, level, deepestLevel
RETURN component, quantity, level, deepestLevel
ORDER BY level, component
