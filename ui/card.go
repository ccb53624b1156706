package ui

import (
	"image/color"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/app"
)

// Text sizes on a card at 100 % zoom.
const (
	cardTextSize  = 13
	cardSmallSize = 11
	cardPad       = 10
	maxCardLines  = 6
)

// cardView draws one item's card. The board keeps a pool of them and binds
// each to whichever item is in view, so their number follows the screen.
type cardView struct {
	widget.BaseWidget
	board *boardCanvas
	id    string

	shadow, face, accent, badge *canvas.Rectangle
	badgeText, footer           *canvas.Text
	// A claim's verdict, outlined beside its status; a grade (Admiralty
	// reliability, credibility or both) at the right of the footer.
	verdict, grade         *canvas.Rectangle
	verdictText, gradeText *canvas.Text
	lines                  []*canvas.Text
	objects                []fyne.CanvasObject
}

func newCardView(b *boardCanvas) *cardView {
	c := &cardView{board: b,
		shadow:      &canvas.Rectangle{FillColor: color.NRGBA{A: 0x40}, CornerRadius: 6},
		face:        &canvas.Rectangle{CornerRadius: 6},
		accent:      &canvas.Rectangle{},
		badge:       &canvas.Rectangle{CornerRadius: 4},
		badgeText:   &canvas.Text{TextStyle: fyne.TextStyle{Bold: true}, Color: color.White},
		footer:      &canvas.Text{},
		verdict:     &canvas.Rectangle{CornerRadius: 4},
		verdictText: &canvas.Text{TextStyle: fyne.TextStyle{Bold: true}},
		grade:       &canvas.Rectangle{CornerRadius: 3},
		gradeText:   &canvas.Text{TextStyle: fyne.TextStyle{Bold: true}},
	}
	for i := 0; i < maxCardLines; i++ {
		c.lines = append(c.lines, &canvas.Text{})
	}
	c.objects = []fyne.CanvasObject{c.shadow, c.face, c.accent, c.badge, c.badgeText, c.verdict, c.verdictText, c.footer, c.grade, c.gradeText}
	for _, l := range c.lines {
		c.objects = append(c.objects, l)
	}
	c.ExtendBaseWidget(c)
	return c
}

func (c *cardView) CreateRenderer() fyne.WidgetRenderer { return &cardRenderer{c: c} }

// Tapped selects the card.
func (c *cardView) Tapped(*fyne.PointEvent) { c.board.selectItem(c.id, false) }

// DoubleTapped opens the item: a source's text, or the inspector.
func (c *cardView) DoubleTapped(*fyne.PointEvent) {
	c.board.selectItem(c.id, false)
	if c.board.onOpen != nil {
		c.board.onOpen(c.id)
	}
}

// Dragged moves the card with the pointer; the board saves the move when
// the drag ends.
func (c *cardView) Dragged(ev *fyne.DragEvent) {
	c.board.dragCard(c.id, ev.Dragged)
}

// DragEnd saves the card's new place.
func (c *cardView) DragEnd() { c.board.dropCard(c.id) }

// Cursor shows that a card can be picked up.
func (c *cardView) Cursor() desktop.Cursor { return desktop.PointerCursor }

var _ desktop.Cursorable = (*cardView)(nil)

// content is what a card shows: a badge, text lines and a footer.
type content struct {
	kind       app.Kind
	badge      string
	badgeColor color.Color
	text       string
	bold       bool
	footer     string
	who        string // a quote's "— speaker", which its card keeps at every zoom
	verdict    string // a claim's verdict label
	grade      string // an Admiralty grade or code: "B", "2", "B2"
}

func (c *cardView) content() content {
	m := c.board.model
	switch m.kind[c.id] {
	case app.KindClaim:
		cl := m.claims[c.id]
		badge, col := c.board.past.badge(cl)
		ct := content{kind: app.KindClaim, badge: badge, badgeColor: col, text: cl.Statement,
			footer: "CLAIM"}
		if v := c.board.past.claim(cl).Verdict; v != nil { // as it stood, on a rewound board
			ct.verdict = v.Label
		}
		return ct
	case app.KindQuote:
		q := m.quotes[c.id]
		who := m.name(q.Speaker)
		if who == "" {
			who = "unknown speaker"
		}
		foot := "— " + who
		if s := m.sources[q.Source]; s != nil {
			foot += " · " + s.Title
		}
		// Quote marks, not italics, set the words apart: an italic face
		// is one more font to load (about 12 MB and a tenth of a second).
		ct := content{kind: app.KindQuote, text: "“" + q.Text + "”", footer: foot, who: "— " + who}
		if q.Credibility > 0 { // a quote's grade is its credibility; its speaker's reliability goes with it
			ct.grade = app.GradeLabel(quoteReliability(m, q), q.Credibility)
		}
		return ct
	case app.KindParty:
		p := m.parties[c.id]
		return content{kind: app.KindParty, text: p.Name, bold: true, footer: strings.ToUpper(string(p.Kind)), grade: string(p.Reliability)}
	case app.KindSource:
		s := m.sources[c.id]
		foot := "SOURCE"
		if s.Publisher != "" {
			foot += " · " + s.Publisher
		}
		if s.Published != "" {
			foot += " · " + s.Published
		}
		return content{kind: app.KindSource, text: s.Title, bold: true, footer: foot, grade: string(s.Reliability)}
	}
	return content{}
}

