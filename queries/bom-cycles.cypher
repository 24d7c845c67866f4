// Question: which parts contain themselves through their BOM (a BOM cycle), and along which path?
// Parameters: none
// Example: loom query datasets/sample-plant/loom.yaml bom-cycles
CALL bom.cycles() YIELD cycle, length
RETURN cycle, length
ORDER BY cycle
