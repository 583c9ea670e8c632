import XLSX

extension ProvincialWorkbook {
    /// The house look of the provincial workbook: Times New Roman (the administrative
    /// documents' font), bordered tables, shaded headers and total rows.
    enum Styles {
        static let fontName = "Times New Roman"
        static let thin = Border.all(.thin, color: "808080")
        static let headerFill = Fill("DDEBF7")
        static let totalFill = Fill("F2F2F2")
        static let missingFill = Fill("FFF2CC")
        static let rejectedFill = Fill("FCE4D6")

        static let integer = "#,##0"
        static let decimal = "#,##0.00"
        static let percent = "0.00%"
        static let change = "+#,##0;-#,##0;0"
        static let decimalChange = "+#,##0.00;-#,##0.00;0.00"
        static let points = "+0.00\" điểm %\";-0.00\" điểm %\";0.00\" điểm %\""
        static let date = "dd/mm/yyyy"

        static let title = CellStyle(
            font: Font(name: fontName, size: 14, bold: true),
            alignment: Alignment(horizontal: .center, vertical: .center, wrap: true))
        static let subtitle = CellStyle(
            font: Font(name: fontName, size: 11, italic: true),
            alignment: Alignment(horizontal: .center, vertical: .center, wrap: true))
        static let header = CellStyle(
            font: Font(name: fontName, size: 11, bold: true), fill: headerFill, border: thin,
            alignment: Alignment(horizontal: .center, vertical: .center, wrap: true))
        static let text = CellStyle(
            font: Font(name: fontName, size: 11), border: thin, alignment: Alignment(vertical: .center, wrap: false))
        static let wrapped = CellStyle(
            font: Font(name: fontName, size: 11), border: thin, alignment: Alignment(vertical: .center, wrap: true))
        static let centered = CellStyle(
            font: Font(name: fontName, size: 11), border: thin,
            alignment: Alignment(horizontal: .center, vertical: .center))
        static let wrappedCentered = CellStyle(
            font: Font(name: fontName, size: 11), border: thin,
            alignment: Alignment(horizontal: .center, vertical: .center, wrap: true))
        static let heading = CellStyle(
            font: Font(name: fontName, size: 11, bold: true), fill: totalFill, border: thin,
            alignment: Alignment(vertical: .center))

        static func number(_ format: String, bold: Bool = false, fill: Fill? = nil) -> CellStyle {
            CellStyle(
                font: Font(name: fontName, size: 11, bold: bold), fill: fill, border: thin,
                alignment: Alignment(vertical: .center), numberFormat: format)
        }
        static func total(_ format: String?) -> CellStyle {
            CellStyle(
                font: Font(name: fontName, size: 11, bold: true), fill: totalFill, border: thin,
                alignment: Alignment(vertical: .center), numberFormat: format)
        }
        static let totalLabel = CellStyle(
            font: Font(name: fontName, size: 11, bold: true), fill: totalFill, border: thin,
            alignment: Alignment(horizontal: .center, vertical: .center))
        static func status(_ s: UnitStatus) -> CellStyle {
            var st = CellStyle(
                font: Font(name: fontName, size: 11, italic: !s.isCounted), border: thin,
                alignment: Alignment(horizontal: .center, vertical: .center))
            if s == .missing { st.fill = missingFill }
            if s == .rejected { st.fill = rejectedFill }
            return st
        }
        static func severity(_ s: Severity) -> CellStyle {
            var st = centered
            st.font.bold = s == .error
            if s == .error { st.fill = rejectedFill }
            if s == .warning { st.fill = missingFill }
            return st
        }
    }
}