type cardRenderer struct{ c *cardView }

func (r *cardRenderer) Destroy()                     {}
func (r *cardRenderer) Objects() []fyne.CanvasObject { return r.c.objects }
func (r *cardRenderer) MinSize() fyne.Size           { return fyne.NewSize(10, 10) }

func (r *cardRenderer) Refresh() {
	r.Layout(r.c.Size())
	for _, o := range r.c.objects {
		canvas.Refresh(o)
	}
}

// Layout draws the card at the board's zoom: every size scales with it.
func (r *cardRenderer) Layout(size fyne.Size) {
	c := r.c
	if c.id == "" || c.board.model == nil {
		return
	}
	z := c.board.zoom
	ct := c.content()
	selected := c.board.selected == c.id
	lit := c.board.lit.lit(c.id)

	c.shadow.Move(fyne.NewPos(2*z, 3*z))
	c.shadow.Resize(size)
	c.shadow.FillColor = fade(color.NRGBA{A: 0x40}, lit)
	c.face.FillColor = fade(paperColor(ct.kind), lit)
	c.face.StrokeWidth = 0
	if selected {
		c.face.StrokeColor = selectionColor()
		c.face.StrokeWidth = 3
	}
	c.face.CornerRadius = 6 * z
	c.face.Resize(size)

	pad := cardPad * z
	textTop := pad
	c.accent.Hidden = ct.kind == app.KindClaim
	c.accent.FillColor = fade(kindColor(ct.kind), lit)
	c.accent.Move(fyne.NewPos(0, 0))
	c.accent.Resize(fyne.NewSize(5*z, size.Height))
	textLeft := pad + 4*z

	c.badge.Hidden, c.badgeText.Hidden = ct.badge == "", ct.badge == ""
	if ct.badge != "" {
		c.badgeText.Text = ct.badge
		c.badgeText.TextSize = max(cardSmallSize*z, min(readableText-1, size.Height/3))
		bs := fyne.MeasureText(ct.badge, c.badgeText.TextSize, c.badgeText.TextStyle)
		c.badge.FillColor = fade(ct.badgeColor, lit)
		c.badgeText.Color = fade(color.White, lit)
		c.badge.Move(fyne.NewPos(textLeft, pad))
		c.badge.Resize(fyne.NewSize(bs.Width+12*z, bs.Height+4*z))
		c.badgeText.Move(fyne.NewPos(textLeft+6*z, pad+2*z))
		textTop += bs.Height + 4*z + max(6*z, 2)
		c.accent.Hidden = false
		c.accent.FillColor = fade(ct.badgeColor, lit)
		r.layoutVerdict(size, textLeft+bs.Width+12*z+6*z, ct.verdict, lit)
	} else {
		c.verdict.Hidden, c.verdictText.Hidden = true, true
	}

	style := fyne.TextStyle{Bold: ct.bold}
	if overview(z) {
		c.grade.Hidden, c.gradeText.Hidden = true, true
		r.layoutOverview(size, textLeft, textTop, style, ct, lit)
		return
	}
	footH := fyne.MeasureText("Mg", cardSmallSize*z, fyne.TextStyle{}).Height
	lineH := fyne.MeasureText("Mg", cardTextSize*z, style).Height
	rows := int((size.Height - textTop - footH - pad) / max(lineH, 1))
	lines := c.board.wrapped(c.id, ct.text, style, min(max(rows, 1), maxCardLines))
	for i, l := range c.lines {
		l.Hidden = i >= len(lines)
		if l.Hidden {
			continue
		}
		l.Text, l.TextStyle, l.TextSize, l.Color = lines[i], style, cardTextSize*z, fade(inkColor(), lit)
		l.Move(fyne.NewPos(textLeft, textTop+float32(i)*lineH))
	}
	c.footer.Hidden = false
	c.footer.TextSize, c.footer.Color = cardSmallSize*z, fade(mutedInkColor(), lit)
	r.layoutGrade(size, pad, footH, ct, lit)
	c.footer.Text = c.board.footerText(ct.kind, ct.footer, r.gradeRoom(ct.grade))
	c.footer.Move(fyne.NewPos(textLeft, size.Height-pad-footH))
}

