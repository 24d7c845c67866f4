/// Words for generated material descriptions, German (MAKT SPRAS D) and English (E).
/// No part word contains ß, so upper-casing a part description changes only its case (near duplicates).
enum Vocabulary {
    struct Noun: Sendable {
        let german: String
        let english: String
        let specs: [String]
    }

    static let finishedGoods: [Noun] = [
        Noun(german: "Kreiselpumpe", english: "Centrifugal pump", specs: []),
        Noun(german: "Tauchpumpe", english: "Submersible pump", specs: []),
        Noun(german: "Dosierpumpe", english: "Metering pump", specs: []),
        Noun(german: "Blockpumpe", english: "Close-coupled pump", specs: []),
        Noun(german: "Inlinepumpe", english: "Inline pump", specs: []),
        Noun(german: "Hochdruckpumpe", english: "High-pressure pump", specs: []),
        Noun(german: "Umwälzpumpe", english: "Circulation pump", specs: []),
        Noun(german: "Hauswasserwerk", english: "Domestic water unit", specs: []),
    ]

    static let pumpSizes = ["32/125", "32/160", "40/160", "50/160", "65/160", "65/200", "80/200", "100/250"]

    static let assemblies: [Noun] = [
        Noun(german: "Motoreinheit", english: "Motor unit", specs: []),
        Noun(german: "Hydraulikeinheit", english: "Hydraulic unit", specs: []),
        Noun(german: "Laufradbaugruppe", english: "Impeller assembly", specs: []),
        Noun(german: "Lagereinheit", english: "Bearing unit", specs: []),
        Noun(german: "Wellenbaugruppe", english: "Shaft assembly", specs: []),
        Noun(german: "Klemmenkasten kompl.", english: "Terminal box", specs: []),
        Noun(german: "Lüfterbaugruppe", english: "Fan assembly", specs: []),
        Noun(german: "Gleitringdichtung", english: "Mechanical seal", specs: []),
        Noun(german: "Stator kompl.", english: "Stator", specs: []),
        Noun(german: "Rotor kompl.", english: "Rotor", specs: []),
        Noun(german: "Ventilblock", english: "Valve block", specs: []),
        Noun(german: "Dosierkopf", english: "Dosing head", specs: []),
        Noun(german: "Steuerungseinheit", english: "Control unit", specs: []),
        Noun(german: "Kabelbaum", english: "Cable harness", specs: []),
        Noun(german: "Grundplatte gefügt", english: "Base plate", specs: []),
    ]

    static let frameSizes = ["71", "80", "90", "100", "112", "132", "160"]

    static let pieceParts: [Noun] = [
        Noun(german: "Sechskantschraube", english: "Hex screw", specs: ["M5x12", "M6x16", "M8x25", "M10x30", "M12x40", "M16x50"]),
        Noun(german: "Sechskantmutter", english: "Hex nut", specs: ["M6", "M8", "M10", "M12", "M16"]),
        Noun(german: "Scheibe", english: "Washer", specs: ["6,4", "8,4", "10,5", "13", "17"]),
        Noun(german: "O-Ring", english: "O-ring", specs: ["20x2", "25x2,5", "35x3", "50x3", "80x4"]),
        Noun(german: "Rillenkugellager", english: "Ball bearing", specs: ["6202", "6204", "6205", "6306", "6308"]),
        Noun(german: "Passfeder", english: "Parallel key", specs: ["5x5x20", "6x6x25", "8x7x40"]),
        Noun(german: "Sicherungsring", english: "Retaining ring", specs: ["15", "20", "25", "30"]),
        Noun(german: "Flachdichtung", english: "Flat gasket", specs: ["DN25", "DN40", "DN50", "DN80"]),
        Noun(german: "Spiralgehäuse", english: "Volute casing", specs: ["32", "40", "50", "65", "80"]),
        Noun(german: "Gehäusedeckel", english: "Casing cover", specs: ["32", "40", "50", "65", "80"]),
        Noun(german: "Lüfterrad", english: "Fan wheel", specs: ["BG 80", "BG 90", "BG 100"]),
        Noun(german: "Typenschild", english: "Rating plate", specs: ["Pumpe", "Motor"]),
        Noun(german: "Kabelverschraubung", english: "Cable gland", specs: ["M16", "M20", "M25"]),
        Noun(german: "Manometer", english: "Pressure gauge", specs: ["0-6 bar", "0-10 bar"]),
        Noun(german: "Druckschalter", english: "Pressure switch", specs: ["1,4-2,8 bar", "2-4 bar"]),
        Noun(german: "Laufrad-Rohguss", english: "Impeller casting", specs: ["32", "40", "50", "65"]),
        Noun(german: "Lagerschild", english: "End shield", specs: ["A BG 80", "B BG 90"]),
        Noun(german: "Motorgehäuse AL", english: "Motor housing AL", specs: ["BG 80", "BG 90", "BG 132"]),
        Noun(german: "Klemmbrett", english: "Terminal board", specs: ["6-polig"]),
        Noun(german: "Membran PTFE", english: "Diaphragm PTFE", specs: ["DN10", "DN20"]),
        Noun(german: "Schlauchtülle", english: "Hose nozzle", specs: ["1/2\"", "3/4\"", "1\""]),
    ]

