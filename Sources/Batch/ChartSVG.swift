import Reporting

/// Draws a `ChartFigure` as inline SVG for the run report: the same picture as the
/// provincial workbook's native chart (bars with a target line, stacked bars, horizontal
/// bars), in the page's own fonts, no script. Deterministic: numbers are rounded to one
/// decimal, so the same figures give the same bytes.
struct ChartSVG {
    let figure: ChartFigure
    let lang: Language

    static let width = 760.0
    static let colours = ["#2e75b6", "#c00000", "#70ad47", "#ed7d31"]
    static let stackedColours = ["#2e75b6", "#f4b183"]
    static let targetColour = "#c00000"

    /// The `<svg>` element (role `img`, titled).
    func render() -> String {
        switch figure.kind {
        case .barsWithTarget, .stacked: return vertical()
        case .horizontal: return horizontal()
        }
    }

    // MARK: - layouts

    private func vertical() -> String {
        let stacked = figure.kind == .stacked
        let n = max(figure.categories.count, 1)
        let left = 56.0, right = 16.0, top = 44.0
        let labelLines = figure.categories.map { wrap($0[lang], width: 9).count }.max() ?? 1
        let plotHeight = 240.0
        let bottom = top + plotHeight
        let legendY = bottom + 16 + Double(labelLines) * 13 + 18
        let height = legendY + 22
        let plotWidth = Self.width - left - right
        let bars = figure.series.filter { !$0.line }
        let totals = (0..<figure.categories.count).map { i -> Double in
            stacked ? bars.reduce(0) { $0 + ($1.values[i] ?? 0) } : figure.series.compactMap { $0.values[i] }.max() ?? 0
        }
        let maxValue = niceMaximum(max(totals.max() ?? 0, figure.series.filter(\.line).flatMap(\.values).compactMap { $0 }.max() ?? 0))
        func y(_ v: Double) -> Double { bottom - v / maxValue * plotHeight }

        var s = open(height: height)
        s += gridlines(maxValue: maxValue) { v in
            "<line x1=\"\(f(left))\" y1=\"\(f(y(v)))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(y(v)))\" class=\"grid\"/>"
                + "<text x=\"\(f(left - 6))\" y=\"\(f(y(v) + 4))\" text-anchor=\"end\" class=\"tick\">\(esc(number(v, axis: true)))</text>"
        }
        let slot = plotWidth / Double(n)
        let barWidth = stacked ? slot * 0.6 : slot * 0.7 / Double(max(bars.count, 1))
        for i in 0..<figure.categories.count {
            let x0 = left + slot * Double(i)
            var base = 0.0
            for (k, series) in bars.enumerated() {
                guard let v = series.values[i] else { continue }
                let colour = stacked ? Self.stackedColours[k % 2] : Self.colours[k % Self.colours.count]
                let x = stacked ? x0 + (slot - barWidth) / 2 : x0 + slot * 0.15 + barWidth * Double(k)
                let yTop = y(base + v), h = y(base) - y(base + v)
                s += "<rect x=\"\(f(x))\" y=\"\(f(yTop))\" width=\"\(f(barWidth))\" height=\"\(f(max(h, 0)))\" fill=\"\(colour)\">"
                s += "<title>\(esc(figure.categories[i][lang])): \(esc(series.name[lang])) \(esc(number(v)))</title></rect>"
                if stacked {
                    if h >= 13 {
                        s += "<text x=\"\(f(x + barWidth / 2))\" y=\"\(f(yTop + h / 2 + 4))\" text-anchor=\"middle\" class=\"in\">\(esc(number(v)))</text>"
                    }
                    base += v
                } else if h >= 18 {
                    // Inside the top of the bar, clear of the target line above it.
                    s += "<text x=\"\(f(x + barWidth / 2))\" y=\"\(f(yTop + 14))\" text-anchor=\"middle\" class=\"in\">\(esc(number(v)))</text>"
                } else {
                    s += "<text x=\"\(f(x + barWidth / 2))\" y=\"\(f(yTop - 4))\" text-anchor=\"middle\" class=\"val\">\(esc(number(v)))</text>"
                }
            }
            let lines = wrap(figure.categories[i][lang], width: 9)
            s += "<text x=\"\(f(x0 + slot / 2))\" y=\"\(f(bottom + 16))\" text-anchor=\"middle\" class=\"cat\">"
            for (j, line) in lines.enumerated() {
                s += "<tspan x=\"\(f(x0 + slot / 2))\" dy=\"\(j == 0 ? 0 : 13)\">\(esc(line))</tspan>"
            }
            s += "</text>"
        }
        for series in figure.series where series.line {
            let points = series.values.enumerated().compactMap { i, v in
                v.map { "\(f(left + slot * (Double(i) + 0.5))),\(f(y($0)))" }
            }
            s += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(Self.targetColour)\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
            for p in points {
                let xy = p.split(separator: ",")
                s += "<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"3.5\" fill=\"\(Self.targetColour)\"/>"
            }
        }
        s += "<line x1=\"\(f(left))\" y1=\"\(f(bottom))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(bottom))\" class=\"axis\"/>"
        s += legend(y: legendY, stacked: stacked)
        return s + "</svg>"
    }

