package report

import (
	"fmt"
	"strconv"
	"strings"
)

// The PDF's "Evidence matrix" section (see matrixSection).

// pdfMatrix are the colours of the matrix's cells, by value: the sign's and
// the background's.
var pdfMatrix = map[int][2][3]int{
	1:  {{21, 128, 61}, {232, 245, 236}},
	-1: {{185, 28, 28}, {251, 231, 231}},
	0:  {{85, 85, 85}, {255, 255, 255}},
}

func (p *pdfWriter) matrix(s *matrixSection) {
	f := p.f
	p.heading("Evidence matrix", false)
	p.text(0, p.s(s.Intro), false, 8.5, 4.3, pdfMuted)
	if len(s.Ranked) == 0 {
		f.Ln(2)
		p.text(0, "This board has no claims yet.", false, 10, 5, pdfMuted)
		return
	}
	p.matrixRanked(s)
	p.matrixThin(s)
	if len(s.Rows) == 0 || !s.Grid {
		p.subheading("THE QUOTES THAT TELL THE CLAIMS APART", pdfMuted)
	}
	if len(s.Rows) == 0 {
		p.text(0, "No quote is tied to a claim on this board yet.", false, 10, 5, pdfMuted)
		return
	}
	if s.Grid {
		p.matrixGrid(s)
		return
	}
	p.text(0, p.s(s.RowsNote()), false, 8, 4, pdfMuted)
	f.Ln(1.5)
	for i, r := range s.Rows {
		p.font(false, 8.5, pdfInk)
		text := p.s(p.quoteRef(r.Quote) + " (printed in full " + p.where(r.Quote) + ")")
		p.ensure(float64(len(f.SplitText(text, p.width-7)))*4.3 + 4 + float64(len(r.Ties))*3.8)
		y := f.GetY()
		p.font(true, 8.5, pdfInk)
		f.SetXY(p.left, y)
		f.CellFormat(6, 4.3, strconv.Itoa(i+1)+".", "", 0, "R", false, 0, "")
		p.text(7, text, false, 8.5, 4.3, pdfInk)
		p.text(7, p.s(fmt.Sprintf("%s · grade %s · weight %s · diagnosticity %s", r.Speaker, r.Grade, r.Weight, r.Diag)), false, 7, 3.6, pdfMuted)
		for _, t := range r.Ties {
			y := f.GetY()
			page := f.PageNo()
			col := pdfMatrix[t.Cell.Value][0]
			p.font(true, 8, col)
			f.SetXY(p.left+9, y)
			f.CellFormat(4, 3.8, t.Cell.Sign, "", 0, "C", false, 0, "")
			p.font(false, 7.5, pdfInk)
			f.CellFormat(p.width-14, 3.8, p.s(fmt.Sprintf("%s %d. %s", t.Words, t.Claim.Index+1, truncate(t.Claim.Statement, 110))), "", 1, "L", false, 0, "")
			if id, ok := p.targets["#claim-"+t.Claim.ID]; ok && f.PageNo() == page {
				f.Link(p.left+9, y, p.width-9, 3.8, id)
			}
		}
		f.Ln(1.5)
	}
}

// matrixRanked writes the claims, least weighed against first.
func (p *pdfWriter) matrixRanked(s *matrixSection) {
	f := p.f
	p.subheading("CLAIMS, LEAST WEIGHED AGAINST FIRST", pdfMuted)
	const rankW, numW, lh = 9.0, 15.0, 3.9
	claimW := p.width - rankW - 3*numW
	header := func() {
		y := f.GetY()
		f.SetFillColor(pdfPanel[0], pdfPanel[1], pdfPanel[2])
		f.Rect(p.left, y, p.width, 5, "F")
		p.font(true, 7.5, pdfInk)
		f.SetXY(p.left, y)
		f.CellFormat(rankW-1, 5, "Rank", "", 0, "R", false, 0, "")
		f.CellFormat(1, 5, "", "", 0, "L", false, 0, "")
		f.CellFormat(claimW, 5, "Claim", "", 0, "L", false, 0, "")
		for _, h := range []string{"Against", "For", "Quotes"} {
			f.CellFormat(numW, 5, h, "", 0, "R", false, 0, "")
		}
		f.SetY(y + 5.5)
	}
	header()
	for _, r := range s.Ranked {
		statement := fmt.Sprintf("%d. %s", r.Claim.Index+1, truncate(r.Claim.Statement, 200))
		if r.Thin != "" {
			statement += " (thin)"
		}
		p.font(false, 8, pdfInk)
		badgeW := 24.0
		lines := f.SplitText(p.s(statement), claimW-badgeW-1)
		h := float64(len(lines))*lh + 1.2
		if f.GetY()+h > p.pageH-p.bottom {
			p.addPage()
			header()
		}
		y := f.GetY()
		p.font(true, 8, pdfInk)
		f.SetXY(p.left, y)
		f.CellFormat(rankW-1, lh, strconv.Itoa(r.Rank), "", 0, "R", false, 0, "")
		p.badge(p.left+rankW+1, y+0.35, p.s(r.Claim.Word), statusRGB(r.Claim.Status), 5.5)
		p.font(false, 8, pdfInk)
		for i, l := range lines {
			f.SetXY(p.left+rankW+1+badgeW, y+float64(i)*lh)
			f.CellFormat(claimW-badgeW-1, lh, l, "", 0, "L", false, 0, "")
		}
		p.font(false, 8, pdfInk)
		f.SetXY(p.left+rankW+claimW, y)
		for _, n := range []string{r.Against, r.For, strconv.Itoa(r.NQuotes)} {
			f.CellFormat(numW, lh, n, "", 0, "R", false, 0, "")
		}
		if id, ok := p.targets["#claim-"+r.Claim.ID]; ok {
			f.Link(p.left, y, p.width, h, id)
		}
		f.SetDrawColor(pdfRule[0], pdfRule[1], pdfRule[2])
		f.SetLineWidth(0.15)
		f.Line(p.left, y+h-0.4, p.left+p.width, y+h-0.4)
		f.SetY(y + h)
	}
	if s.ClaimsLeft > 0 {
		f.Ln(1)
		p.text(0, plural(s.ClaimsLeft, "more claim is", "more claims are")+" left out here; the whole matrix is in the matrix export (CSV).", false, 8, 4, pdfMuted)
	}
}

