// Question: how many minutes of work do the production orders not yet delivered put on each
//           work centre (setup once per operation, run time scaled by the order quantity)?
// Parameters: none
// Example: loom query datasets/sample-plant/loom.yaml work-centre-load
MATCH (o:ProductionOrder)-[:USES_ROUTING]->(r:Routing)-[:HAS_OPERATION]->(op:Operation)-[:PERFORMED_AT]->(w:WorkCentre)
WHERE o.deliveryCompleted = false
RETURN w.plant AS plant, w.code AS workCentre, count(op) AS operations,
       round(sum(op.setupTime + op.runTime * o.quantity / op.baseQuantity)) AS minutes
ORDER BY minutes DESC, plant, workCentre
