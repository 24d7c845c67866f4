import Foundation
import Testing
import TestSupport

/// Exports as real systems write them, through the `loom` binary: an AdventureWorks-style install
/// file (UTF-16LE with BOM, `+|` between fields, `&|` + newline after each row, no header) and a
/// Windows-1252 report with leading lines to skip, `NULL` tokens and fixed-width padding.
@Suite struct ExportDialectCLITests {
    func utf16LE(_ text: String) -> Data {
        var data = Data([0xFF, 0xFE])
        for unit in text.utf16 { data.append(UInt8(unit & 0xFF)); data.append(UInt8(unit >> 8)) }
        return data
    }

    @Test func adventureWorksAndWindows1252ExportsImport() throws {
        let dir = try Fixtures.temporaryDirectory("dialects")
        try utf16LE("1+|HL Road Frame - Black, 58+|FR-R92B-58+|1431.50&|\n2+|Sport-100 Helmet, Red+|HL-U509-R+|34.99&|\n3+|Mountain \"Pro\"\nmulti-line+|BK-M82S-38+|NULL&|\n")
            .write(to: dir.appendingPathComponent("Product.csv"))
        var latin = Data("Report generated 2025-03-01\n\nSTOCK;PART;UNIT;QTY\n".utf8)
        latin.append(contentsOf: Array("W1;FR-R92B-58;EA  ;12,5\nW1;HL-U509-R;PC  ;NULL\nW2;BK-M82S-38;EA  ;3\n".utf8))
        latin.append(contentsOf: [0x57, 0x33, 0x3B]) // "W3;" then "Größe €" in Windows-1252
        latin.append(contentsOf: [0x47, 0x72, 0xF6, 0xDF, 0x65, 0x20, 0x80])
        latin.append(contentsOf: Array(";EA;1\n".utf8))
        try latin.write(to: dir.appendingPathComponent("stock.csv"))

        try Fixtures.write("""
            source:
              encoding: utf-16
              delimiter: "+|"
              row-terminator: "&|\\n"
              quote: none
              header: false
              columns: [ProductID, Name, ProductNumber, ListPrice]
              null-values: [NULL]
            nodes:
              - label: Product
                key: [number]
                properties:
                  number: ProductNumber
                  id: { column: ProductID, type: integer }
                  name: Name
                  listPrice: { column: ListPrice, type: decimal }
            """, to: dir.appendingPathComponent("product.yaml"))
        try Fixtures.write("""
            source:
              encoding: windows-1252
              delimiter: ";"
              skip-lines: 2
              trim: true
              null-values: ["", NULL]
              decimal-comma: true
            edges:
              - type: STOCKED_AT
                from: { label: Product, key: PART }
                to: { label: Warehouse, key: STOCK }
                properties:
                  unit: UNIT
                  quantity: { column: QTY, type: decimal }
            nodes:
              - label: Warehouse
                key: [code]
                properties:
                  code: STOCK
            """, to: dir.appendingPathComponent("stock.yaml"))
        try Fixtures.write("""
            database: shop.sqlite
            sources:
              - { path: Product.csv, mapping: product.yaml }
              - { path: stock.csv, mapping: stock.yaml }
            """, to: dir.appendingPathComponent("loom.yaml"))

        let project = dir.appendingPathComponent("loom.yaml").path
        let result = try LoomProcess.run(["import", project, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let sources = try #require(json["sources"] as? [[String: Any]])
        #expect(sources.map { $0["rowsRead"] as? Int } == [3, 4])
        #expect(json["rejects"] as? Int == 0)
        #expect(json["dangling"] as? Int == 1)

        let frame = try LoomProcess.run(["provenance", project, "--label", "Product", "--key", "FR-R92B-58"])
        #expect(frame.stdout.contains("HL Road Frame - Black, 58"))
        #expect(frame.stdout.contains("1431.50"))
        #expect(frame.stdout.contains("Product.csv:1 (run 1"))
        let bike = try LoomProcess.run(["provenance", project, "--label", "Product", "--key", "BK-M82S-38"])
        #expect(bike.stdout.contains("Mountain \"Pro\"\nmulti-line"))
        #expect(bike.stdout.contains("Product.csv:3 (run 1"))
        let listPrice = bike.stdout.split(separator: "\n").first { $0.contains("listPrice") }
        #expect(listPrice?.split(separator: " ").map(String.init) == ["listPrice", "null"])

        let dangling = try LoomProcess.run(["dangling", project])
        #expect(dangling.stdout.contains("stock.csv:7: STOCKED_AT Größe € → W3: (:Product Größe €) does not exist"))
        let warehouse = try LoomProcess.run(["provenance", project, "--label", "Warehouse", "--key", "W2"])
        #expect(warehouse.stdout.contains("stock.csv:6 (run 1"))
    }
}
