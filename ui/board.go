package ui

import (
	"fmt"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/app"
)

const (
	minZoom = 0.1
	maxZoom = 3
)

// boardCanvas is the corkboard: it draws the cards and strings in view,
// pans with a drag of the background or the wheel, and zooms with
// Ctrl+wheel. Drawing costs what is on screen: a spatial index finds the
// cards in view, and a pool of card and string objects is rebound to them.
type boardCanvas struct {
	widget.BaseWidget
	model *boardModel

	offset   fyne.Position // board point at the view's top-left corner
	zoom     float32
	selected string

	// onSelect reports a card chosen on the board ("" for none).
	onSelect func(id string)
	// onMove reports a card dropped at a new place, to be saved.
	onMove func(id string, p fyne.Position)
	// onOpen reports a card double-tapped.
	onOpen func(id string)

	wrapCache map[string][]string
	footers   map[footerKey]string
	// attributed holds, for the selected party or source, the quotes it
	// said or that come from it; worked out once per selection, and
	// again after an edit (edited).
	attributed *attribution
	words      wordWidths
	renderer   *boardRenderer
	dragFrom   fyne.Position // where the card being dragged started
	dragging   bool
	// autoFit keeps the whole board in view as the view changes size,
	// until the user pans or zooms.
	autoFit bool
	fitSize fyne.Size
	// fitFloor is the smallest zoom fit goes to: a board opens readable,
	// and Fit Board (which sets it to minZoom) shows it all.
	fitFloor float32

	// filter holds the navigator's matches, nil when it shows everything;
	// hiddenRel the relations the legend hides (focus.go).
	filter    map[string]bool
	hiddenRel map[app.Relation]bool
	lit       focusState // worked out at each layout
	// past is the board as of a moment the timeline rewound it to, nil
	// for the board now; while it is set, cards cannot be moved.
	past *pastBoard
}

func newBoardCanvas() *boardCanvas {
	b := &boardCanvas{zoom: 1, wrapCache: map[string][]string{}, footers: map[footerKey]string{}, words: wordWidths{}, fitFloor: 0.55,
		hiddenRel: map[app.Relation]bool{}}
	b.ExtendBaseWidget(b)
	return b
}

// setModel shows a board; the view stays where it was unless reset.
func (b *boardCanvas) setModel(m *boardModel, reset bool) {
	b.model = m
	b.wrapCache, b.footers, b.attributed = map[string][]string{}, map[footerKey]string{}, nil
	if m.kind[b.selected] == "" {
		b.selected = ""
	}
	if reset {
		b.autoFit = true
		b.fit()
	}
	b.Refresh()
}

func (b *boardCanvas) CreateRenderer() fyne.WidgetRenderer {
	r := &boardRenderer{b: b, bg: canvas.NewRectangle(corkColor())}
	b.renderer = r
	return r
}

// MinSize lets the board shrink to nothing: it is a view, not content.
func (b *boardCanvas) MinSize() fyne.Size { return fyne.NewSize(100, 100) }

// wrapped returns the item's text broken into card lines, cached per item
// and text: panning rebinds cards, and wrapping is the costly part.
func (b *boardCanvas) wrapped(id, text string, style fyne.TextStyle, maxLines int) []string {
	return b.wrappedAt(id, text, style, maxLines, cardTextSize)
}

// wrappedAt is wrapped for text of size board units, which overview cards
// draw larger than the body text to keep it readable.
func (b *boardCanvas) wrappedAt(id, text string, style fyne.TextStyle, maxLines int, size float32) []string {
	key := fmt.Sprintf("%s\x00%d\x00%v\x00%g\x00%s", id, maxLines, style, size, text)
	if l, ok := b.wrapCache[key]; ok {
		return l
	}
	// A margin, as text drawn at other zooms is not exactly to scale.
	w := (cardSizes[b.model.kind[id]].Width - 2*cardPad - 4) * 0.94
	l := b.words.wrapText(text, w, size, style, maxLines)
	b.wrapCache[key] = l
	return l
}

