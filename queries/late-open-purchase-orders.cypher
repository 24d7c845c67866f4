// Question: which open purchase order lines were due before a date and are still not delivered?
// Parameters: $today  the date to compare the delivery dates with (e.g. 2025-03-20)
// Example: loom query datasets/sample-plant/loom.yaml late-open-purchase-orders --param today=2025-03-20
MATCH (s:Supplier)<-[:ORDERED_FROM]-(po:PurchaseOrder)-[:HAS_LINE]->(l:PurchaseOrderLine)-[:ORDERS]->(p:Part)
WHERE l.status = 'open' AND l.deliveryDate < $today
RETURN po.number AS purchaseOrder, l.item AS item, s.name AS supplier, p.number AS part,
       l.deliveryDate AS due, l.quantity AS ordered, l.receivedQuantity AS received
ORDER BY due, purchaseOrder, item
