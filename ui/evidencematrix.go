package ui

import (
	"fmt"
	"image/color"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/app"
)

// evidenceMatrix is the window of the board's evidence matrix
// (app.EvidenceMatrix), in the manner of Analysis of Competing Hypotheses:
// a column per claim, headed by its rank, status, statement and what
// weighs against it and for it, marked when its case is thin; a row per
// quote tied to a claim, the most diagnostic first; each cell + where the
// quote supports the claim, − where it denies or contradicts it, · where
// it only mentions it. Choosing a cell or a quote selects the quote on the
// board, choosing a claim's heading selects the claim; the line under the
// grid says the chosen item's figures in words.
//
// The grid is a widget.Table: only the cells on screen are built. The
// matrix is worked out off the window's goroutine, from a copy of the
// board's lists taken on it, and shown through fyne.Do (do): on a board of
// 10,000 quotes the window opens at once and fills in when the matrix is
// ready. It follows the board's edits while it is open (see refresh).
type evidenceMatrix struct {
	w       *boardWindow
	win     fyne.Window
	table   *widget.Table
	summary *widget.Label
	detail  *widget.Label
	m       *app.Matrix
	widths  wordWidths
	// work works the matrix out; shown is the run shown (work.gen once
	// the latest is in).
	work  aside
	shown int
	// headers are the heading widgets the table shows or has shown, and
	// cells counts the cells it has built, for tests: as many as fit on
	// screen, not one per row.
	headers map[*mxHeader]bool
	cells   int
	// order is the claims' indices in g.m.Claims by rank, a column each:
	// #1 first, as the headings number them.
	order []int
	// chosen is the cell last chosen, outlined.
	chosen widget.TableCellID
}

// col returns the index in g.m.Claims of the claim in column c.
func (g *evidenceMatrix) col(c int) int {
	if c >= 0 && c < len(g.order) {
		return g.order[c]
	}
	return c
}

// rankOrder returns the indices of m's claims by rank.
func rankOrder(m *app.Matrix) []int {
	order := make([]int, len(m.Claims))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return m.Claims[order[a]].Rank < m.Claims[order[b]].Rank })
	return order
}

// The grid's measures: a claim's column, a quote's row, the quotes'
// column of headings and the claims' row of headings.
const (
	mxCellW = 118
	mxCellH = 50
	mxHeadW = 340
	mxHeadH = 128
)

// thinShort names each way a claim's case can be thin in a few words, for
// the column headings.
var thinShort = map[string]string{
	app.ThinNothing:        "no evidence",
	app.ThinOneQuote:       "one quote",
	app.ThinLight:          "light",
	app.ThinLowCredibility: "low credibility",
}

func (w *boardWindow) showEvidenceMatrix() {
	if w.model == nil {
		return
	}
	if g := w.lastMatrix; g != nil && g.win != nil {
		g.refresh()
		g.win.Show()
		g.win.RequestFocus()
		return
	}
	g := &evidenceMatrix{w: w, widths: wordWidths{}, headers: map[*mxHeader]bool{}, m: &app.Matrix{}, chosen: widget.TableCellID{Row: -1, Col: -1}}
	g.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(g.m.Quotes), len(g.m.Claims) },
		g.newCell,
		func(id widget.TableCellID, o fyne.CanvasObject) { g.updateCell(id, o.(*mxCell)) })
	g.table.CreateHeader = func() fyne.CanvasObject { return newMxHeader(g) }
	g.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) { g.updateHeader(id, o.(*mxHeader)) }
	g.table.SetColumnWidth(-1, mxHeadW)
	g.table.SetRowHeight(-1, mxHeadH)
	g.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Col >= 0 {
			g.chooseCell(id.Row, id.Col)
		}
	}
	g.summary = caption("Working out the matrix…")
	g.detail = &widget.Label{Wrapping: fyne.TextWrapWord, Text: "Choose a quote, a claim or a cell: it is selected on the board and said here in full."}
	g.win = w.app.NewWindow("Evidence matrix — " + w.model.doc.Board.Title)
	g.win.SetContent(container.NewBorder(g.summary, g.detail, nil, nil, g.table))
	g.win.Resize(fyne.NewSize(1200, 720))
	closeOnEsc(g.win)
	g.win.SetOnClosed(func() {
		if w.lastMatrix == g {
			w.lastMatrix.win = nil
		}
	})
	g.win.Show()
	w.lastMatrix = g
	g.refresh()
}