// footerKey is what a cut footer depends on.
type footerKey struct {
	kind   app.Kind
	less   float32
	footer string
}

// footerText returns a card's footer cut to fit its card, cached: many
// cards share a footer (the same speaker and source).
// A badge at the footer's right end takes less board units from it.
func (b *boardCanvas) footerText(k app.Kind, footer string, less float32) string {
	key := footerKey{k, less, footer} // no string built: this runs for every card drawn
	if t, ok := b.footers[key]; ok {
		return t
	}
	// A margin, as text drawn at other zooms is not exactly to scale.
	room := (cardSizes[k].Width - 2*cardPad - 4 - less) * 0.94
	t := footer
	if b.words.measure(footer, cardSmallSize, fyne.TextStyle{}) > room {
		t = b.words.ellipsize(footer, room, cardSmallSize, fyne.TextStyle{})
	}
	b.footers[key] = t
	return t
}

// toScreen converts a board point to a point in the widget.
func (b *boardCanvas) toScreen(p fyne.Position) fyne.Position {
	return fyne.NewPos((p.X-b.offset.X)*b.zoom, (p.Y-b.offset.Y)*b.zoom)
}

// toBoard converts a point in the widget to a board point.
func (b *boardCanvas) toBoard(p fyne.Position) fyne.Position {
	return fyne.NewPos(p.X/b.zoom+b.offset.X, p.Y/b.zoom+b.offset.Y)
}

// Tapped on the background clears the selection.
func (b *boardCanvas) Tapped(*fyne.PointEvent) { b.selectItem("", false) }

// Dragged on the background pans.
func (b *boardCanvas) Dragged(ev *fyne.DragEvent) {
	b.panBy(fyne.NewDelta(-ev.Dragged.DX, -ev.Dragged.DY))
}

func (b *boardCanvas) DragEnd() {}

// Scrolled pans, or zooms about the pointer with Ctrl held.
func (b *boardCanvas) Scrolled(ev *fyne.ScrollEvent) {
	if ctrlHeld() {
		f := float32(math.Pow(1.0015, float64(ev.Scrolled.DY)))
		b.zoomAbout(b.zoom*f, ev.Position)
		return
	}
	b.panBy(fyne.NewDelta(-ev.Scrolled.DX, -ev.Scrolled.DY))
}

func ctrlHeld() bool {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0
	}
	return false
}

// panBy moves the view by d screen pixels.
func (b *boardCanvas) panBy(d fyne.Delta) {
	b.autoFit = false
	b.offset = b.offset.Add(fyne.NewDelta(d.DX/b.zoom, d.DY/b.zoom))
	b.relayout()
}

// zoomAbout sets the zoom, keeping the board point under p where it is.
func (b *boardCanvas) zoomAbout(z float32, p fyne.Position) {
	b.autoFit = false
	z = min(max(z, minZoom), maxZoom)
	at := b.toBoard(p)
	b.zoom = z
	b.offset = fyne.NewPos(at.X-p.X/z, at.Y-p.Y/z)
	b.relayout()
}

// zoomBy zooms about the view's centre.
func (b *boardCanvas) zoomBy(f float32) {
	s := b.Size()
	b.zoomAbout(b.zoom*f, fyne.NewPos(s.Width/2, s.Height/2))
}

// fit zooms and pans so that the whole board is in view, if it can be
// read there (see fitFloor).
func (b *boardCanvas) fit() { b.fitTo(b.Size()) }

// fitAll shows the whole board, however small it must be drawn.
func (b *boardCanvas) fitAll() {
	b.fitFloor = minZoom
	b.fit()
	b.fitFloor = 0.55
}