    static let bulkByWeight: [Noun] = [
        Noun(german: "Lack RAL 5015", english: "Paint RAL 5015", specs: ["nass", "Pulver"]),
        Noun(german: "Lagerfett", english: "Bearing grease", specs: ["NLGI 2", "NLGI 3"]),
        Noun(german: "Kupferlackdraht", english: "Copper wire", specs: ["0,8 mm", "1,0 mm", "1,25 mm"]),
        Noun(german: "Imprägnierharz", english: "Impregnating resin", specs: ["Kl. F", "Kl. H"]),
        Noun(german: "Lötzinn", english: "Solder", specs: ["Sn60", "Sn99"]),
    ]

    static let bulkByLength: [Noun] = [
        Noun(german: "Flachstahl S235", english: "Flat steel S235", specs: ["80x8", "100x10"]),
        Noun(german: "Rundstahl C45", english: "Round bar C45", specs: ["Ø40", "Ø55", "Ø80"]),
        Noun(german: "Kabel H07RN-F", english: "Cable H07RN-F", specs: ["3G1,5", "4G2,5"]),
        Noun(german: "Nutisolation", english: "Slot insulation", specs: ["0,25 mm"]),
    ]

    static let bulkByVolume: [Noun] = [
        Noun(german: "Hydrauliköl", english: "Hydraulic oil", specs: ["HLP 46", "HLP 68"]),
        Noun(german: "Kühlschmierstoff", english: "Coolant", specs: ["5 %", "8 %"]),
        Noun(german: "Reiniger", english: "Cleaner", specs: ["alkalisch", "neutral"]),
    ]

    static let cities = ["Hamburg", "Chemnitz", "Dortmund", "Augsburg", "Kassel", "Magdeburg", "Ulm", "Bielefeld",
                         "Erfurt", "Rostock", "Freiburg", "Würzburg", "Regensburg", "Koblenz", "Lübeck", "Jena"]

    static let supplierTrades = ["Gießerei", "Stahlhandel", "Dichtungstechnik", "Wälzlager-Vertrieb", "Elektrobau",
                                 "Kunststofftechnik", "Antriebstechnik", "Kartonagen", "Schraubenwerk", "Farbenwerk",
                                 "Drahtwerk", "Präzisionsteile"]
    static let supplierNames = ["Brandt", "Krüger", "Weber", "Roth", "Müller", "Hofmann", "Lindner", "Feldmann",
                                "Vogel", "Yilmaz", "Petersen", "Schäfer", "Becker", "Neumann", "Köhler", "Bassi"]
    static let legalForms = ["GmbH", "KG", "AG", "GmbH & Co. KG", "e.K."]

    /// (work centre code, description, operation texts) per work centre kind; codes repeat in every plant.
    static let workCentres: [(code: String, text: String, operations: [String])] = [
        ("MONT1", "Montage Linie 1", ["Montieren", "Endmontage", "Vormontage"]),
        ("MONT2", "Montage Linie 2", ["Montieren", "Baugruppe fügen"]),
        ("PRUEF", "Prüffeld", ["Prüflauf, Protokoll", "Dichtheitsprüfung", "Stückprüfung"]),
        ("CNC1", "CNC-Drehzentrum", ["Drehen", "Drehen, entgraten"]),
        ("CNC2", "CNC-Fräszentrum", ["Fräsen", "Bohren, Gewinde schneiden"]),
        ("SCHW", "Schweißerei", ["Schweißen", "Heften, schweißen"]),
        ("LACK", "Lackieranlage", ["Lackieren", "Grundieren, lackieren"]),
        ("WICK", "Wickelei", ["Wickeln, einziehen"]),
        ("IMPR", "Imprägnieranlage", ["Imprägnieren, aushärten"]),
        ("WUCHT", "Auswuchtmaschine", ["Auswuchten G2,5"]),
        ("PACK", "Verpackung", ["Verpacken", "Kommissionieren, verpacken"]),
        ("SAEGE", "Säge", ["Ablängen"]),
    ]
}