    private func horizontal() -> String {
        let n = figure.categories.count
        let bars = figure.series.filter { !$0.line }
        let left = 250.0, right = 56.0, top = 44.0
        let group = 14.0 * Double(max(bars.count, 1)) + 12
        let plotHeight = group * Double(max(n, 1))
        let bottom = top + plotHeight
        let legendY = bottom + 36
        let height = legendY + 22
        let plotWidth = Self.width - left - right
        let maxValue = niceMaximum(bars.flatMap(\.values).compactMap { $0 }.max() ?? 0)
        func x(_ v: Double) -> Double { left + v / maxValue * plotWidth }

        var s = open(height: height)
        s += gridlines(maxValue: maxValue) { v in
            "<line x1=\"\(f(x(v)))\" y1=\"\(f(top))\" x2=\"\(f(x(v)))\" y2=\"\(f(bottom))\" class=\"grid\"/>"
                + "<text x=\"\(f(x(v)))\" y=\"\(f(bottom + 16))\" text-anchor=\"middle\" class=\"tick\">\(esc(number(v, axis: true)))</text>"
        }
        for i in 0..<n {
            let y0 = top + group * Double(i)
            let lines = wrap(figure.categories[i][lang], width: 40)
            let mid = y0 + group / 2 - Double(lines.count - 1) * 6.5 + 4
            s += "<text x=\"\(f(left - 8))\" y=\"\(f(mid))\" text-anchor=\"end\" class=\"cat\">"
            for (j, line) in lines.enumerated() {
                s += "<tspan x=\"\(f(left - 8))\" dy=\"\(j == 0 ? 0 : 13)\">\(esc(line))</tspan>"
            }
            s += "</text>"
            for (k, series) in bars.enumerated() {
                guard let v = series.values[i] else { continue }
                let y = y0 + 6 + 14 * Double(k)
                s += "<rect x=\"\(f(left))\" y=\"\(f(y))\" width=\"\(f(max(x(v) - left, 0)))\" height=\"12\" fill=\"\(Self.colours[k % Self.colours.count])\">"
                s += "<title>\(esc(figure.categories[i][lang])): \(esc(series.name[lang])) \(esc(number(v)))</title></rect>"
                s += "<text x=\"\(f(x(v) + 4))\" y=\"\(f(y + 10))\" class=\"val\">\(esc(number(v)))</text>"
            }
        }
        s += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(bottom))\" class=\"axis\"/>"
        s += legend(y: legendY, stacked: false)
        return s + "</svg>"
    }

    // MARK: - pieces

    private func open(height: Double) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 \(f(Self.width)) \(f(height))\" width=\"\(f(Self.width))\" height=\"\(f(height))\">"
            + "<title>\(esc(figure.title[lang]))</title>"
            + "<text x=\"\(f(Self.width / 2))\" y=\"22\" text-anchor=\"middle\" class=\"title\">\(esc(figure.title[lang]))</text>"
    }

    /// Lines at every 20% for percentages, at fifths of the axis otherwise.
    private func gridlines(maxValue: Double, _ line: (Double) -> String) -> String {
        let steps = figure.percent ? Int((maxValue / 0.2).rounded()) : 5
        return (0...steps).map { line(maxValue * Double($0) / Double(steps)) }.joined()
    }

    private func legend(y: Double, stacked: Bool) -> String {
        var s = ""
        let entries = figure.series.enumerated().map { k, series -> (String, String, Bool) in
            let colour = series.line ? Self.targetColour : (stacked ? Self.stackedColours[k % 2] : Self.colours[k % Self.colours.count])
            return (series.name[lang], colour, series.line)
        }
        // Entries side by side, centred, about 7 px a character.
        let widths = entries.map { 28 + Double($0.0.count) * 6.6 }
        var x = max(8, (Self.width - widths.reduce(0, +)) / 2)
        for (e, w) in zip(entries, widths) {
            if e.2 {
                s += "<line x1=\"\(f(x))\" y1=\"\(f(y - 4))\" x2=\"\(f(x + 18))\" y2=\"\(f(y - 4))\" stroke=\"\(e.1)\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
            } else {
                s += "<rect x=\"\(f(x + 3))\" y=\"\(f(y - 10))\" width=\"12\" height=\"12\" fill=\"\(e.1)\"/>"
            }
            s += "<text x=\"\(f(x + 22))\" y=\"\(f(y))\" class=\"legend\">\(esc(e.0))</text>"
            x += w
        }
        return s
    }

    /// A round upper end for the value axis: 1, 2, 2.5 or 5 times a power of ten, at or above `v`.
    private func niceMaximum(_ v: Double) -> Double {
        if figure.percent { return max(1.2, (v * 5).rounded(.up) / 5) }
        guard v > 0 else { return 1 }
        var p = 1.0
        while p * 10 <= v { p *= 10 }
        for m in [1.0, 2, 2.5, 5, 10] where m * p >= v * 1.05 { return m * p }
        return 10 * p
    }

    /// A value as the report shows it: `93,7%`, `1.873` (Vietnamese) or `93.7%`, `1,873`.
    private func number(_ v: Double, axis: Bool = false) -> String {
        let (decimal, group) = lang == .vi ? (",", ".") : (".", ",")
        if figure.percent {
            let tenths = Int((v * 1000).rounded())
            if axis || tenths % 10 == 0 { return "\(tenths / 10)%" }
            return "\(tenths / 10)\(decimal)\(abs(tenths % 10))%"
        }
        let n = Int(v.rounded())
        var digits = String(abs(n))
        var out = ""
        while digits.count > 3 {
            out = group + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return (n < 0 ? "-" : "") + digits + out
    }

    /// Words into lines of at most `width` characters (a longer word stays whole).
    private func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.isEmpty ? [""] : lines
    }

    /// A coordinate with at most one decimal.
    private func f(_ v: Double) -> String {
        let t = Int((v * 10).rounded())
        return t % 10 == 0 ? "\(t / 10)" : "\(t / 10).\(abs(t % 10))"
    }

    private func esc(_ s: String) -> String { HTMLEscaper().escapeText(s) }
}