func (b *boardCanvas) fitTo(s fyne.Size) {
	b.fitSize = s
	if b.model == nil || len(b.model.pos) == 0 {
		b.offset, b.zoom = fyne.NewPos(-40, -40), 1
		if b.renderer != nil {
			b.renderer.Layout(s)
		}
		return
	}
	lo, hi := b.model.bounds()
	if s.Width < 200 || s.Height < 200 {
		s = fyne.NewSize(1000, 700)
	}
	const margin = 40
	z := min((s.Width-2*margin)/(hi.X-lo.X), (s.Height-2*margin)/(hi.Y-lo.Y))
	b.zoom = min(max(z, b.fitFloor), 1.5)
	b.offset = fyne.NewPos(lo.X-(s.Width/b.zoom-(hi.X-lo.X))/2, lo.Y-(s.Height/b.zoom-(hi.Y-lo.Y))/2)
	if b.zoom > z { // too big to fit readably: start at its heart, the card nearest its centre
		mid := fyne.NewPos((lo.X+hi.X)/2, (lo.Y+hi.Y)/2)
		best, bestD := mid, float32(math.Inf(1))
		for _, k := range app.Kinds { // in board order, so that ties go the same way each time
			for _, id := range b.model.ids[k] {
				p, cs := b.model.rect(id)
				c := fyne.NewPos(p.X+cs.Width/2, p.Y+cs.Height/2)
				if d := (c.X-mid.X)*(c.X-mid.X) + (c.Y-mid.Y)*(c.Y-mid.Y); d < bestD {
					best, bestD = c, d
				}
			}
		}
		b.offset = fyne.NewPos(best.X-s.Width/b.zoom/2, best.Y-s.Height/b.zoom/2)
	}
	b.fitSize = s
	if b.renderer != nil {
		b.renderer.Layout(s)
	}
}

// reveal brings a card into view, centring it if it is not wholly shown.
func (b *boardCanvas) reveal(id string) {
	p, s := b.model.rect(id)
	view := b.Size()
	tl, br := b.toScreen(p), b.toScreen(p.Add(s))
	if tl.X >= 0 && tl.Y >= 0 && br.X <= view.Width && br.Y <= view.Height {
		return
	}
	b.offset = fyne.NewPos(p.X+s.Width/2-view.Width/b.zoom/2, p.Y+s.Height/2-view.Height/b.zoom/2)
	b.autoFit = false
	b.relayout()
}

// selectItem marks a card as selected and tells the window, unless quiet.
func (b *boardCanvas) selectItem(id string, quiet bool) {
	if b.selected == id {
		return
	}
	b.selected = id
	b.relayout()
	if !quiet && b.onSelect != nil {
		b.onSelect(id)
	}
}

func (b *boardCanvas) dragCard(id string, d fyne.Delta) {
	if b.past != nil {
		return
	}
	if !b.dragging {
		b.dragging, b.dragFrom, b.autoFit = true, b.model.pos[id], false
		b.selectItem(id, false)
	}
	b.model.moveCard(id, b.model.pos[id].Add(fyne.NewDelta(d.DX/b.zoom, d.DY/b.zoom)))
	b.relayout()
}

func (b *boardCanvas) dropCard(id string) {
	if !b.dragging {
		return
	}
	b.dragging = false
	p := b.model.pos[id]
	p = fyne.NewPos(float32(math.Round(float64(p.X))), float32(math.Round(float64(p.Y))))
	b.model.moveCard(id, p)
	if p != b.dragFrom && b.onMove != nil {
		b.onMove(id, p)
	}
}

// edited forgets what the board worked out from the items, which an edit
// may have changed (who said what), and redraws. A pan or zoom calls
// relayout alone: it changes no item.
func (b *boardCanvas) edited() {
	b.attributed = nil
	b.relayout()
}

// relayout redraws the view after a pan, zoom, move or selection.
func (b *boardCanvas) relayout() {
	if b.renderer != nil {
		b.renderer.Layout(b.Size())
	}
}

// boardRenderer draws what is in view.
type boardRenderer struct {
	b       *boardCanvas
	bg      *canvas.Rectangle
	cards   []*cardView
	strings []*linkString
	byID    map[string]*cardView // the card showing each item in view
	objects []fyne.CanvasObject
	shown   int          // cards in view at the last layout
	tiny    []*tinyLabel // the labels over cards too small for words (tinylabels.go)
}

