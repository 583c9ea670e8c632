/// How a cell looks: font, fill, border, alignment, number format and protection.
///
/// Styles are values; the workbook deduplicates them into one table (`xl/styles.xml`),
/// so build them freely. `CellStyle()` is Excel's default look (index 0).
public struct CellStyle: Hashable, Sendable {
    /// The font (default Calibri 11, black).
    public var font: Font
    /// A solid background, or none.
    public var fill: Fill?
    /// Lines around the cell, or none.
    public var border: Border?
    /// Horizontal/vertical alignment, wrap, indent, shrink; nil is Excel's default.
    public var alignment: Alignment?
    /// A format code such as `#,##0`, `0.00%` or `dd/mm/yyyy`; built-in ids are used when
    /// the code is one of Excel's built-ins. Nil is General (dates get the workbook's
    /// date format).
    public var numberFormat: String?
    /// Locked cells cannot be edited when the sheet is protected (Excel's default: true).
    public var locked: Bool
    /// Hidden cells hide their formula when the sheet is protected.
    public var hidden: Bool

    public init(
        font: Font = Font(), fill: Fill? = nil, border: Border? = nil, alignment: Alignment? = nil,
        numberFormat: String? = nil, locked: Bool = true, hidden: Bool = false
    ) {
        self.font = font
        self.fill = fill
        self.border = border
        self.alignment = alignment
        self.numberFormat = numberFormat
        self.locked = locked
        self.hidden = hidden
    }

    /// Excel's default style.
    public static let `default` = CellStyle()
}

/// A font. Colours are ARGB hex (`FF1F4E79`); six-digit RGB gets `FF` in front.
public struct Font: Hashable, Sendable {
    public var name: String
    public var size: Double
    public var bold: Bool
    public var italic: Bool
    public var underline: Bool
    public var strike: Bool
    /// ARGB hex, or nil for automatic (black).
    public var color: String?

    public init(
        name: String = "Calibri", size: Double = 11, bold: Bool = false, italic: Bool = false,
        underline: Bool = false, strike: Bool = false, color: String? = nil
    ) {
        self.name = name
        self.size = size
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.strike = strike
        self.color = color.map(Font.argb)
    }

    /// `1F4E79` -> `FF1F4E79`; eight digits kept; uppercased.
    static func argb(_ hex: String) -> String {
        var h = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        h = h.uppercased()
        return h.utf8.count == 6 ? "FF" + h : h
    }
}

/// A solid background colour (ARGB hex, or six-digit RGB).
public struct Fill: Hashable, Sendable {
    public var color: String

    public init(_ color: String) { self.color = Font.argb(color) }
    public init(color: String) { self.init(color) }
}

/// Lines on the sides of a cell.
public struct Border: Hashable, Sendable {
    /// Excel's line styles.
    public enum Style: String, Hashable, Sendable {
        case thin, medium, thick, dashed, dotted, double, hair
        case mediumDashed, dashDot, mediumDashDot, dashDotDot, mediumDashDotDot, slantDashDot
    }
    /// One side: a line style and an optional ARGB colour (nil: automatic).
    public struct Side: Hashable, Sendable {
        public var style: Style
        public var color: String?
        public init(_ style: Style, color: String? = nil) {
            self.style = style
            self.color = color.map(Font.argb)
        }
    }
    public var left: Side?
    public var right: Side?
    public var top: Side?
    public var bottom: Side?

    public init(left: Side? = nil, right: Side? = nil, top: Side? = nil, bottom: Side? = nil) {
        self.left = left
        self.right = right
        self.top = top
        self.bottom = bottom
    }

    /// The same line on all four sides.
    public static func all(_ style: Style, color: String? = nil) -> Border {
        let s = Side(style, color: color)
        return Border(left: s, right: s, top: s, bottom: s)
    }
}

/// Text placement in a cell.
public struct Alignment: Hashable, Sendable {
    public enum Horizontal: String, Hashable, Sendable {
        case general, left, center, right, fill, justify, centerContinuous, distributed
    }
    public enum Vertical: String, Hashable, Sendable {
        case top, center, bottom, justify, distributed
    }
    public var horizontal: Horizontal?
    public var vertical: Vertical?
    /// Wrap text onto several lines.
    public var wrap: Bool
    /// Indent level (each about three spaces), 0–250.
    public var indent: Int
    /// Shrink text to fit the column.
    public var shrink: Bool
    /// Text rotation in degrees (0–180, or 255 for vertical text).
    public var rotation: Int

    public init(
        horizontal: Horizontal? = nil, vertical: Vertical? = nil, wrap: Bool = false, indent: Int = 0,
        shrink: Bool = false, rotation: Int = 0
    ) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.wrap = wrap
        self.indent = indent
        self.shrink = shrink
        self.rotation = rotation
    }
}
