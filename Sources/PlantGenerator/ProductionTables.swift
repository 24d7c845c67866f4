import Foundation

/// Writes production orders AFKO (header: material, routing, dates, quantity) and AFPO (item:
/// plant, delivered quantity, completion) for finished goods and regular sub-assemblies,
/// started over the first four months of 2025; orders due before the extract day are delivered.
struct ProductionTables {
    let shape: PlantShape
    let directory: URL
    let truth: GroundTruth

    func write() throws {
        let afko = try TableWriter(directory: directory, fileName: "AFKO.csv", columns: SAPColumns.afko)
        let afpo = try TableWriter(directory: directory, fileName: "AFPO.csv", columns: SAPColumns.afpo)
        let firstDay = CalendarDay(year: 2025, month: 1, day: 2)
        let open = "00000000"
        for order in 0..<shape.productionOrderCount {
            var rng = SplitMix64(seed: shape.seed, stream: .production, index: order)
            let part = rng.below(shape.finishedCount + shape.assemblyCount)
            let facts = PartFacts(shape: shape, index: part)
            let start = firstDay + order * 120 / shape.productionOrderCount
            let finish = start + facts.inHouseDays + 2
            let done = finish < shape.extractDay
            let quantity = 1_000 * (facts.kind == .finished ? rng.pick([5, 10, 20, 25, 50]) : rng.pick([20, 50, 100, 200]))
            let number = shape.productionOrderNumber(order)
            afko.text("100"); afko.number(number, width: 12); afko.date(start); afko.date(finish)
            if done { afko.date(finish) } else { afko.text(open) }
            afko.number(facts.number, width: 18); afko.text("N"); afko.number(shape.routingNumber(part), width: 8); afko.text("01")
            afko.decimal(quantity, scale: 3); afko.text(facts.unit); afko.number(facts.plant * 100 + 1, width: 3)
            afko.endRow()
            afpo.text("100"); afpo.number(number, width: 12); afpo.text("0001"); afpo.number(facts.number, width: 18)
            afpo.decimal(quantity, scale: 3); afpo.decimal(done ? quantity : 0, scale: 3); afpo.text(facts.unit)
            afpo.number(shape.plantCode(facts.plant)); afpo.text("PP01")
            if done { afpo.date(finish); afpo.text("X") } else { afpo.text(open); afpo.empty() }
            afpo.endRow()
        }
        truth.file("AFKO.csv", rows: afko.rowCount)
        truth.file("AFPO.csv", rows: afpo.rowCount)
        try afko.close()
        try afpo.close()
    }
}