// refresh works the matrix out again, after an edit to the board, if the
// window is open: off the window's goroutine, from a copy of the board's
// lists (edits change them in place, on this goroutine).
func (g *evidenceMatrix) refresh() {
	if g == nil || g.win == nil || g.w.model == nil {
		return
	}
	doc := snapshot(g.w.model.doc)
	g.win.SetTitle("Evidence matrix — " + doc.Board.Title)
	runAside(&g.work, func() *app.Matrix { return app.EvidenceMatrix(doc) }, func(m *app.Matrix) {
		if g.win == nil {
			return
		}
		g.m, g.shown, g.order = m, g.work.gen, rankOrder(m)
		g.setSummary()
		g.table.Refresh()
	})
}

// wait waits for the work under way to end, for tests and benchmarks:
// fyne's test driver runs fyne.Do at once, on the calling goroutine.
func (g *evidenceMatrix) wait() { g.work.pending.Wait() }

func (g *evidenceMatrix) setSummary() {
	m := g.m
	s := fmt.Sprintf("Quotes × claims, as in Analysis of Competing Hypotheses: + the quote supports the claim, − it denies or contradicts it, · it only mentions it. "+
		"Each quote weighs by its credibility (1 confirmed: 1 … 5 improbable: 0.2; ungraded: 0.5). Under each claim: its rank (1 = least weighed against), what weighs against it and for it. "+
		"Quotes are sorted by diagnosticity, weight × (highest − lowest of their cells)/2: how much each tells the claims apart. %s tied to claims", plural(len(m.Quotes), "quote", "quotes"))
	if m.Untied > 0 {
		s += fmt.Sprintf(", %d tied to none (not shown)", m.Untied)
	}
	s += fmt.Sprintf("; %s of %d thin (marked THIN).", plural(m.Thin, "claim", "claims"), len(m.Claims))
	if m.Ungraded > 0 && m.Ungraded == len(m.Quotes) {
		s += " No quote here has a credibility grade yet: each weighs 0.5."
	}
	g.summary.SetText(s)
}

func plural(n int, one, many string) string { return app.CountWords(n, one, many) }

// newCell is a cell: its colour and its sign.
func (g *evidenceMatrix) newCell() fyne.CanvasObject {
	g.cells++
	bg := canvas.NewRectangle(color.Transparent)
	bg.SetMinSize(fyne.NewSize(mxCellW, mxCellH))
	sign := canvas.NewText("", theme.Color(theme.ColorNameForeground))
	sign.TextSize = theme.TextSize() * 1.7
	sign.TextStyle.Bold = true
	c := &mxCell{g: g, box: container.NewStack(bg, container.NewCenter(sign))}
	c.ExtendBaseWidget(c)
	return c
}

// mxCell is a cell of the grid. It takes its own taps: the table's
// selection would scroll the cell into view by a reckoning that counts
// the quotes' column of headings twice, and so jumped the grid sideways
// by its width at every click.
type mxCell struct {
	widget.BaseWidget
	g   *evidenceMatrix
	id  widget.TableCellID
	box *fyne.Container
}

func (c *mxCell) Tapped(*fyne.PointEvent) {
	c.g.chosen = c.id
	c.g.chooseCell(c.id.Row, c.id.Col)
	c.g.table.Refresh() // the chosen cell outlined, the last one not
}

func (c *mxCell) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(c.box) }

func (g *evidenceMatrix) updateCell(id widget.TableCellID, mc *mxCell) {
	mc.id = id
	c := mc.box
	bg := c.Objects[0].(*canvas.Rectangle)
	sign := c.Objects[1].(*fyne.Container).Objects[0].(*canvas.Text)
	cell, ok := g.cellAt(id.Row, id.Col)
	text, fill, ink := "", color.Color(color.Transparent), theme.Color(theme.ColorNameForeground)
	if ok {
		text = cell.Sign()
		switch cell.Value {
		case app.Consistent:
			fill = tint(relationColor(app.RelSupports), 0xa0)
		case app.Inconsistent:
			fill = tint(relationColor(app.RelDenies), 0xa0)
		default:
			ink = relationColor(app.RelMentions)
		}
	}
	var stroke float32
	if id == g.chosen {
		stroke = 2
	}
	if bg.FillColor != fill || bg.StrokeWidth != stroke {
		bg.FillColor, bg.StrokeWidth, bg.StrokeColor = fill, stroke, theme.Color(theme.ColorNamePrimary)
		bg.Refresh()
	}
	if sign.Text != text || sign.Color != ink {
		sign.Text, sign.Color = text, ink
		sign.Refresh()
	}
}

func tint(c color.NRGBA, a uint8) color.NRGBA { c.A = a; return c }

// cellAt is the cell of row r (a quote) and column c (a claim), and
// whether the quote is tied to the claim.
func (g *evidenceMatrix) cellAt(r, c int) (app.MatrixCell, bool) {
	if r < 0 || r >= len(g.m.Quotes) || c < 0 || c >= len(g.m.Claims) {
		return app.MatrixCell{}, false
	}
	return g.m.Quotes[r].Cell(g.col(c))
}

