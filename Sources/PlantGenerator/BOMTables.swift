import Foundation

/// Writes STKO and STPO (joined with MAST: parent MATNR and WERKS on every row; ";" and
/// decimal comma) for every made part, injecting the BOM anomalies on raw-part items at a
/// fixed rate: every 5,000th raw item in turn is dangling, unit-mismatched, negative or not
/// a decimal; cycle items come from the reserved cycle sub-assemblies.
struct BOMTables {
    let shape: PlantShape
    let directory: URL
    let truth: GroundTruth

    /// Anomaly slots among raw-part BOM items (item counter modulo `period`).
    static let period = 5_000
    static let danglingSlot = 1_000, unitSlot = 2_000, negativeSlot = 3_000, badDecimalSlot = 4_000

    /// Edge counts the ground truth needs.
    struct Result {
        var componentEdges = 0
        var textItems = 0
    }

    func write() throws -> Result {
        let stko = try TableWriter(directory: directory, fileName: "STKO.csv", columns: SAPColumns.stko,
                                   delimiter: ";", decimalComma: true)
        let stpo = try TableWriter(directory: directory, fileName: "STPO.csv", columns: SAPColumns.stpo,
                                   delimiter: ";", decimalComma: true)
        let bom = BillOfMaterials(shape: shape)
        var result = Result()
        var rawItems = 0
        var cycleLines: [Int: [(line: Int, text: String)]] = [:]
        for parent in shape.made {
            let plant = shape.plantCode(PartFacts(shape: shape, index: parent).plant)
            let parentNumber = shape.materialNumber(parent)
            let bomNumber = parent + 1
            stko.text("100"); stko.number(parentNumber, width: 18); stko.number(plant); stko.text("1")
            stko.number(bomNumber, width: 8); stko.text("01"); stko.text("M"); stko.decimal(1_000, scale: 3); stko.text("ST")
            stko.text("01"); stko.date(BillOfMaterials.firstValid); stko.date(BillOfMaterials.firstValid)
            stko.endRow()
            for (position, item) in bom.lines(of: parent).enumerated() {
                let node = position + 1
                stpo.text("100"); stpo.number(parentNumber, width: 18); stpo.number(plant); stpo.text("1")
                stpo.number(bomNumber, width: 8); stpo.text("01"); stpo.text("M"); stpo.number(node, width: 8); stpo.number(node, width: 8)
                stpo.date(item.validFrom)
                stpo.date(item.validTo ?? CalendarDay(year: 9999, month: 12, day: 31))
                stpo.number(node * 10, width: 4)
                if case .text = item.role {
                    stpo.text("T"); stpo.empty(); stpo.empty(); stpo.empty(); stpo.decimal(0, scale: 2)
                    stpo.text("Anzugsmomente gem. Montageanweisung")
                    stpo.endRow()
                    result.textItems += 1
                    continue
                }
                let unit = PartFacts.unit(shape: shape, index: item.component)
                let slot = item.isRaw ? rawItems % BOMTables.period : -1
                if item.isRaw { rawItems += 1 }
                let line = stpo.nextLine
                stpo.text("L")
                var edge = true
                let componentNumber: Int
                if slot == BOMTables.danglingSlot {
                    componentNumber = shape.missingNumber(rawItems)
                    truth.record("dangling-component", file: "STPO.csv", line: line,
                                 "part \(parentNumber) -> missing part \(componentNumber)")
                    edge = false
                } else {
                    componentNumber = shape.materialNumber(item.component)
                }
                stpo.number(componentNumber, width: 18)
                switch slot {
                case BOMTables.negativeSlot:
                    stpo.decimal(-item.quantityMilli, scale: 3)
                    truth.record("negative-quantity", file: "STPO.csv", line: line,
                                 "part \(parentNumber) -> \(componentNumber) quantity -\(item.quantityMilli / 1_000).\(String(1_000 + item.quantityMilli % 1_000).dropFirst())")
                case BOMTables.badDecimalSlot:
                    stpo.brokenDecimal(item.quantityMilli, scale: 3, junk: "x")
                    truth.record("bad-decimal", file: "STPO.csv", line: line,
                                 "column MENGE is not a decimal (part \(parentNumber) -> \(componentNumber))")
                    edge = false
                default:
                    stpo.decimal(item.quantityMilli, scale: 3)
                }
                if slot == BOMTables.unitSlot {
                    let wrong = unit == "KG" ? "G" : "KG"
                    stpo.text(wrong)
                    truth.record("unit-mismatch", file: "STPO.csv", line: line,
                                 "part \(parentNumber) -> \(componentNumber): item unit \(wrong), component base unit \(unit == "ST" ? "PC" : unit)")
                } else {
                    stpo.text(unit)
                }
                stpo.decimal(0, scale: 2); stpo.empty()
                stpo.endRow()
                if edge { result.componentEdges += 1 }
                if case .cycle(let number, let step) = item.role {
                    cycleLines[number, default: []].append((line, "step \(step + 1) of 3: part \(parentNumber) -> \(componentNumber)"))
                }
            }
        }
        for number in cycleLines.keys.sorted() {
            for entry in cycleLines[number] ?? [] {
                truth.record("cycle", file: "STPO.csv", line: entry.line, "cycle \(number + 1): \(entry.text)")
            }
        }
        truth.file("STKO.csv", rows: stko.rowCount)
        truth.file("STPO.csv", rows: stpo.rowCount, filtered: result.textItems)
        try stko.close()
        try stpo.close()
        return result
    }
}
