/// The column lists of the generated SAP table extracts: the same as the bundled sample
/// plant's files (datasets/sample-plant/erp), so `mappings/sap` imports both.
enum SAPColumns {
    static let t001w = ["MANDT", "WERKS", "NAME1", "BWKEY", "STRAS", "PSTLZ", "ORT01", "LAND1", "REGIO", "SPRAS"]
    static let mara = ["MANDT", "MATNR", "ERSDA", "ERNAM", "LAEDA", "LVORM", "MTART", "MBRSH", "MATKL", "BISMT",
                       "MEINS", "BSTME", "BRGEW", "NTGEW", "GEWEI", "MSTAE"]
    static let makt = ["MANDT", "MATNR", "SPRAS", "MAKTX", "MAKTG"]
    static let marc = ["MANDT", "MATNR", "WERKS", "LVORM", "DISMM", "DISPO", "DISLS", "BESKZ", "SOBSL", "PLIFZ",
                       "DZEIT", "WEBAZ", "EISBE", "EKGRP"]
    static let mbew = ["MANDT", "MATNR", "BWKEY", "BWTAR", "LBKUM", "SALK3", "VPRSV", "VERPR", "STPRS", "PEINH", "BKLAS"]
    static let stko = ["MANDT", "MATNR", "WERKS", "STLAN", "STLNR", "STLAL", "STLTY", "BMENG", "BMEIN", "STLST",
                       "DATUV", "ANDAT"]
    static let stpo = ["MANDT", "MATNR", "WERKS", "STLAN", "STLNR", "STLAL", "STLTY", "STLKN", "STPOZ", "DATUV", "DATUB",
                       "POSNR", "POSTP", "IDNRK", "MENGE", "MEINS", "AUSCH", "POTX1"]
    static let crhd = ["MANDT", "OBJTY", "OBJID", "ARBPL", "WERKS", "VERWE", "VERAN", "KTEXT"]
    static let plko = ["MANDT", "PLNTY", "PLNNR", "PLNAL", "MATNR", "WERKS", "DATUV", "VERWE", "STATU", "LOSVN", "LOSBS",
                       "PLNME", "KTEXT"]
    static let plpo = ["MANDT", "PLNTY", "PLNNR", "PLNAL", "PLNKN", "VORNR", "WERKS", "ARBPL", "STEUS", "LTXA1", "BMSCH",
                       "MEINH", "VGE01", "VGW01", "VGE02", "VGW02", "VGE03", "VGW03"]
    static let lfa1 = ["MANDT", "LIFNR", "LAND1", "NAME1", "ORT01", "PSTLZ", "STRAS", "SPRAS", "KTOKK", "LOEVM", "SPERR"]
    static let einaEine = ["INFNR", "MATNR", "LIFNR", "LOEKZ", "IDNLF", "MEINS", "URZLA", "EKORG", "ESOKZ", "WERKS",
                           "APLFZ", "NORBM", "MINBM", "NETPR", "PEINH", "WAERS", "EKGRP"]
    static let ekko = ["MANDT", "EBELN", "BUKRS", "BSTYP", "BSART", "LOEKZ", "AEDAT", "ERNAM", "LIFNR", "EKORG", "EKGRP",
                       "WAERS", "BEDAT"]
    static let ekpo = ["MANDT", "EBELN", "EBELP", "LOEKZ", "TXZ01", "MATNR", "WERKS", "LGORT", "MATKL", "MENGE", "MEINS",
                       "NETPR", "PEINH", "NETWR", "ELIKZ", "EREKZ", "PSTYP"]
    static let eket = ["MANDT", "EBELN", "EBELP", "ETENR", "EINDT", "SLFDT", "MENGE", "WEMNG", "BEDAT"]
    static let afko = ["MANDT", "AUFNR", "GSTRP", "GLTRP", "GETRI", "PLNBEZ", "PLNTY", "PLNNR", "PLNAL", "GAMNG", "GMEIN",
                       "DISPO"]
    static let afpo = ["MANDT", "AUFNR", "POSNR", "MATNR", "PSMNG", "WEMNG", "MEINS", "DWERK", "DAUAT", "LTRMI", "ELIKZ"]
}
