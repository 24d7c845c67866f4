// Question: this component is short: which open production orders need it through their BOM
//           (at any level, as of a date), and how many of it in all?
// Parameters: $part  the short component's part number (e.g. '100428')
//             $asOf  the date the BOM lines must be valid on (e.g. 2025-03-01)
// Example: loom query datasets/sample-plant/loom.yaml orders-short-component --param part=100428 --param asOf=2025-03-01
// needed = order quantity × how many of the part one produced piece needs (empty when the path
// to the part runs through a BOM cycle).
CALL bom.whereUsed($part, {asOf: $asOf, skipCycles: true}) YIELD assembly, quantity
MATCH (o:ProductionOrder)-[:PRODUCES]->(a:Part {number: assembly})
WHERE o.deliveryCompleted = false
RETURN o.number AS productionOrder, a.number AS produces, o.startDate AS start,
       o.quantity AS orderQuantity, quantity AS perPiece, o.quantity * quantity AS needed
ORDER BY start, productionOrder