// linkString is one link drawn as a string with its relation's label.
type linkString struct {
	line  *canvas.Line
	label *canvas.Text
	// head is the arrowhead where the string meets the card it points to.
	head [2]*canvas.Line
}

func (r *boardRenderer) Destroy()                     {}
func (r *boardRenderer) MinSize() fyne.Size           { return r.b.MinSize() }
func (r *boardRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *boardRenderer) Refresh() {
	r.bg.FillColor = corkColor()
	r.Layout(r.b.Size())
	canvas.Refresh(r.bg)
	for _, c := range r.byID {
		c.Refresh()
	}
}

// visible returns the ids of the cards in view, with a margin so that a
// card sliding in is already bound.
func (r *boardRenderer) visible(size fyne.Size) []string {
	b := r.b
	if b.model == nil {
		return nil
	}
	const margin = 20
	origin := b.toBoard(fyne.NewPos(-margin, -margin))
	return b.model.grid.query(origin, fyne.NewSize((size.Width+2*margin)/b.zoom, (size.Height+2*margin)/b.zoom))
}

func (r *boardRenderer) Layout(size fyne.Size) {
	b := r.b
	if b.autoFit && size != b.fitSize && size.Width > 200 && size.Height > 200 {
		b.fitTo(size) // lays out again, at the new size
		return
	}
	r.bg.Resize(size)
	b.lit = b.focus()
	ids := r.visible(size)
	for i, id := range ids { // the selected card is drawn on top
		if id == b.selected {
			ids = append(append(ids[:i:i], ids[i+1:]...), id)
			break
		}
	}
	// A card stays bound to its item while the item is in view: a drag
	// goes on reaching the card it started on.
	next := make(map[string]*cardView, len(ids))
	for _, id := range ids {
		if c := r.byID[id]; c != nil {
			next[id] = c
		}
	}
	var free []*cardView
	for _, c := range r.cards {
		if next[c.id] != c {
			free = append(free, c)
		}
	}
	for _, id := range ids {
		if next[id] != nil {
			continue
		}
		var c *cardView
		if len(free) > 0 {
			c, free = free[0], free[1:]
		} else {
			c = newCardView(b)
			r.cards = append(r.cards, c)
		}
		c.id = id
		next[id] = c
	}
	r.byID = next
	// Strings: every link with an end in view, each once.
	var links []int
	seen := map[int]bool{}
	for _, id := range ids {
		for _, i := range b.model.linksOf[id] {
			if !seen[i] && !b.hiddenRel[b.model.doc.Links[i].Relation] {
				seen[i] = true
				links = append(links, i)
			}
		}
	}
	for len(r.strings) < len(links) {
		r.strings = append(r.strings, &linkString{line: &canvas.Line{}, label: &canvas.Text{Alignment: fyne.TextAlignCenter},
			head: [2]*canvas.Line{{}, {}}})
	}
	for i, li := range links {
		r.layoutString(r.strings[i], b.model.doc.Links[li])
	}
	for _, s := range r.strings[len(links):] {
		s.line.Hidden, s.label.Hidden, s.head[0].Hidden, s.head[1].Hidden = true, true, true, true
	}
	// Draw order: cork, strings, labels, then cards as listed.
	objs := r.objects[:0]
	objs = append(objs, r.bg)
	for _, s := range r.strings {
		objs = append(objs, s.line, s.head[0], s.head[1])
	}
	for _, s := range r.strings {
		objs = append(objs, s.label)
	}
	for _, id := range ids {
		c := next[id]
		p, s := b.model.rect(id)
		c.Move(b.toScreen(p))
		c.Resize(fyne.NewSize(s.Width*b.zoom, s.Height*b.zoom))
		c.Show()
		c.Refresh()
		objs = append(objs, c)
	}
	for _, c := range free {
		c.Hide()
		c.id = ""
		objs = append(objs, c)
	}
	objs = append(objs, r.layoutTinyLabels(ids)...)
	r.objects = objs
	r.shown = len(ids)
	canvas.Refresh(b)
}

