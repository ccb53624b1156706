package report

import "fmt"

// The PDF's verdicts and grades (see grades.go).

// Colours of verdicts by their place on the scale, as RGB.
var pdfVerdict = map[string][3]int{
	"vd-low":  {159, 18, 57},
	"vd-mid":  {87, 83, 78},
	"vd-high": {22, 101, 52},
}

var pdfGradeFill = [3]int{231, 227, 218}

// grade writes a grade's code on a grey chip at indent, then its words.
func (p *pdfWriter) grade(indent float64, code, words string) {
	f := p.f
	p.ensure(5)
	y := f.GetY()
	p.font(true, 7.5, pdfInk)
	w := f.GetStringWidth(code) + 2
	f.SetFillColor(pdfGradeFill[0], pdfGradeFill[1], pdfGradeFill[2])
	f.RoundedRect(p.left+indent, y+0.4, w, 3.6, 0.6, "1234", "F")
	f.SetXY(p.left+indent, y+0.4)
	f.CellFormat(w, 3.6, code, "", 0, "C", false, 0, "")
	x := p.left + indent + w + 1.8
	p.font(false, 8, pdfMuted)
	f.SetXY(x, y)
	f.MultiCell(p.left+p.width-x, 4.4, words, "", "L", false)
}

// verdict writes a claim's verdict in a box under its statement: the
// label on the scale's colour, its value and date, then its note; or, on a
// board with verdicts, that the claim has none yet.
func (p *pdfWriter) verdict(v *view, c *claimView) {
	f := p.f
	vd := c.Verdict
	if vd == nil {
		if v.NVerdicts > 0 {
			f.Ln(1)
			p.text(0, "No verdict yet.", false, 8.5, 4.4, pdfMuted)
		}
		return
	}
	col, ok := pdfVerdict[vd.Class]
	if !ok {
		col = pdfVerdict["vd-mid"]
	}
	f.Ln(1.5)
	p.ensure(14)
	y0, page0 := f.GetY(), f.PageNo()
	const in = 4
	head := "VERDICT: " + p.s(vd.Label)
	rest := ""
	if vd.OnScale {
		rest = fmt.Sprintf("· %d on a scale of %s", vd.Value, p.s(v.ScaleRange()))
	}
	if vd.When != "" {
		if rest != "" {
			rest += " · "
		}
		rest += vd.When
	}
	f.SetY(y0 + 1)
	p.lead(in, 4.4, head, 8.5, col, rest, 8, pdfMuted)
	if vd.Note != "" {
		p.text(in, p.s(vd.Note), false, 9, 4.5, pdfInk)
	}
	f.Ln(1)
	p.bar(p.left+1, y0+0.5, page0, col)
	f.Ln(1)
}

// judgingLegend writes, under the status legend, the verdicts on the
// scale with their counts and the meanings of the grades, where the board
// uses them.
func (p *pdfWriter) judgingLegend(v *view) {
	f := p.f
	if v.NVerdicts > 0 || v.OwnScale {
		f.Ln(5)
		p.ensure(20 + 7*float64(len(v.Verdicts)))
		p.text(0, "VERDICTS", true, 9, 5, pdfInk)
		p.text(0, "The status says where a claim stands on the record; the verdict is the fact-checker's own rating of it, on "+v.ScaleName()+", worst first: "+p.s(v.ScaleRange())+".", false, 9, 4.6, pdfMuted)
		f.Ln(1.5)
		row := func(label string, color [3]int, value string, n int) {
			y := f.GetY()
			p.font(true, 9.5, color)
			f.SetXY(p.left, y)
			f.MultiCell(p.width-50, 5.2, label, "", "L", false)
			y2 := f.GetY()
			p.font(false, 9.5, pdfMuted)
			f.SetXY(p.left+p.width-45, y)
			f.CellFormat(20, 5.2, value, "", 0, "R", false, 0, "")
			p.font(true, 10, pdfInk)
			f.CellFormat(25, 5.2, fmt.Sprint(n), "", 0, "R", false, 0, "")
			f.SetY(y2 + 0.8)
			p.rule(0.2)
			f.Ln(0.8)
		}
		for _, s := range v.Verdicts {
			row(p.s(s.Label), pdfVerdict[s.Class], fmt.Sprint(s.Value), s.N)
		}
		row("No verdict yet", pdfMuted, "", v.NoVerdict())
	}
	if v.HasGrades {
		f.Ln(5)
		p.ensure(50)
		p.text(0, "GRADES", true, 9, 5, pdfInk)
		p.text(0, gradesNote, false, 9, 4.6, pdfMuted)
		f.Ln(2)
		y := f.GetY()
		colW := (p.width - 6) / 2
		write := func(x float64, title string, rows []gradeLegendRow) float64 {
			f.SetXY(x, y)
			p.font(true, 7.5, pdfMuted)
			f.CellFormat(colW, 4.5, title, "", 2, "L", false, 0, "")
			for _, r := range rows {
				yy := f.GetY()
				p.font(true, 7.5, pdfInk)
				f.SetFillColor(pdfGradeFill[0], pdfGradeFill[1], pdfGradeFill[2])
				f.RoundedRect(x, yy+0.5, 4.2, 3.6, 0.6, "1234", "F")
				f.SetXY(x, yy+0.5)
				f.CellFormat(4.2, 3.6, r.Grade, "", 0, "C", false, 0, "")
				p.font(false, 8.5, pdfInk)
				f.SetXY(x+6, yy)
				f.CellFormat(colW-6, 4.6, r.Meaning, "", 2, "L", false, 0, "")
			}
			return f.GetY()
		}
		y1 := write(p.left, "RELIABILITY OF A PARTY OR SOURCE", reliabilityLegend)
		y2 := write(p.left+colW+6, "CREDIBILITY OF A QUOTE", credibilityLegend)
		f.SetXY(p.left, max(y1, y2))
	}
}
