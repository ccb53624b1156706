package report

import (
	"fmt"
	"strings"

	"evidenceboard/app"
)

// The PDF's sections that judge the board: weak spots and the stance grid.

// pdfStance are the colours of the grid's cells: the word's and the
// background's.
var pdfStance = map[string][2][3]int{
	app.StanceSupports:    {{21, 128, 61}, {232, 245, 236}},
	app.StanceDenies:      {{185, 28, 28}, {251, 231, 231}},
	app.StanceContradicts: {{194, 65, 12}, {252, 236, 223}},
	app.StanceMentions:    {{85, 85, 85}, {243, 241, 236}},
	app.StanceMixed:       {{109, 40, 217}, {240, 232, 251}},
}

var pdfPanel = [3]int{244, 241, 234}

// addPage starts a new page in the orientation of the section being
// written.
func (p *pdfWriter) addPage() {
	if p.landscape {
		p.f.AddPageFormat("L", p.f.GetPageSizeStr(p.size))
		return
	}
	p.f.AddPage()
}

// setLandscape turns the pages that follow across (or back), and the
// writer's page measures with them; the current page is not changed.
func (p *pdfWriter) setLandscape(on bool) {
	p.landscape = on
	sz := p.f.GetPageSizeStr(p.size)
	p.pageW, p.pageH = sz.Wd, sz.Ht
	if on {
		p.pageW, p.pageH = sz.Ht, sz.Wd
	}
	p.width = p.pageW - p.left - p.right
}

func (p *pdfWriter) weakSpots(w *weakSpots) {
	f := p.f
	p.heading("Weak spots", false)
	if len(w.Groups) == 0 {
		p.text(0, "Evidence Board's review finds no weak spots on this board.", false, 10, 5, pdfMuted)
		return
	}
	p.text(0, "Where the board's case is thin, as Evidence Board's review finds it: "+plural(w.N, "finding", "findings")+". They are advice for the fact-checker, not errors.", false, 9, 4.6, pdfMuted)
	for _, g := range w.Groups {
		p.ensure(22)
		f.Ln(3)
		p.text(0, fmt.Sprintf("%s (%d)", g.Title, len(g.Findings)), true, 10.5, 5.4, pdfInk)
		p.text(0, p.s(capital(g.When)+"."), false, 8, 4, pdfMuted)
		f.Ln(1)
		for _, fv := range g.Findings {
			const in = 4
			msg := p.s(p.refsIn(fv.Message))
			p.font(false, 9, pdfInk)
			p.ensure(float64(len(f.SplitText(msg, p.width-in)))*4.6 + 4)
			y, page := f.GetY(), f.PageNo()
			p.font(true, 9, pdfMuted)
			f.SetXY(p.left+0.5, y)
			f.CellFormat(in, 4.6, "•", "", 0, "L", false, 0, "")
			p.text(in, msg, false, 9, 4.6, pdfInk)
			p.text(in, p.s(fv.Kind+" · "+fv.Item), false, 7, 3.6, pdfMuted)
			if f.PageNo() == page && fv.Href != "" {
				// The message's claim or party is one click away.
				if id, ok := p.targets[fv.Href]; ok {
					f.Link(p.left+in, y, p.width-in, f.GetY()-y, id)
				}
			}
			f.Ln(1.2)
		}
	}
}