// matrixThin writes where the claims' case is thin.
func (p *pdfWriter) matrixThin(s *matrixSection) {
	f := p.f
	f.Ln(2)
	p.subheading(fmt.Sprintf("WHERE THE CASE IS THIN (%d)", s.NThin), pdfMuted)
	p.text(0, p.s(s.ThinIntro), false, 8, 4, pdfMuted)
	f.Ln(1)
	if len(s.Thin) == 0 {
		p.text(0, "No claim's case is thin.", false, 9, 4.6, pdfMuted)
		return
	}
	const in = 4
	for _, r := range s.Thin {
		msg := p.s(fmt.Sprintf("%d. %s — %s", r.Claim.Index+1, truncate(r.Claim.Statement, 90), r.Thin))
		p.font(false, 8.5, pdfInk)
		p.ensure(float64(len(f.SplitText(msg, p.width-in)))*4.3 + 2)
		y, page := f.GetY(), f.PageNo()
		p.font(true, 8.5, pdfMuted)
		f.SetXY(p.left+0.5, y)
		f.CellFormat(in, 4.3, "•", "", 0, "L", false, 0, "")
		p.text(in, msg, false, 8.5, 4.3, pdfInk)
		if id, ok := p.targets["#claim-"+r.Claim.ID]; ok && f.PageNo() == page {
			f.Link(p.left+in, y, p.width-in, f.GetY()-y, id)
		}
		f.Ln(0.8)
	}
	if s.ThinLeft > 0 {
		p.text(0, plural(s.ThinLeft, "more thin claim is", "more thin claims are")+" left out here.", false, 8, 4, pdfMuted)
	}
}

