import Foundation

/// Writes CRHD (work centres, twelve per plant, the same codes in every plant), PLKO (one
/// routing per made part) and PLPO (2–6 operations each, at work centres of the part's plant).
/// Every 4,000th operation row is written with its comma-holding text unquoted: one field too
/// many, a row the importer must reject.
struct RoutingTables {
    let shape: PlantShape
    let directory: URL
    let truth: GroundTruth

    static let period = 4_000, malformedSlot = 1_777

    /// Operations written and operations rejected.
    struct Result {
        var operations = 0
        var malformed = 0
    }

    func write() throws -> Result {
        try writeWorkCentres()
        let plko = try TableWriter(directory: directory, fileName: "PLKO.csv", columns: SAPColumns.plko)
        let plpo = try TableWriter(directory: directory, fileName: "PLPO.csv", columns: SAPColumns.plpo)
        var result = Result()
        var node = 0
        // Advances per operation row, but waits on the malformed slot until a text holds a comma.
        var slotCounter = 0
        for part in shape.made {
            let facts = PartFacts(shape: shape, index: part)
            let plant = shape.plantCode(facts.plant)
            let routing = shape.routingNumber(part)
            plko.text("100"); plko.text("N"); plko.number(routing, width: 8); plko.text("01")
            plko.number(facts.number, width: 18); plko.number(plant); plko.date(BillOfMaterials.firstValid); plko.text("1")
            plko.text("4"); plko.decimal(1_000, scale: 3); plko.decimal(99_999_999_000, scale: 3); plko.text("ST")
            plko.text(String(("Arbeitsplan " + facts.germanText).prefix(40)))
            plko.endRow()
            var rng = SplitMix64(seed: shape.seed, stream: .operation, index: part)
            for step in 1...rng.between(2, 6) {
                node += 1
                let centre = facts.kind == .finished
                    ? Vocabulary.workCentres[[0, 2, 6, 10][min(step - 1, 3)]]
                    : rng.pick(Vocabulary.workCentres)
                let text = rng.pick(centre.operations)
                let atSlot = slotCounter % RoutingTables.period == RoutingTables.malformedSlot
                let malformed = atSlot && text.contains(",")
                if !atSlot || malformed { slotCounter += 1 }
                let line = plpo.nextLine
                plpo.text("100"); plpo.text("N"); plpo.number(routing, width: 8); plpo.text("01"); plpo.number(node, width: 8)
                plpo.number(step * 10, width: 4); plpo.number(plant); plpo.text(centre.code); plpo.text("PP01")
                if malformed {
                    plpo.unquoted(text)
                    result.malformed += 1
                    truth.record("malformed-row", file: "PLPO.csv", line: line,
                                 "LTXA1 '\(text)' not quoted: \(SAPColumns.plpo.count + 1) fields, header has \(SAPColumns.plpo.count) (routing \(routing) operation \(step * 10))")
                } else {
                    plpo.text(text)
                }
                let run = rng.between(1, 240) * 250
                plpo.decimal(1_000, scale: 3); plpo.text("ST"); plpo.text("MIN"); plpo.decimal(1_000 * rng.pick([10, 15, 20, 30, 45, 60]), scale: 3)
                plpo.text("MIN"); plpo.decimal(run, scale: 3); plpo.text("MIN"); plpo.decimal(run, scale: 3)
                plpo.endRow()
            }
        }
        truth.file("PLKO.csv", rows: plko.rowCount)
        truth.file("PLPO.csv", rows: plpo.rowCount)
        try plko.close()
        try plpo.close()
        result.operations = plpo.rowCount
        return result
    }

    private func writeWorkCentres() throws {
        let crhd = try TableWriter(directory: directory, fileName: "CRHD.csv", columns: SAPColumns.crhd)
        for plant in 0..<shape.plantCount {
            for (i, centre) in Vocabulary.workCentres.enumerated() {
                crhd.text("100"); crhd.text("A"); crhd.number(10_000_000 + plant * 1_000 + i + 1, width: 8)
                crhd.text(centre.code); crhd.number(shape.plantCode(plant)); crhd.text("0001"); crhd.number(plant + 1, width: 3)
                crhd.text(centre.text)
                crhd.endRow()
            }
        }
        truth.file("CRHD.csv", rows: crhd.rowCount)
        try crhd.close()
    }
}
