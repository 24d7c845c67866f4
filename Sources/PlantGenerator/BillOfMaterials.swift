/// One BOM item as generated, before anomalies are applied by the writer.
struct BOMLine: Sendable {
    enum Role: Sendable {
        /// A sub-assembly or raw part.
        case component
        /// An item of an injected cycle (A→B, B→C or the back line C→A).
        case cycle(number: Int, step: Int)
        /// A text item (POSTP T): filtered by the mapping, never an edge.
        case text
    }

    var component: Int
    var quantityMilli: Int
    var validFrom: CalendarDay
    /// Nil means open-ended (99991231).
    var validTo: CalendarDay?
    var role: Role
    /// True for raw-part items; anomalies are injected only there, so the DAG's depth holds.
    var isRaw: Bool
}

/// Builds the BOM of one made part from the seed and the part's index alone: a DAG whose
/// levels guarantee depths 4–8 below finished goods, with sub-assemblies shared by many
/// parents, raw parts picked with a skew (a few standard parts are used everywhere), 3 % of
/// raw items superseded by another part on a date, and 5 % of BOMs with a text item.
struct BillOfMaterials {
    let shape: PlantShape
    static let firstValid = CalendarDay(year: 2019, month: 1, day: 1)

    func lines(of parent: Int) -> [BOMLine] {
        var rng = SplitMix64(seed: shape.seed, stream: .bom, index: parent)
        var lines: [BOMLine] = []
        lines.reserveCapacity(32)
        if shape.cycleAssemblies.contains(parent) {
            let offset = parent - shape.cycleAssemblies.lowerBound
            let step = offset % 3
            let next = step < 2 ? parent + 1 : parent - 2
            lines.append(BOMLine(component: next, quantityMilli: 1_000, validFrom: BillOfMaterials.firstValid,
                                 validTo: nil, role: .cycle(number: offset / 3, step: step), isRaw: false))
            addRaw(count: rng.between(3, 6), to: &lines, rng: &rng)
            return lines
        }
        let total = rng.between(8, 25)
        var sub: [Int] = []
        if shape.finished.contains(parent) {
            // Depth below this finished good is exactly 9 - start (4...8).
            let start = 1 + parent % 5
            sub.append(pick(level: start, rng: &rng))
            for _ in 0..<rng.between(1, 3) { sub.append(pick(level: rng.between(start, shape.levelCount), rng: &rng)) }
        } else {
            let level = shape.level(ofAssembly: parent)
            if level < shape.levelCount {
                sub.append(pick(level: level + 1, rng: &rng))
                for _ in 0..<rng.between(0, 2) { sub.append(pick(level: rng.between(level + 1, shape.levelCount), rng: &rng)) }
            }
        }
        var seen = Set<Int>()
        for child in sub where seen.insert(child).inserted {
            lines.append(BOMLine(component: child, quantityMilli: rng.chance(percent: 80) ? 1_000 : 2_000,
                                 validFrom: BillOfMaterials.firstValid, validTo: nil, role: .component, isRaw: false))
        }
        addRaw(count: max(1, total - lines.count), to: &lines, rng: &rng)
        if shape.finished.contains(parent), let cycle = hostedCycle(parent) {
            lines.append(BOMLine(component: shape.cycleAssemblies.lowerBound + 3 * cycle, quantityMilli: 1_000,
                                 validFrom: BillOfMaterials.firstValid, validTo: nil, role: .component, isRaw: false))
        }
        if rng.chance(percent: 5) {
            lines.append(BOMLine(component: -1, quantityMilli: 0, validFrom: BillOfMaterials.firstValid,
                                 validTo: nil, role: .text, isRaw: false))
        }
        return lines
    }

    /// The cycle whose first sub-assembly this finished good uses, if any.
    func hostedCycle(_ finished: Int) -> Int? {
        for cycle in 0..<shape.cycleCount where cycle * shape.finishedCount / shape.cycleCount == finished {
            return cycle
        }
        return nil
    }

    private func pick(level: Int, rng: inout SplitMix64) -> Int {
        let range = shape.assemblies(atLevel: level)
        return range.lowerBound + rng.below(range.count)
    }

    private func addRaw(count: Int, to lines: inout [BOMLine], rng: inout SplitMix64) {
        var used = Set(lines.map(\.component))
        for _ in 0..<count {
            var part = shape.raw.lowerBound + rng.skewed(shape.rawCount)
            var tries = 0
            while used.contains(part) && tries < 8 {
                part = shape.raw.lowerBound + rng.below(shape.rawCount)
                tries += 1
            }
            guard used.insert(part).inserted else { continue }
            let quantity = quantityMilli(unit: PartFacts.unit(shape: shape, index: part), rng: &rng)
            if rng.chance(percent: 3) {
                // Superseded: the old part is valid until a date, its replacement from the next day.
                let change = CalendarDay(year: 2021, month: 1, day: 1) + rng.below(1_500)
                lines.append(BOMLine(component: part, quantityMilli: quantity, validFrom: BillOfMaterials.firstValid,
                                     validTo: change, role: .component, isRaw: true))
                var successor = shape.raw.lowerBound + rng.below(shape.rawCount)
                while used.contains(successor) { successor = shape.raw.lowerBound + rng.below(shape.rawCount) }
                used.insert(successor)
                let successorQuantity = quantityMilli(unit: PartFacts.unit(shape: shape, index: successor), rng: &rng)
                lines.append(BOMLine(component: successor, quantityMilli: successorQuantity, validFrom: change + 1,
                                     validTo: nil, role: .component, isRaw: true))
            } else {
                lines.append(BOMLine(component: part, quantityMilli: quantity, validFrom: BillOfMaterials.firstValid,
                                     validTo: nil, role: .component, isRaw: true))
            }
        }
    }

    private func quantityMilli(unit: String, rng: inout SplitMix64) -> Int {
        switch unit {
        case "ST": return 1_000 * (1 + rng.skewed(12))
        case "KG": return rng.between(5, 5_000)
        case "M": return 100 * rng.between(1, 100)
        default: return 50 * rng.between(1, 40)
        }
    }
}
