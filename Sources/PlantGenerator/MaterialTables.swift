import Foundation

/// Writes the plant and material master tables: T001W, MARA, MAKT (UTF-16LE, tab, CRLF),
/// MARC and MBEW, in one pass over the parts. Each part is extended to exactly one plant.
struct MaterialTables {
    let shape: PlantShape
    let directory: URL
    let truth: GroundTruth

    func write() throws {
        try writePlants()
        let mara = try TableWriter(directory: directory, fileName: "MARA.csv", columns: SAPColumns.mara)
        let makt = try TableWriter(directory: directory, fileName: "MAKT.txt", columns: SAPColumns.makt,
                                   delimiter: "\t", encoding: .utf16LittleEndian, crlf: true)
        let marc = try TableWriter(directory: directory, fileName: "MARC.csv", columns: SAPColumns.marc)
        let mbew = try TableWriter(directory: directory, fileName: "MBEW.csv", columns: SAPColumns.mbew)
        var englishRows = 0
        for index in 0..<shape.partCount {
            let part = PartFacts(shape: shape, index: index)
            var rng = SplitMix64(seed: shape.seed, stream: .valuation, index: index)
            let maraLine = writeMARA(part, to: mara)
            makt.text("100"); makt.number(part.number, width: 18); makt.text("D"); makt.text(part.germanText)
            makt.text(part.germanText.uppercased())
            let maktLine = makt.endRow()
            if part.kind != .raw {
                makt.text("100"); makt.number(part.number, width: 18); makt.text("E"); makt.text(part.englishText)
                makt.text(part.englishText.uppercased())
                makt.endRow()
                englishRows += 1
            }
            if let k = shape.nearDuplicateIndex(of: index) {
                let original = PartFacts(shape: shape, index: index - 1)
                truth.record("near-duplicate", file: "MAKT.txt", line: maktLine,
                             "pair \(k + 1): part \(part.number) '\(part.germanText)' ~ part \(original.number) '\(original.germanText)' (line \(maktLine - 1)); MARA.csv line \(maraLine)")
            }
            writeMARC(part, rng: &rng, to: marc)
            writeMBEW(part, rng: &rng, to: mbew)
        }
        for k in 0..<shape.deletedCount {
            mara.text("100"); mara.number(shape.deletedNumber(k), width: 18); mara.text("20160301"); mara.text("ALTDATEN")
            mara.text("20240115"); mara.text("X"); mara.text("ROH"); mara.text("M"); mara.text("RST00"); mara.empty()
            mara.text("ST"); mara.empty(); mara.decimal(1_000, scale: 3); mara.decimal(1_000, scale: 3); mara.text("KG"); mara.empty()
            mara.endRow()
        }
        truth.file("MARA.csv", rows: mara.rowCount, filtered: shape.deletedCount)
        truth.file("MAKT.txt", rows: makt.rowCount, filtered: englishRows)
        truth.file("MARC.csv", rows: marc.rowCount)
        truth.file("MBEW.csv", rows: mbew.rowCount)
        for writer in [mara, makt, marc, mbew] { try writer.close() }
    }

    private func writePlants() throws {
        let t001w = try TableWriter(directory: directory, fileName: "T001W.csv", columns: SAPColumns.t001w)
        for plant in 0..<shape.plantCount {
            let city = Vocabulary.cities[plant % Vocabulary.cities.count]
            let suffix = plant < Vocabulary.cities.count ? "" : " \(plant / Vocabulary.cities.count + 1)"
            t001w.text("100"); t001w.number(shape.plantCode(plant)); t001w.text("Werk \(city)\(suffix)")
            t001w.number(shape.plantCode(plant)); t001w.text("Industriestraße \(plant + 1)")
            t001w.number(10_000 + (plant * 7_919) % 89_999, width: 5); t001w.text(city); t001w.text("DE"); t001w.empty()
            t001w.text("D")
            t001w.endRow()
        }
        truth.file("T001W.csv", rows: t001w.rowCount)
        try t001w.close()
    }

    private func writeMARA(_ part: PartFacts, to mara: TableWriter) -> Int {
        mara.text("100"); mara.number(part.number, width: 18); mara.date(part.createdOn); mara.text("GENERATOR")
        mara.date(part.createdOn + 30); mara.empty(); mara.text(part.kind.materialType); mara.text("M")
        mara.text(part.materialGroup); mara.empty(); mara.text(part.unit); mara.empty()
        mara.decimal(part.grossWeightMilli, scale: 3); mara.decimal(part.grossWeightMilli * 92 / 100, scale: 3)
        if part.weightUnit.isEmpty { mara.empty() } else { mara.text(part.weightUnit) }
        mara.empty()
        return mara.endRow()
    }

    private func writeMARC(_ part: PartFacts, rng: inout SplitMix64, to marc: TableWriter) {
        let purchased = part.kind == .raw
        marc.text("100"); marc.number(part.number, width: 18); marc.number(shape.plantCode(part.plant)); marc.empty()
        marc.text("PD"); marc.number(part.plant * 100 + (purchased ? 10 : part.kind == .finished ? 1 : 2), width: 3)
        marc.text(purchased ? rng.pick(["EX", "WB", "MB"]) : "EX"); marc.text(purchased ? "F" : "E"); marc.empty()
        marc.number(part.leadTimeDays); marc.number(part.inHouseDays); marc.number(purchased ? 1 : 0)
        marc.decimal(purchased ? 1_000 * rng.pick([0, 0, 10, 20, 50, 100]) : 0, scale: 3)
        marc.number(part.plant + 1, width: 3)
        marc.endRow()
    }

    private func writeMBEW(_ part: PartFacts, rng: inout SplitMix64, to mbew: TableWriter) {
        let stockMilli = part.kind == .finished ? 1_000 * rng.below(25) : part.unit == "ST" ? 1_000 * rng.below(400) : 100 * rng.below(4_000)
        mbew.text("100"); mbew.number(part.number, width: 18); mbew.number(shape.plantCode(part.plant)); mbew.empty()
        mbew.decimal(stockMilli, scale: 3); mbew.decimal(stockMilli / 1_000 * part.priceCents + (stockMilli % 1_000) * part.priceCents / 1_000, scale: 2)
        mbew.text("S"); mbew.decimal(part.priceCents, scale: 2); mbew.decimal(part.priceCents, scale: 2); mbew.number(1)
        mbew.text(part.kind == .finished ? "7920" : part.kind == .assembly ? "7900" : "3000")
        mbew.endRow()
    }
}
