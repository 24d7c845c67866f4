// Question: where is this part used — every assembly that contains it directly or indirectly,
//           with how many of it one assembly needs?
// Parameters: $part  the part number (e.g. '100428')
//             $asOf  the date the BOM lines must be valid on
// Example: loom query datasets/sample-plant/loom.yaml where-used --param part=100428 --param asOf=2025-03-01
CALL bom.whereUsed($part, {asOf: $asOf}) YIELD assembly, quantity, level
RETURN assembly, quantity, level
ORDER BY level, assembly