func (g *evidenceMatrix) updateHeader(id widget.TableCellID, h *mxHeader) {
	h.id = id
	g.headers[h] = true
	size := theme.CaptionTextSize()
	ink, muted := theme.Color(theme.ColorNameForeground), mutedInkColor()
	var lines []mxLine
	fill := color.Color(color.Transparent)
	switch {
	case id.Row < 0 && id.Col >= 0: // a claim
		mc := &g.m.Claims[g.col(id.Col)]
		c := g.w.model.claims[mc.Claim]
		if c == nil {
			break
		}
		width := float32(mxCellW - 2*theme.Padding())
		lines = append(lines, mxLine{fmt.Sprintf("#%d · %s", mc.Rank, strings.ToUpper(string(c.Status))), statusColor(c.Status), true})
		for _, l := range g.widths.wrapText(c.Statement, width, size, fyne.TextStyle{}, 3) {
			lines = append(lines, mxLine{l, ink, false})
		}
		for len(lines) < 4 { // the figures line up across the columns
			lines = append(lines, mxLine{})
		}
		for _, t := range []struct {
			word string
			n    float64
		}{{"against", mc.Against}, {"for", mc.For}} {
			l := mxLine{t.word + " " + app.FormatWeight(t.n), muted, false}
			if t.n > 0 {
				l.ink, l.bold = ink, true
			}
			lines = append(lines, l)
		}
		if len(mc.Thin) > 0 {
			var ws []string
			for _, k := range mc.Thin {
				ws = append(ws, thinShort[k])
			}
			amber := statusColor(app.StatusAlleged)
			bold := fyne.TextStyle{Bold: true}
			lines = append(lines, mxLine{g.widths.wrapText("THIN: "+strings.Join(ws, ", "), width, size, bold, 1)[0], amber, true})
			fill = tint(amber, 0x30)
		}
	case id.Col < 0 && id.Row >= 0: // a quote
		mq := &g.m.Quotes[id.Row]
		q := g.w.model.quotes[mq.Quote]
		if q == nil {
			break
		}
		width := float32(mxHeadW - 2*theme.Padding())
		for _, l := range g.widths.wrapText("“"+strings.Join(strings.Fields(q.Text), " ")+"”", width, size, fyne.TextStyle{}, 2) {
			lines = append(lines, mxLine{l, ink, false})
		}
		who := g.w.model.name(q.Speaker)
		if who == "" {
			who = "unknown speaker"
		}
		grade := "ungraded"
		if mq.Credibility > 0 {
			grade = fmt.Sprintf("credibility %d", mq.Credibility)
		}
		meta := fmt.Sprintf("diagnosticity %s · weight %s (%s) · %s", app.FormatWeight(mq.Diagnosticity), app.FormatWeight(mq.Weight), grade, who)
		for _, l := range g.widths.wrapText(meta, width, size, fyne.TextStyle{}, 1) {
			lines = append(lines, mxLine{l, muted, false})
		}
	default:
		lines = []mxLine{{"Claims →", muted, true}, {"rank (1 = least weighed against) · status", muted, false},
			{"statement", muted, false}, {"", nil, false}, {"", nil, false}, {"weight of the quotes against it", muted, false},
			{"weight of the quotes for it", muted, false}, {"Quotes ↓ most diagnostic first", muted, true}}
	}
	h.set(lines, fill)
}

// chooseCell selects the row's quote on the board and says what it does
// to the column's claim.
func (g *evidenceMatrix) chooseCell(r, c int) {
	c = g.col(c)
	mq, mc := &g.m.Quotes[r], &g.m.Claims[c]
	g.w.choose(mq.Quote)
	cell, ok := mq.Cell(c)
	what := "is not tied to"
	if ok {
		var rs []string
		for _, rel := range cell.Relations {
			rs = append(rs, string(rel))
		}
		what = strings.Join(rs, " and ")
	}
	g.detail.SetText(fmt.Sprintf("%s %s %s — %s", g.quoteWords(mq), what, g.claimWords(mc), g.claimFigures(mc)))
}