func (p *pdfWriter) stanceGrid(v *view, g *stanceGrid) {
	f := p.f
	if !g.Fits {
		p.heading("Who stands where", true)
		if g.NCells == 0 {
			p.text(0, "No party meets a claim on this board yet.", false, 10, 5, pdfMuted)
		} else {
			p.text(0, fmt.Sprintf("This board has %s, more than fit across a page (%d): where each party stands is listed under Parties, and the whole grid is in the stance export (CSV).", plural(v.NClaims, "claim", "claims"), stanceGridMaxClaims), false, 10, 5, pdfMuted)
		}
		return
	}
	p.setLandscape(true)
	defer p.setLandscape(false)
	p.addPage()
	p.heading("Who stands where", false)
	f.Ln(1)

	const partyW, pad = 46.0, 0.8
	colW := (p.width - partyW) / float64(len(g.Claims))
	f.SetLineWidth(0.2)
	header := func() {
		y := f.GetY()
		const h = 6.5
		f.SetFillColor(pdfPanel[0], pdfPanel[1], pdfPanel[2])
		f.SetDrawColor(pdfRule[0], pdfRule[1], pdfRule[2])
		f.Rect(p.left, y, p.width, h, "FD")
		p.font(true, 8, pdfInk)
		f.SetXY(p.left+pad, y)
		f.CellFormat(partyW-2*pad, h, "Party", "", 0, "L", false, 0, "")
		p.claimColumns(g.Claims, p.left+partyW, y, colW, h)
		f.SetY(y + h)
	}
	header()
	const nameLH, kindLH, wordLH, roleLH = 2.9, 2.6, 3.0, 2.5
	for _, r := range g.Rows {
		p.font(true, 7.5, pdfInk)
		name := f.SplitText(p.s(nameOr(r.Party)), partyW-2*pad)
		h := float64(len(name))*nameLH + kindLH
		for _, c := range r.Cells {
			ch := 0.0
			if c.Stance != "" {
				ch += wordLH
			}
			if len(c.Roles) > 0 {
				p.font(false, 6.5, pdfMuted)
				ch += float64(len(f.SplitText(c.RolesText(), colW-2*pad))) * roleLH
			}
			h = max(h, ch)
		}
		h += 2 * pad
		if f.GetY()+h > p.pageH-p.bottom {
			p.addPage()
			header()
		}
		y := f.GetY()
		f.SetDrawColor(pdfRule[0], pdfRule[1], pdfRule[2])
		f.Rect(p.left, y, p.width, h, "D")
		p.font(true, 7.5, pdfInk)
		for i, line := range name {
			f.SetXY(p.left+pad, y+pad+float64(i)*nameLH)
			f.CellFormat(partyW-2*pad, nameLH, line, "", 0, "L", false, 0, "")
		}
		p.font(false, 6.5, pdfMuted)
		f.SetXY(p.left+pad, y+pad+float64(len(name))*nameLH)
		f.CellFormat(partyW-2*pad, kindLH, p.s(r.Party.Kind), "", 0, "L", false, 0, "")
		if id, ok := p.targets["#party-"+r.Party.ID]; ok {
			f.Link(p.left, y, partyW, h, id)
		}
		for i, c := range r.Cells {
			x := p.left + partyW + float64(i)*colW
			if col, ok := pdfStance[c.Stance]; ok {
				f.SetFillColor(col[1][0], col[1][1], col[1][2])
				f.Rect(x, y, colW, h, "F")
			}
			f.SetDrawColor(pdfRule[0], pdfRule[1], pdfRule[2])
			f.Line(x, y, x, y+h)
			cy := y + pad
			if c.Stance != "" {
				col := pdfStance[c.Stance][0]
				word := c.Stance
				count := fmt.Sprintf(" %d", c.Quotes)
				p.font(true, 7, col)
				ww := f.GetStringWidth(word)
				p.font(false, 6.5, pdfMuted)
				cw := f.GetStringWidth(count)
				if ww+cw > colW-2*pad {
					count = ""
					cw = 0
				}
				x0 := x + (colW-ww-cw)/2
				p.font(true, 7, col)
				f.SetXY(x0, cy)
				f.CellFormat(ww, wordLH, word, "", 0, "L", false, 0, "")
				p.font(false, 6.5, pdfMuted)
				f.CellFormat(cw, wordLH, count, "", 0, "L", false, 0, "")
				cy += wordLH
			}
			if len(c.Roles) > 0 {
				p.font(false, 6.5, pdfMuted)
				for _, line := range f.SplitText(c.RolesText(), colW-2*pad) {
					f.SetXY(x, cy)
					f.CellFormat(colW, roleLH, line, "", 0, "C", false, 0, "")
					cy += roleLH
				}
			}
		}
		f.SetY(y + h)
	}

	// What the grid shows, and the key: each column's claim.
	f.Ln(3)
	p.ensure(22)
	p.text(0, "Each party that meets a claim, and how: what its quotes do to the claim (with how many quotes), and whether it made the claim (made-by) or the claim is about it (about). The columns are the claims, numbered as in Claims.", false, 8, 4, pdfMuted)
	f.Ln(2)
	p.claimKey(g.Claims)
	f.Ln(2)
	parts := make([]string, len(stanceLegend))
	for i, l := range stanceLegend {
		parts[i] = l.Word + ": " + l.Meaning
	}
	p.text(0, strings.Join(parts, " · ")+".", false, 7.5, 3.8, pdfMuted)
}