// matrixGrid writes the quotes × claims grid on landscape pages, with the
// claims' totals under it and the key to the columns.
func (p *pdfWriter) matrixGrid(s *matrixSection) {
	f := p.f
	p.setLandscape(true)
	defer p.setLandscape(false)
	p.addPage()
	f.Bookmark("The quotes that tell the claims apart", 1, -1)
	p.text(0, "The quotes that tell the claims apart", true, 12, 6, pdfInk)
	p.text(0, p.s(s.RowsNote()), false, 7.5, 3.7, pdfMuted)
	f.Ln(1.5)

	const quoteW, numW, pad = 100.0, 12.0, 0.8
	colW := (p.width - quoteW - 3*numW) / float64(len(s.Cols))
	x0 := p.left + quoteW + 3*numW
	f.SetLineWidth(0.2)
	header := func() {
		y := f.GetY()
		const h = 6.5
		f.SetFillColor(pdfPanel[0], pdfPanel[1], pdfPanel[2])
		f.SetDrawColor(pdfRule[0], pdfRule[1], pdfRule[2])
		f.Rect(p.left, y, p.width, h, "FD")
		p.font(true, 7.5, pdfInk)
		f.SetXY(p.left+pad, y)
		f.CellFormat(quoteW-2*pad, h, "Quote", "", 0, "L", false, 0, "")
		for _, t := range []string{"Grade", "Weight", "Diag."} {
			f.CellFormat(numW-pad, h, t, "", 0, "R", false, 0, "")
			f.CellFormat(pad, h, "", "", 0, "L", false, 0, "")
		}
		p.claimColumns(s.Cols, x0, y, colW, h)
		f.SetY(y + h)
	}
	header()
	const textLH, whoLH = 3.0, 2.7
	for _, r := range s.Rows {
		p.font(false, 7, pdfInk)
		lines := f.SplitText(p.s(p.quoteRef(r.Quote)+" ("+p.where(r.Quote)+")"), quoteW-2*pad)
		if len(lines) > 2 {
			lines = append(lines[:1], strings.TrimRight(lines[1], " ")+"…")
		}
		h := float64(len(lines))*textLH + whoLH + 2*pad
		if f.GetY()+h > p.pageH-p.bottom {
			p.addPage()
			header()
		}
		y := f.GetY()
		p.font(false, 7, pdfInk)
		for i, l := range lines {
			f.SetXY(p.left+pad, y+pad+float64(i)*textLH)
			f.CellFormat(quoteW-2*pad, textLH, l, "", 0, "L", false, 0, "")
		}
		p.font(false, 6, pdfMuted)
		f.SetXY(p.left+pad, y+pad+float64(len(lines))*textLH)
		f.CellFormat(quoteW-2*pad, whoLH, p.s(r.Speaker), "", 0, "L", false, 0, "")
		p.font(false, 7.5, pdfInk)
		f.SetXY(p.left+quoteW, y+pad)
		for _, n := range []string{r.Grade, r.Weight, r.Diag} {
			f.CellFormat(numW-pad, textLH, n, "", 0, "R", false, 0, "")
			f.CellFormat(pad, textLH, "", "", 0, "L", false, 0, "")
		}
		for i, c := range r.Cells {
			if c.Sign == "" {
				continue
			}
			x := x0 + float64(i)*colW
			col := pdfMatrix[c.Value]
			if c.Value != 0 {
				f.SetFillColor(col[1][0], col[1][1], col[1][2])
				f.Rect(x, y, colW, h, "F")
			}
			p.font(true, 10, col[0])
			f.SetXY(x, y)
			f.CellFormat(colW, h, c.Sign, "", 0, "C", false, 0, "")
		}
		// The lines after the fills, which would cover them.
		f.SetDrawColor(pdfRule[0], pdfRule[1], pdfRule[2])
		for i := range r.Cells {
			x := x0 + float64(i)*colW
			f.Line(x, y, x, y+h)
		}
		f.Rect(p.left, y, p.width, h, "D")
		f.SetY(y + h)
	}
	for _, total := range []struct {
		name string
		of   func(*matrixClaimRow) string
	}{{"Against", func(r *matrixClaimRow) string { return r.Against }}, {"For", func(r *matrixClaimRow) string { return r.For }}} {
		const h = 5
		if f.GetY()+h > p.pageH-p.bottom {
			p.addPage()
			header()
		}
		y := f.GetY()
		f.SetFillColor(pdfPanel[0], pdfPanel[1], pdfPanel[2])
		f.SetDrawColor(pdfRule[0], pdfRule[1], pdfRule[2])
		f.Rect(p.left, y, p.width, h, "FD")
		p.font(true, 7.5, pdfInk)
		f.SetXY(p.left, y)
		f.CellFormat(quoteW+3*numW-pad, h, total.name, "", 0, "R", false, 0, "")
		p.font(false, 7.5, pdfInk)
		for i, c := range s.Cols {
			x := x0 + float64(i)*colW
			f.Line(x, y, x, y+h)
			f.SetXY(x, y)
			f.CellFormat(colW, h, total.of(s.ByIndex[c.Index]), "", 0, "C", false, 0, "")
		}
		f.SetY(y + h)
	}

	f.Ln(3)
	p.ensure(22)
	p.claimKey(s.Cols)
}

// claimColumns heads a grid's columns, one per claim from x0, colW wide
// and h high at y: each the claim's number, under a strip of its status's
// colour, a link to the claim.
func (p *pdfWriter) claimColumns(claims []*claimView, x0, y, colW, h float64) {
	f := p.f
	for i, c := range claims {
		x := x0 + float64(i)*colW
		col := statusRGB(c.Status)
		f.SetFillColor(col[0], col[1], col[2])
		f.Rect(x, y, colW, 1.3, "F")
		f.SetDrawColor(pdfRule[0], pdfRule[1], pdfRule[2])
		f.Line(x, y, x, y+h)
		f.SetXY(x, y+0.6)
		p.font(true, 8, pdfInk)
		f.CellFormat(colW, h-0.6, strconv.Itoa(c.Index+1), "", 0, "C", false, 0, "")
		if id, ok := p.targets["#claim-"+c.ID]; ok {
			f.Link(x, y, colW, h, id)
		}
	}
}

// claimKey lists a grid's columns: each claim's number, status and words.
func (p *pdfWriter) claimKey(claims []*claimView) {
	f := p.f
	p.text(0, "THE CLAIMS", true, 7.5, 4, pdfMuted)
	f.Ln(0.8)
	for _, c := range claims {
		p.ensure(5)
		y := f.GetY()
		p.font(true, 8, pdfInk)
		f.SetXY(p.left, y)
		f.CellFormat(7, 4.2, strconv.Itoa(c.Index+1), "", 0, "R", false, 0, "")
		bw := p.badge(p.left+9, y+0.3, p.s(c.Word), statusRGB(c.Status), 6)
		x := p.left + 9 + max(bw, 21) + 2
		p.font(false, 8, pdfInk)
		f.SetXY(x, y)
		f.MultiCell(p.left+p.width-x, 4.2, p.s(truncate(c.Statement, 220)), "", "L", false)
		f.Ln(0.4)
	}
}
