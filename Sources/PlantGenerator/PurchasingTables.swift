import Foundation

/// Writes LFA1 (suppliers), EINA_EINE (info records: every raw part from one supplier, 40 %
/// from a second one at 8 % more and a week longer), and purchase orders EKKO/EKPO/EKET with
/// one schedule line per item. Raw part r's main supplier is r mod suppliers, so an order can
/// pick a supplier's parts without a lookup table. Every 1,000th schedule line in turn has a
/// delivery date before its order date, or a date that is not a date (month 13).
struct PurchasingTables {
    let shape: PlantShape
    let directory: URL
    let truth: GroundTruth

    static let period = 1_000, earlySlot = 333, badDateSlot = 777

    struct Result {
        var infoRecords = 0
        var orderLines = 0
    }

    func write() throws -> Result {
        try writeSuppliers()
        var result = Result()
        result.infoRecords = try writeInfoRecords()
        result.orderLines = try writeOrders()
        return result
    }

    private func writeSuppliers() throws {
        let lfa1 = try TableWriter(directory: directory, fileName: "LFA1.csv", columns: SAPColumns.lfa1)
        for supplier in 0..<shape.supplierCount {
            var rng = SplitMix64(seed: shape.seed, stream: .supplier, index: supplier)
            let trade = rng.pick(Vocabulary.supplierTrades)
            let name = rng.pick(Vocabulary.supplierNames)
            let name1 = supplier % 7 == 3
                ? "\(name), \(rng.pick(Vocabulary.supplierNames)) & Co. KG"
                : "\(trade) \(name) \(rng.pick(Vocabulary.legalForms))"
            let city = rng.pick(Vocabulary.cities)
            lfa1.text("100"); lfa1.number(shape.supplierNumber(supplier), width: 10); lfa1.text("DE"); lfa1.text(name1)
            lfa1.text(city); lfa1.number(10_000 + rng.below(89_999), width: 5); lfa1.text("Gewerbering \(rng.between(1, 120))")
            lfa1.text("D"); lfa1.text("LIEF"); lfa1.empty(); lfa1.empty()
            lfa1.endRow()
        }
        truth.file("LFA1.csv", rows: lfa1.rowCount)
        try lfa1.close()
    }

    private func writeInfoRecords() throws -> Int {
        let info = try TableWriter(directory: directory, fileName: "EINA_EINE.csv", columns: SAPColumns.einaEine)
        var record = 0
        for part in shape.raw {
            let facts = PartFacts(shape: shape, index: part)
            var rng = SplitMix64(seed: shape.seed, stream: .infoRecord, index: part)
            let main = (part - shape.raw.lowerBound) % shape.supplierCount
            var suppliers = [(main, facts.priceCents, facts.leadTimeDays)]
            if rng.chance(percent: 40) {
                let second = (main + 1 + rng.below(shape.supplierCount - 1)) % shape.supplierCount
                suppliers.append((second, facts.priceCents * 108 / 100, facts.leadTimeDays + 7))
            }
            for (supplier, price, days) in suppliers {
                record += 1
                info.number(5_300_000_000 + record, width: 10); info.number(facts.number, width: 18)
                info.number(shape.supplierNumber(supplier), width: 10); info.empty(); info.text("S\(supplier)-\(facts.number)")
                info.text(facts.unit); info.text("DE"); info.text("1000"); info.text("0"); info.empty(); info.number(days)
                info.decimal(facts.unit == "ST" ? 100_000 : 1_000, scale: 3); info.decimal(1_000, scale: 3)
                info.decimal(price, scale: 2); info.number(1); info.text("EUR"); info.text("001")
                info.endRow()
            }
        }
        truth.file("EINA_EINE.csv", rows: info.rowCount)
        try info.close()
        return record
    }

