/// Everything the tables say about one part, derived from its index and the seed alone, so a
/// table can be written in one pass without holding the material master in memory.
struct PartFacts: Sendable {
    enum Kind: Sendable {
        case finished, assembly, raw

        /// SAP material type (MTART).
        var materialType: String {
            switch self {
            case .finished: "FERT"
            case .assembly: "HALB"
            case .raw: "ROH"
            }
        }
    }

    let index: Int
    let number: Int
    let kind: Kind
    /// SAP internal base unit: ST (piece), KG, M or L.
    let unit: String
    let plant: Int
    let materialGroup: String
    let germanText: String
    let englishText: String
    /// Standard price in cents per base unit.
    let priceCents: Int
    /// Planned delivery time (purchased parts) in days; 0 for made parts.
    let leadTimeDays: Int
    /// In-house production time in days; 0 for purchased parts.
    let inHouseDays: Int
    /// Gross weight in thousandths of `weightUnit`; 0 with no unit for bulk material.
    let grossWeightMilli: Int
    let weightUnit: String
    let createdOn: CalendarDay

    init(shape: PlantShape, index: Int) {
        var rng = SplitMix64(seed: shape.seed, stream: .part, index: index)
        self.index = index
        number = shape.materialNumber(index)
        plant = rng.below(shape.plantCount)
        createdOn = CalendarDay(year: 2015, month: 1, day: 1) + rng.below(3_650)
        let tag = " T\(index)"
        if shape.finished.contains(index) {
            kind = .finished
            unit = "ST"
            let noun = rng.pick(Vocabulary.finishedGoods)
            let size = rng.pick(Vocabulary.pumpSizes)
            germanText = noun.german + " " + size + tag
            englishText = noun.english + " " + size + tag
            materialGroup = "P100"
            priceCents = rng.between(20_000, 500_000)
            leadTimeDays = 0
            inHouseDays = rng.between(3, 10)
            grossWeightMilli = rng.between(8_000, 400_000)
            weightUnit = "KG"
        } else if index < shape.raw.lowerBound {
            kind = .assembly
            unit = "ST"
            let noun = rng.pick(Vocabulary.assemblies)
            let frame = rng.pick(Vocabulary.frameSizes)
            germanText = noun.german + " BG " + frame + tag
            englishText = noun.english + " frame " + frame + tag
            let level = shape.cycleAssemblies.contains(index) ? 9 : shape.level(ofAssembly: index)
            materialGroup = "H\(level)00"
            priceCents = rng.between(1_000, 200_000)
            leadTimeDays = 0
            inHouseDays = rng.between(1, 8)
            grossWeightMilli = rng.between(200, 60_000)
            weightUnit = "KG"
        } else {
            kind = .raw
            unit = PartFacts.rawUnit(roll: rng.below(100))
            let family: [Vocabulary.Noun]
            switch unit {
            case "ST": family = Vocabulary.pieceParts
            case "KG": family = Vocabulary.bulkByWeight
            case "M": family = Vocabulary.bulkByLength
            default: family = Vocabulary.bulkByVolume
            }
            let nounIndex = rng.below(family.count)
            let noun = family[nounIndex]
            let spec = rng.pick(noun.specs)
            materialGroup = "R\(unit)\(nounIndex < 10 ? "0" : "")\(nounIndex)"
            if let _ = shape.nearDuplicateIndex(of: index) {
                // Same description as the part before it, modulo case and spaces.
                let original = PartFacts(shape: shape, index: index - 1)
                germanText = original.germanText.uppercased().replacingOccurrences(of: " ", with: "  ")
                englishText = original.englishText.uppercased().replacingOccurrences(of: " ", with: "  ")
            } else {
                germanText = noun.german + " " + spec + tag
                englishText = noun.english + " " + spec + tag
            }
            switch unit {
            case "ST": priceCents = 2 + rng.skewed(20_000)
            case "KG": priceCents = rng.between(300, 3_000)
            case "M": priceCents = rng.between(50, 5_000)
            default: priceCents = rng.between(200, 2_000)
            }
            leadTimeDays = rng.pick([3, 5, 5, 10, 10, 14, 20, 30, 42, 56])
            inHouseDays = 0
            if unit == "ST" {
                grossWeightMilli = rng.between(1_000, 5_000_000)
                weightUnit = "G"
            } else {
                grossWeightMilli = 0
                weightUnit = ""
            }
        }
    }

    /// The base unit of a part without building its descriptions (BOM items need only this).
    /// Mirrors the first draws of `init`: plant, creation date, then the raw part's unit roll.
    static func unit(shape: PlantShape, index: Int) -> String {
        guard shape.raw.contains(index) else { return "ST" }
        var rng = SplitMix64(seed: shape.seed, stream: .part, index: index)
        _ = rng.next()
        _ = rng.next()
        return rawUnit(roll: rng.below(100))
    }

    /// 80 % pieces, 10 % kilograms, 6 % metres, 4 % litres.
    private static func rawUnit(roll: Int) -> String {
        switch roll {
        case 0..<80: "ST"
        case 80..<90: "KG"
        case 90..<96: "M"
        default: "L"
        }
    }

    /// The base unit as the mappings store it (the `units` table maps ST to PC).
    var mappedUnit: String { unit == "ST" ? "PC" : unit }
}
