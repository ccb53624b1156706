package ui

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"evidenceboard/app"
)

// Zoomed far out (Fit Board on a big story), cards are too small for a
// line of readable type and would be blank boxes. Over them the board
// writes names instead, at readableText, in as many labels as fit clear
// of each other: parties first, the most tied first (the hubs a story
// turns on), then sources, then claims by their first words; quotes keep
// only their colour. Each label sits on its card, on a pill of the
// board's paper, so it reads over the strings.

// tinyCardHeight is the card height on screen, in pixels, below which a
// card shows no words of its own and may get a label.
const tinyCardHeight = 24

// maxTinyLabels bounds the labels of one frame: enough to name the
// story's hubs, few enough to read.
const maxTinyLabels = 60

type tinyLabel struct {
	pill *canvas.Rectangle
	text *canvas.Text
}

// tinyLabelText is what a label says of id: a name or title, or a
// claim's first words, clipped.
func tinyLabelText(m *boardModel, id string) string {
	return app.ClipWords(m.label(id), 22)
}

// layoutTinyLabels places the labels for the cards in view (ids) and
// returns them, pill then text, to be drawn over the cards.
func (r *boardRenderer) layoutTinyLabels(ids []string) []fyne.CanvasObject {
	b := r.b
	// Each candidate's order worked out once: the selected card first,
	// then parties, sources and claims, the most tied first.
	type cand struct {
		id         string
		rank, ties int
	}
	var order []cand
	for _, id := range ids {
		k := b.model.kind[id]
		if k == app.KindQuote || cardSizes[k].Height*b.zoom >= tinyCardHeight {
			continue
		}
		c := cand{id: id, rank: 3, ties: len(b.model.linksOf[id])}
		switch {
		case id == b.selected:
			c.rank = 0
		case k == app.KindParty:
			c.rank = 1
		case k == app.KindSource:
			c.rank = 2
		}
		order = append(order, c)
	}
	sort.SliceStable(order, func(i, j int) bool {
		if order[i].rank != order[j].rank {
			return order[i].rank < order[j].rank
		}
		return order[i].ties > order[j].ties
	})
	style := fyne.TextStyle{Bold: true}
	h := float32(readableText) + 6
	var placed [][4]float32
	n := 0
	for _, c := range order {
		id := c.id
		if n == maxTinyLabels {
			break
		}
		text := tinyLabelText(b.model, id)
		if text == "" {
			continue
		}
		w := b.words.width(text, readableText, style) + 10
		p, s := b.model.rect(id)
		mid := b.toScreen(fyne.NewPos(p.X+s.Width/2, p.Y+s.Height/2))
		// Kept on the board: a label is not drawn over the side panels.
		size := b.Size()
		rect := [4]float32{min(max(mid.X-w/2, 2), size.Width-w-2), mid.Y - h/2, w, h}
		if rect[0] < 0 || rect[1] < 0 || rect[1]+h > size.Height {
			continue
		}
		if overlapsAny(rect, placed) {
			continue
		}
		placed = append(placed, rect)
		for len(r.tiny) <= n {
			r.tiny = append(r.tiny, &tinyLabel{pill: &canvas.Rectangle{CornerRadius: 4}, text: &canvas.Text{TextStyle: style}})
		}
		l := r.tiny[n]
		lit := b.lit.lit(id)
		l.pill.FillColor = fade(paperColor(b.model.kind[id]), lit)
		edge := kindColor(b.model.kind[id])
		if cl := b.model.claims[id]; cl != nil {
			edge = statusColor(b.past.statusOf(cl)) // a claim's label is edged in its status's colour
		}
		l.pill.StrokeColor, l.pill.StrokeWidth = fade(edge, lit), 1.5
		if id == b.selected {
			l.pill.StrokeColor, l.pill.StrokeWidth = selectionColor(), 2
		}
		l.pill.Move(fyne.NewPos(rect[0], rect[1]))
		l.pill.Resize(fyne.NewSize(w, h))
		l.text.Text, l.text.TextSize, l.text.Color = text, readableText, fade(inkColor(), lit)
		l.text.Move(fyne.NewPos(rect[0]+5, rect[1]+2))
		l.pill.Show()
		l.text.Show()
		l.pill.Refresh()
		l.text.Refresh()
		n++
	}
	out := make([]fyne.CanvasObject, 0, 2*len(r.tiny))
	for i, l := range r.tiny {
		if i >= n {
			l.pill.Hide()
			l.text.Hide()
		}
		out = append(out, l.pill, l.text)
	}
	return out
}

// overlapsAny reports whether rect (x, y, w, h) meets any of placed.
func overlapsAny(rect [4]float32, placed [][4]float32) bool {
	for _, o := range placed {
		if rect[0] < o[0]+o[2] && o[0] < rect[0]+rect[2] && rect[1] < o[1]+o[3] && o[1] < rect[1]+rect[3] {
			return true
		}
	}
	return false
}