    private func writeOrders() throws -> Int {
        let ekko = try TableWriter(directory: directory, fileName: "EKKO.csv", columns: SAPColumns.ekko)
        let ekpo = try TableWriter(directory: directory, fileName: "EKPO.csv", columns: SAPColumns.ekpo)
        let eket = try TableWriter(directory: directory, fileName: "EKET.csv", columns: SAPColumns.eket)
        let firstDay = CalendarDay(year: 2024, month: 1, day: 1)
        var scheduleLines = 0
        for order in 0..<shape.purchaseOrderCount {
            var rng = SplitMix64(seed: shape.seed, stream: .purchaseOrder, index: order)
            let supplier = rng.below(shape.supplierCount)
            let ordered = firstDay + order * 430 / shape.purchaseOrderCount + rng.below(4)
            let number = shape.purchaseOrderNumber(order)
            ekko.text("100"); ekko.number(number); ekko.text("1000"); ekko.text("F"); ekko.text("NB"); ekko.empty()
            ekko.date(ordered); ekko.text(rng.pick(["EINKAUF1", "EINKAUF2", "EINKAUF3"]))
            ekko.number(shape.supplierNumber(supplier), width: 10); ekko.text("1000"); ekko.text("001"); ekko.text("EUR")
            ekko.date(ordered)
            ekko.endRow()
            let partsOfSupplier = (shape.rawCount - supplier + shape.supplierCount - 1) / shape.supplierCount
            for item in 1...rng.between(1, 5) {
                let part = shape.raw.lowerBound + supplier + shape.supplierCount * rng.below(max(1, partsOfSupplier))
                let facts = PartFacts(shape: shape, index: part)
                let quantity = facts.unit == "ST" ? 1_000 * rng.pick([50, 100, 200, 500, 1_000]) : 1_000 * rng.pick([10, 25, 50, 100])
                let due = ordered + facts.leadTimeDays
                let closed = due < shape.extractDay
                ekpo.text("100"); ekpo.number(number); ekpo.number(item * 10, width: 5); ekpo.empty(); ekpo.text(facts.germanText)
                ekpo.number(facts.number, width: 18); ekpo.number(shape.plantCode(facts.plant)); ekpo.text("0001")
                ekpo.text(facts.materialGroup); ekpo.decimal(quantity, scale: 3); ekpo.text(facts.unit)
                ekpo.decimal(facts.priceCents, scale: 2); ekpo.number(1); ekpo.decimal(quantity / 1_000 * facts.priceCents, scale: 2)
                if closed { ekpo.text("X"); ekpo.text("X") } else { ekpo.empty(); ekpo.empty() }
                ekpo.text("0")
                ekpo.endRow()

                let slot = scheduleLines % PurchasingTables.period
                scheduleLines += 1
                let line = eket.nextLine
                eket.text("100"); eket.number(number); eket.number(item * 10, width: 5); eket.text("0001")
                switch slot {
                case PurchasingTables.earlySlot:
                    let early = ordered - (10 + rng.below(50))
                    eket.date(early)
                    truth.record("delivery-before-order", file: "EKET.csv", line: line,
                                 "order \(number) item \(item * 10): delivery \(early.sapText) before order date \(ordered.sapText)")
                case PurchasingTables.badDateSlot:
                    let text = String(due.components.year) + "1340"
                    eket.text(text)
                    truth.record("bad-date", file: "EKET.csv", line: line,
                                 "column EINDT: '\(text)' is not a date (order \(number) item \(item * 10))")
                default:
                    eket.date(due)
                }
                eket.date(due); eket.decimal(quantity, scale: 3); eket.decimal(closed ? quantity : 0, scale: 3); eket.date(ordered)
                eket.endRow()
            }
        }
        truth.file("EKKO.csv", rows: ekko.rowCount)
        truth.file("EKPO.csv", rows: ekpo.rowCount)
        truth.file("EKET.csv", rows: eket.rowCount)
        for writer in [ekko, ekpo, eket] { try writer.close() }
        return scheduleLines
    }
}