func (r *boardRenderer) layoutString(s *linkString, l app.Link) {
	b := r.b
	from, fs := b.model.rect(l.From)
	to, ts := b.model.rect(l.To)
	a := b.toScreen(fyne.NewPos(from.X+fs.Width/2, from.Y+fs.Height/2))
	z := b.toScreen(fyne.NewPos(to.X+ts.Width/2, to.Y+ts.Height/2))
	lit, own := b.lit.litString(l)
	col := relationColor(l.Relation)
	width := max(1.5*b.zoom, 1)
	if own {
		width = max(3*b.zoom, 2)
	}
	s.line.Position1, s.line.Position2 = a, z
	ink := fade(col, lit)
	if l.Relation == app.RelMadeBy && !own {
		// Every claim's made-by string runs to its outlet: many strings
		// to one card. They are drawn soft, a third as strong, so that
		// they do not tangle over the quotes' strings; a selected card's
		// own are drawn full.
		ink = softInk(ink)
		width = 1
	}
	s.line.StrokeColor, s.line.StrokeWidth = ink, width
	s.line.Hidden = false
	s.line.Refresh()
	// The arrowhead sits where the string meets the card it points to.
	k := edgePoint(z, a, ts.Width*b.zoom/2, ts.Height*b.zoom/2)
	arrowHead(s.head, a, k, max(9*b.zoom, 6), ink, width)
	// Labels are drawn for the selected card's own strings only: drawn for
	// every string they pile on each other where strings meet, and the
	// legend gives the colours' words.
	s.label.Hidden = !own
	if !s.label.Hidden {
		s.label.Text, s.label.Color = string(l.Relation), fade(labelInk(col), lit)
		s.label.TextSize = max(11*b.zoom, readableText) // readable at every zoom
		s.label.TextStyle = fyne.TextStyle{Bold: true}
		ls := s.label.MinSize()
		s.label.Move(fyne.NewPos((a.X+z.X)/2-ls.Width/2, (a.Y+z.Y)/2-ls.Height/2))
		s.label.Resize(ls)
		s.label.Refresh()
	}
}

// softInk is c at a third of its strength.
func softInk(c color.Color) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A /= 3
	return n
}

// edgePoint returns where the segment from centre c to p leaves the box of
// half-size (hw, hh) around c.
func edgePoint(c, p fyne.Position, hw, hh float32) fyne.Position {
	dx, dy := p.X-c.X, p.Y-c.Y
	if dx == 0 && dy == 0 {
		return c
	}
	t := float32(math.Inf(1))
	if dx != 0 {
		t = min(t, hw/float32(math.Abs(float64(dx))))
	}
	if dy != 0 {
		t = min(t, hh/float32(math.Abs(float64(dy))))
	}
	t = min(t, 1)
	return fyne.NewPos(c.X+dx*t, c.Y+dy*t)
}

// labelInk keeps a relation's label readable on the cork.
func labelInk(c color.NRGBA) color.Color {
	if isDark() {
		return color.NRGBA{R: min(255, c.R/2+128), G: min(255, c.G/2+128), B: min(255, c.B/2+128), A: 0xff}
	}
	return color.NRGBA{R: c.R / 2, G: c.G / 2, B: c.B / 2, A: 0xff}
}

// arrowHead draws a V pointing at k along the string from a.
func arrowHead(head [2]*canvas.Line, a, k fyne.Position, size float32, col color.Color, width float32) {
	dx, dy := k.X-a.X, k.Y-a.Y
	n := float32(math.Hypot(float64(dx), float64(dy)))
	if n < 1 {
		head[0].Hidden, head[1].Hidden = true, true
		return
	}
	ux, uy := dx/n, dy/n
	for i, side := range []float32{1, -1} {
		h := head[i]
		h.Position1 = k
		h.Position2 = fyne.NewPos(k.X-ux*size-uy*size*0.55*side, k.Y-uy*size+ux*size*0.55*side)
		h.StrokeColor, h.StrokeWidth = col, width
		h.Hidden = false
		h.Refresh()
	}
}