// chooseHeader selects the heading's quote or claim on the board and says
// its figures.
func (g *evidenceMatrix) chooseHeader(id widget.TableCellID) {
	switch {
	case id.Row < 0 && id.Col >= 0 && id.Col < len(g.m.Claims):
		mc := &g.m.Claims[g.col(id.Col)]
		g.w.choose(mc.Claim)
		g.detail.SetText(capitalFirst(g.claimWords(mc)) + ": " + g.claimFigures(mc))
	case id.Col < 0 && id.Row >= 0 && id.Row < len(g.m.Quotes):
		mq := &g.m.Quotes[id.Row]
		g.w.choose(mq.Quote)
		var ties []string
		for _, c := range mq.Cells {
			var rs []string
			for _, rel := range c.Relations {
				rs = append(rs, string(rel))
			}
			ties = append(ties, strings.Join(rs, " and ")+" "+g.claimWords(&g.m.Claims[c.Claim]))
		}
		g.detail.SetText(fmt.Sprintf("%s (weight %s, diagnosticity %s): %s", g.quoteWords(mq), app.FormatWeight(mq.Weight), app.FormatWeight(mq.Diagnosticity), strings.Join(ties, "; ")))
	}
}

func (g *evidenceMatrix) quoteWords(mq *app.MatrixQuote) string {
	if q := g.w.model.quotes[mq.Quote]; q != nil {
		return "“" + clipText(q.Text, 120) + "”"
	}
	return mq.Quote
}

func (g *evidenceMatrix) claimWords(mc *app.MatrixClaim) string {
	if c := g.w.model.claims[mc.Claim]; c != nil {
		return "the claim “" + clipText(c.Statement, 100) + "”"
	}
	return "the claim " + mc.Claim
}

// claimFigures says a claim's totals and rank, and where its case is thin.
func (g *evidenceMatrix) claimFigures(mc *app.MatrixClaim) string {
	s := fmt.Sprintf("Against it %s, for it %s, from %s; it ranks %d of %d (1 = least weighed against).",
		app.FormatWeight(mc.Against), app.FormatWeight(mc.For), plural(mc.Quotes, "quote", "quotes"), mc.Rank, len(g.m.Claims))
	if mc.ThinWords != "" {
		s += " Thin: " + mc.ThinWords
	}
	return s
}

func capitalFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// mxLine is a line of a heading.
type mxLine struct {
	text string
	ink  color.Color
	bold bool
}

// mxHeader is a heading of the grid, a claim's or a quote's: lines of
// text on a background, and a tap that chooses its item.
type mxHeader struct {
	widget.BaseWidget
	g     *evidenceMatrix
	id    widget.TableCellID
	bg    *canvas.Rectangle
	texts []*canvas.Text
	box   *fyne.Container
}

func newMxHeader(g *evidenceMatrix) *mxHeader {
	h := &mxHeader{g: g, bg: canvas.NewRectangle(color.Transparent), box: container.New(layout.NewCustomPaddedVBoxLayout(1))}
	h.ExtendBaseWidget(h)
	return h
}

// lines returns the heading's text, a line each, for tests.
func (h *mxHeader) lines() []string {
	var out []string
	for _, t := range h.texts {
		if t.Visible() && t.Text != "" {
			out = append(out, t.Text)
		}
	}
	return out
}

func (h *mxHeader) set(lines []mxLine, fill color.Color) {
	size := theme.CaptionTextSize()
	for len(h.texts) < len(lines) {
		t := canvas.NewText("", nil)
		t.TextSize = size
		h.texts = append(h.texts, t)
		h.box.Add(t)
	}
	for i, t := range h.texts {
		if i >= len(lines) {
			t.Hide()
			continue
		}
		l := lines[i]
		t.Text, t.Color, t.TextStyle.Bold = l.text, l.ink, l.bold
		if t.Color == nil {
			t.Color = color.Transparent
		}
		t.Show()
		t.Refresh()
	}
	h.bg.FillColor = fill
	h.bg.Refresh()
}

func (h *mxHeader) Tapped(*fyne.PointEvent) { h.g.chooseHeader(h.id) }

// MinSize is no more than a cell's: the table makes every cell as big as
// the larger of its cell and heading templates. The headings' own row and
// column are sized by SetRowHeight(-1) and SetColumnWidth(-1).
func (h *mxHeader) MinSize() fyne.Size { return fyne.NewSize(mxCellW, mxCellH) }

func (h *mxHeader) CreateRenderer() fyne.WidgetRenderer {
	return &mxHeaderRenderer{h: h}
}

type mxHeaderRenderer struct{ h *mxHeader }

func (r *mxHeaderRenderer) Layout(s fyne.Size) {
	r.h.bg.Resize(s)
	p := theme.Padding()
	r.h.box.Move(fyne.NewPos(p, p/2))
	r.h.box.Resize(fyne.NewSize(s.Width-2*p, s.Height-p))
}
func (r *mxHeaderRenderer) MinSize() fyne.Size { return r.h.MinSize() }
func (r *mxHeaderRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.h.bg, r.h.box}
}
func (r *mxHeaderRenderer) Refresh() {
	r.h.bg.Refresh()
	r.h.box.Refresh()
}
func (r *mxHeaderRenderer) Destroy() {}