// layoutVerdict draws a claim's verdict beside its status badge, from x:
// outlined in ink where the status is filled in colour, and cut to the
// card's width.
func (r *cardRenderer) layoutVerdict(size fyne.Size, x float32, label string, lit bool) {
	c := r.c
	c.verdict.Hidden, c.verdictText.Hidden = label == "", label == ""
	if label == "" {
		return
	}
	z := c.board.zoom
	t := c.verdictText
	t.TextSize = c.badgeText.TextSize
	// Widths are measured once, at the small text size, and scaled: a
	// frame measures no text anew.
	k := t.TextSize / cardSmallSize * 1.02
	room := size.Width - x - cardPad*z - 12*z
	t.Text = label
	tw := c.board.words.width(label, cardSmallSize, t.TextStyle) * k
	if tw > room {
		t.Text = c.board.words.ellipsize(label, room/k, cardSmallSize, t.TextStyle)
		tw = c.board.words.width(t.Text, cardSmallSize, t.TextStyle) * k
	}
	if tw > room || t.Text == "…" {
		c.verdict.Hidden, c.verdictText.Hidden = true, true
		return
	}
	bs := fyne.NewSize(tw, c.badge.Size().Height-4*z)
	pad := cardPad * z
	t.Color = fade(inkColor(), lit)
	c.verdict.FillColor = color.Transparent
	c.verdict.StrokeColor = fade(inkColor(), lit)
	c.verdict.StrokeWidth = max(1, 1.2*z)
	c.verdict.CornerRadius = 4 * z
	c.verdict.Move(fyne.NewPos(x, pad))
	c.verdict.Resize(fyne.NewSize(bs.Width+12*z, bs.Height+4*z))
	t.Move(fyne.NewPos(x+6*z, pad+2*z))
}

// gradeRoom is the width, in board units, a grade takes from the footer.
func (r *cardRenderer) gradeRoom(grade string) float32 {
	if grade == "" {
		return 0
	}
	return r.c.board.words.width(grade, cardSmallSize, fyne.TextStyle{Bold: true}) + 14
}

// layoutGrade draws the card's grade at the right end of its footer row.
func (r *cardRenderer) layoutGrade(size fyne.Size, pad, footH float32, ct content, lit bool) {
	c := r.c
	c.grade.Hidden, c.gradeText.Hidden = ct.grade == "", ct.grade == ""
	if ct.grade == "" {
		return
	}
	z := c.board.zoom
	t := c.gradeText
	t.Text, t.TextSize = ct.grade, cardSmallSize*z
	t.Color = fade(paperColor(ct.kind), lit)
	w := c.board.words.width(ct.grade, cardSmallSize, t.TextStyle)*z + 8*z
	x, y := size.Width-pad-w, size.Height-pad-footH
	c.grade.FillColor = fade(mutedInkColor(), lit)
	c.grade.CornerRadius = 3 * z
	c.grade.Move(fyne.NewPos(x, y-1*z))
	c.grade.Resize(fyne.NewSize(w, footH+2*z))
	t.Move(fyne.NewPos(x+4*z, y))
}

// readableText is the smallest text, in pixels, a card draws: below the
// zoom at which its body text would be smaller, the card shows only what
// identifies it (a claim's status word and first words, a party's name, a
// source's title, a quote's first words) at this size, in as many lines
// as fit, and leaves out its footer.
const readableText = 11

// overview reports whether cards drawn at zoom z show only what
// identifies them.
func overview(z float32) bool { return cardTextSize*z < readableText }

func (r *cardRenderer) layoutOverview(size fyne.Size, left, top float32, style fyne.TextStyle, ct content, lit bool) {
	c := r.c
	z := c.board.zoom
	if ct.kind == app.KindClaim || ct.kind == app.KindParty || ct.kind == app.KindSource {
		style.Bold = true
	}
	lineH := fyne.MeasureText("Mg", readableText, style).Height
	// Small cards keep the least padding, so that a name still fits.
	if ct.badge == "" {
		top = min(top, max(2, (size.Height-lineH)/2))
	}
	rows := int((size.Height - top - 1) / max(lineH, 1))
	// A quote keeps its last row for who said it: attribution is the
	// point of a quote, at every zoom that shows its words.
	who := ""
	if ct.who != "" && rows >= 2 {
		who = ct.who
		rows--
	}
	var lines []string
	// Wrapped in board units at the size that draws readableText pixels,
	// with the zoom in steps so that a zoom gesture reuses the wraps.
	step := float32(math.Max(0.05, math.Round(float64(z)*20)/20))
	if rows > 0 {
		lines = c.board.wrappedAt(c.id, ct.text, style, min(rows, maxCardLines), readableText/step)
	}
	c.footer.Hidden = who == ""
	if who != "" {
		// In the regular face, muted: an italic one is one more font to
		// load on the first frame (see content).
		cut := c.board.wrappedAt(c.id, who, fyne.TextStyle{}, 1, readableText/step)
		if len(cut) > 0 {
			c.footer.Text = cut[0]
		}
		c.footer.TextSize, c.footer.Color = readableText, fade(mutedInkColor(), lit)
		c.footer.Move(fyne.NewPos(left, top+float32(min(len(lines), rows))*lineH))
	}
	for i, l := range c.lines {
		l.Hidden = i >= len(lines)
		if l.Hidden {
			continue
		}
		l.Text, l.TextStyle, l.TextSize, l.Color = lines[i], style, readableText, fade(inkColor(), lit)
		l.Move(fyne.NewPos(left, top+float32(i)*lineH))
	}
}

func selectionColor() color.Color { return color.NRGBA{R: 0x1e, G: 0x88, B: 0xe5, A: 0xff} }
