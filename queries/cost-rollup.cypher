// Question: what does this part cost in material, rolled up over its BOM from the unit costs
//           of the parts that have no BOM of their own?
// Parameters: $part  the part number (e.g. '100103')
//             $asOf  the date the BOM lines must be valid on
// Example: loom query datasets/sample-plant/loom.yaml cost-rollup --param part=100103 --param asOf=2025-03-01
CALL bom.rollup('unitCost', {asOf: $asOf, parts: [$part]}) YIELD part, value, isComplete
RETURN part, value AS materialCost, isComplete
