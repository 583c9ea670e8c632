/// What every sheet of one workbook shares: options, the style table and the
/// shared strings of streaming sheets.
final class WorkbookContext {
    let options: WriterOptions
    let styles = StylesPart()
    /// Strings of streaming sheets (interned as rows come). In-memory sheets intern into
    /// a copy at write time, so writing twice gives the same bytes.
    var strings = SharedStringsPart()
    private var dateStyles: [ExcelDate.Kind: Int] = [:]

    init(options: WriterOptions) {
        self.options = options
    }

    /// The `s` index for a value written with `style`: dates without a number format get
    /// the workbook's date format for their kind.
    @inline(__always)
    func styleIndex(_ style: CellStyle?, for value: CellValue) -> Int {
        if case .date(let d) = value, style?.numberFormat == nil {
            if style == nil, let i = dateStyles[d.kind] { return i }
            var s = style ?? CellStyle()
            s.numberFormat = dateFormat(d.kind)
            let i = styles.index(for: s)
            if style == nil { dateStyles[d.kind] = i }
            return i
        }
        guard let style else { return 0 }
        return styles.index(for: style)
    }

    func dateFormat(_ kind: ExcelDate.Kind) -> String {
        switch kind {
        case .date: return options.dateFormat
        case .dateTime: return options.dateTimeFormat
        case .time: return options.timeFormat
        case .duration: return options.durationFormat
        }
    }
}
