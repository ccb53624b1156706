package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/app"
)

// stanceGrid shows where each party stands on each claim (app.Stance): a
// row per party that meets any claim, a column per claim. A cell says
// supports, denies, contradicts, mentions or mixed, and made-by or about
// where the claim names the party; tapping a cell selects the first quote
// behind it (or the claim), one click from the board.
type stanceGrid struct {
	w       *boardWindow
	win     fyne.Window
	table   *widget.Table
	parties []string
	claims  []string
	cells   map[[2]string]app.StanceCell
}

func (w *boardWindow) showStanceGrid() {
	if w.model == nil {
		return
	}
	g := &stanceGrid{w: w, cells: map[[2]string]app.StanceCell{}}
	seen := map[string]bool{}
	for _, c := range app.Stance(w.model.doc) {
		g.cells[[2]string{c.Party, c.Claim}] = c
		if !seen[c.Party] {
			seen[c.Party] = true
			g.parties = append(g.parties, c.Party)
		}
		seen[c.Claim] = true
	}
	for _, c := range w.model.doc.Claims {
		if seen[c.ID] {
			g.claims = append(g.claims, c.ID)
		}
	}
	g.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(g.parties), len(g.claims) },
		func() fyne.CanvasObject { return &widget.Label{Truncation: fyne.TextTruncateEllipsis} },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			c := g.cells[[2]string{g.parties[id.Row], g.claims[id.Col]}]
			l.Importance = stanceImportance(c.Stance)
			l.SetText(g.cellText(g.parties[id.Row], g.claims[id.Col]))
		})
	g.table.CreateHeader = func() fyne.CanvasObject {
		return &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	}
	g.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.Wrapping, l.Truncation = fyne.TextWrapOff, fyne.TextTruncateEllipsis
		switch {
		case id.Row < 0 && id.Col >= 0:
			// The claim in up to three lines: status, then its words,
			// cut to what fits rather than to a few letters.
			c := w.model.claims[g.claims[id.Col]]
			l.Wrapping, l.Truncation = fyne.TextWrapWord, fyne.TextTruncateOff
			l.SetText(statusWord(c.Status) + " · " + app.ClipWords(c.Statement, stanceHeaderRunes))
		case id.Col < 0 && id.Row >= 0:
			l.SetText(w.model.name(g.parties[id.Row]))
		default:
			l.SetText("")
		}
	}
	g.table.OnSelected = func(id widget.TableCellID) {
		if id.Row < 0 || id.Col < 0 {
			return
		}
		c, ok := g.cells[[2]string{g.parties[id.Row], g.claims[id.Col]}]
		switch {
		case ok && len(c.Quotes) > 0:
			w.choose(c.Quotes[0])
		case ok:
			w.choose(c.Claim)
		}
	}
	g.table.SetColumnWidth(-1, 210) // the parties' names
	for i := range g.claims {
		g.table.SetColumnWidth(i, 200)
	}
	g.table.SetRowHeight(-1, 92) // three lines of a claim
	g.win = w.app.NewWindow("Who stands where — " + w.model.doc.Board.Title)
	g.win.SetContent(container.NewBorder(caption("Parties × claims: what each party's quotes do to each claim, and where a claim is made by or about the party. Choose a cell to see the quote behind it on the board."), nil, nil, nil, g.table))
	g.win.Resize(fyne.NewSize(1000, 560))
	closeOnEsc(g.win)
	g.win.Show()
	w.lastStance = g
}

// cellText is what a cell says: the stance, then the claim's roles.
func (g *stanceGrid) cellText(party, claim string) string {
	c, ok := g.cells[[2]string{party, claim}]
	if !ok {
		return ""
	}
	var parts []string
	if c.Stance != "" {
		parts = append(parts, c.Stance)
	}
	for _, r := range c.Roles {
		parts = append(parts, string(r))
	}
	return strings.Join(parts, " · ")
}

// stanceHeaderRunes is about what three lines of a 200-unit column hold.
const stanceHeaderRunes = 56

// stanceImportance colours a cell as the board colours its strings:
// support green, denial red, a party at odds with itself amber.
func stanceImportance(stance string) widget.Importance {
	switch stance {
	case app.StanceSupports:
		return widget.SuccessImportance
	case app.StanceDenies, app.StanceContradicts:
		return widget.DangerImportance
	case app.StanceMixed:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}
