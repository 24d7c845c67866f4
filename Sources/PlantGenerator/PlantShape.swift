/// The sizes of a synthetic plant at a scale factor, and where each kind of part sits in the
/// part index space. Parts are numbered by index: finished goods first, then sub-assemblies
/// by BOM level (1 = directly under a finished good, 7 = deepest), then the sub-assemblies
/// reserved for injected BOM cycles, then purchased raw parts.
///
/// Scale 1 is about 10,000 parts and 50,000 BOM lines; sizes grow linearly with the scale.
struct PlantShape: Sendable {
    let scale: Double
    let seed: UInt64

    let partCount: Int
    let finishedCount: Int
    /// Sub-assemblies in the regular DAG (levels 1...levelCount).
    let assemblyCount: Int
    /// Sub-assemblies that form injected cycles: three per cycle.
    let cycleCount: Int
    let rawCount: Int
    let levelCount = 7

    let plantCount: Int
    let workCentresPerPlant = 12
    let supplierCount: Int
    let purchaseOrderCount: Int
    let productionOrderCount: Int
    /// Materials flagged for deletion: MARA rows only, filtered by the mapping.
    let deletedCount: Int
    let nearDuplicateCount: Int

    /// The day the extract was taken; orders due before it are delivered.
    let extractDay = CalendarDay(year: 2025, month: 3, day: 14)

    init(scale: Double, seed: UInt64) {
        self.scale = scale
        self.seed = seed
        let parts = max(300, Int((10_000 * scale).rounded()))
        partCount = parts
        finishedCount = max(10, parts * 4 / 100)
        cycleCount = max(1, parts / 5_000)
        assemblyCount = max(7 * 4, parts * 26 / 100 - 3 * cycleCount)
        rawCount = parts - finishedCount - assemblyCount - 3 * cycleCount
        plantCount = max(2, Int((2 * scale.squareRoot()).rounded(.up)))
        supplierCount = max(15, parts / 50)
        purchaseOrderCount = max(40, parts / 10)
        productionOrderCount = max(30, parts / 10)
        deletedCount = max(1, parts / 1_000)
        nearDuplicateCount = max(1, parts / 2_000)
    }

    // MARK: - Index ranges

    var finished: Range<Int> { 0..<finishedCount }
    var assemblies: Range<Int> { finishedCount..<(finishedCount + assemblyCount) }
    var cycleAssemblies: Range<Int> { assemblies.upperBound..<(assemblies.upperBound + 3 * cycleCount) }
    var raw: Range<Int> { cycleAssemblies.upperBound..<partCount }
    /// Parts that have a BOM and a routing: finished goods and all sub-assemblies.
    var made: Range<Int> { 0..<cycleAssemblies.upperBound }

    /// Sub-assemblies of BOM level `level` (1...levelCount).
    func assemblies(atLevel level: Int) -> Range<Int> {
        let start = assemblies.lowerBound + (level - 1) * assemblyCount / levelCount
        let end = assemblies.lowerBound + level * assemblyCount / levelCount
        return start..<end
    }

    /// The BOM level of a regular sub-assembly.
    func level(ofAssembly index: Int) -> Int {
        let offset = index - assemblies.lowerBound
        var level = (offset * levelCount) / assemblyCount + 1
        while level > 1 && index < assemblies(atLevel: level).lowerBound { level -= 1 }
        while level < levelCount && index >= assemblies(atLevel: level).upperBound { level += 1 }
        return level
    }

    // MARK: - Numbers

    /// The material number without leading zeros: 10000000 + index.
    func materialNumber(_ index: Int) -> Int { 10_000_000 + index }
    /// A deleted material's number (only in MARA).
    func deletedNumber(_ k: Int) -> Int { 80_000_000 + k }
    /// A material number no table defines, used by dangling BOM lines.
    func missingNumber(_ k: Int) -> Int { 90_000_000 + k }

    func plantCode(_ plant: Int) -> Int { 1000 * (plant + 1) }
    func supplierNumber(_ supplier: Int) -> Int { 100_000 + supplier }
    func routingNumber(_ part: Int) -> Int { 50_000_000 + part }
    func purchaseOrderNumber(_ order: Int) -> Int { 4_500_000_000 + order }
    func productionOrderNumber(_ order: Int) -> Int { 1_000_000 + order }

    // MARK: - Near duplicates

    /// The raw part whose description copies its predecessor's modulo case and spaces.
    func nearDuplicate(_ k: Int) -> Int {
        let step = max(2, rawCount / nearDuplicateCount)
        return raw.lowerBound + 1 + k * step
    }

    /// The index `k` when `part` is a near duplicate of `part - 1`.
    func nearDuplicateIndex(of part: Int) -> Int? {
        guard raw.contains(part) else { return nil }
        let step = max(2, rawCount / nearDuplicateCount)
        let offset = part - raw.lowerBound - 1
        guard offset >= 0, offset % step == 0, offset / step < nearDuplicateCount else { return nil }
        return offset / step
    }
}
