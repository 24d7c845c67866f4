// Question: what is the cumulative lead time of this part: its own lead time plus the longest
//           lead time below it, level by level (the critical path through its BOM), as of a date?
// Parameters: $part  the part number (e.g. '100103')
//             $asOf  the date the BOM lines must be valid on (e.g. 2025-03-01)
// Example: loom query datasets/sample-plant/loom.yaml cumulative-lead-time --param part=100103 --param asOf=2025-03-01
// A part's own lead time is inHouseDays + leadTimeDays + goodsReceiptDays (SAP DZEIT, PLIFZ, WEBAZ).
CALL bom.longestPath(['inHouseDays', 'leadTimeDays', 'goodsReceiptDays'], {asOf: $asOf, parts: [$part]})
YIELD part, total, path
RETURN part, total AS leadTimeDays, path AS criticalPath
