package arrange

import (
	"encoding/json"
	"fmt"
	"io"
	"math"

	"evidenceboard/app"
)

// Figures are what Measure counts on a board as the JSON Canvas export
// draws it: card boxes, and one straight string per link between the
// centres of the cards at its ends.
type Figures struct {
	Cards, Strings int
	// Crossings counts the pairs of strings that cross (meet at a point
	// inside both) and share no card.
	Crossings int
	// ThroughCards counts the (string, card) pairs where the string's
	// segment meets the card's box and the card is at neither end.
	ThroughCards int
	// Overlaps counts the pairs of cards whose boxes share some area.
	Overlaps int
	// Aspect is the width over the height of the box around every card;
	// 0 for a board with no cards.
	Aspect float64
	// Fill is the cards' area over the area of that box: how much of the
	// board at Fit shows cards rather than space between them.
	Fill float64
}

func (f Figures) String() string {
	return fmt.Sprintf("%d cards, %d strings: %d crossings, %d through cards, %d overlaps, aspect %.2f",
		f.Cards, f.Strings, f.Crossings, f.ThroughCards, f.Overlaps, f.Aspect)
}

// box is a card's rectangle: top-left corner and size.
type box struct{ x, y, w, h float64 }

func (b box) cx() float64 { return b.x + b.w/2 }
func (b box) cy() float64 { return b.y + b.h/2 }

// Placing the cards that have no position, as the JSON Canvas export does
// (report.WriteCanvas): a grid of six columns of 320 × 190 below the placed
// cards, 120 below them, in the order claims, quotes, parties, sources.
const (
	canvasColumns = 6
	canvasCellW   = 320
	canvasCellH   = 190
	canvasGap     = 120
)

// Measure counts the figures of the board doc with its cards at positions
// (top-left corners; the first position of an item counts) and of sizes,
// with the geometry of the JSON Canvas export: coordinates rounded to whole
// units, cards with no position placed in the export's grid, one string
// per link whose ends are both cards.
func Measure(doc *app.Document, positions []app.Position, sizes map[app.Kind]Size) Figures {
	boxes, edges := canvasGeometry(doc, positions, sizes)
	return measure(boxes, edges)
}

// canvasGeometry lays out the card boxes and strings as WriteCanvas does.
func canvasGeometry(doc *app.Document, positions []app.Position, sizes map[app.Kind]Size) ([]box, [][2]int) {
	pos := make(map[string]app.Position, len(positions))
	for _, p := range positions {
		if _, dup := pos[p.Item]; !dup {
			pos[p.Item] = p
		}
	}
	ids := cardIDs(doc)
	boxes := make([]box, len(ids))
	index := make(map[string]int, len(ids))
	var unplaced []int
	minX, maxY, placed := 0.0, 0.0, false
	for i, c := range ids {
		s := sizes[c.kind]
		boxes[i] = box{w: s.Width, h: s.Height}
		if _, dup := index[c.id]; !dup {
			index[c.id] = i
		}
		if p, ok := pos[c.id]; ok && finite(p.X) && finite(p.Y) {
			boxes[i].x, boxes[i].y = clampRound(p.X), clampRound(p.Y)
			if !placed || boxes[i].x < minX {
				minX = boxes[i].x
			}
			if !placed || boxes[i].y+s.Height > maxY {
				maxY = boxes[i].y + s.Height
			}
			placed = true
		} else {
			unplaced = append(unplaced, i)
		}
	}
	top := 0.0
	if placed {
		top = maxY + canvasGap
	}
	for i, ni := range unplaced {
		boxes[ni].x = minX + float64((i%canvasColumns)*canvasCellW)
		boxes[ni].y = top + float64((i/canvasColumns)*canvasCellH)
	}
	var edges [][2]int
	for _, l := range doc.Links {
		a, okA := index[l.From]
		b, okB := index[l.To]
		if okA && okB {
			edges = append(edges, [2]int{a, b})
		}
	}
	return boxes, edges
}

type cardID struct {
	id   string
	kind app.Kind
}

// cardIDs lists the board's cards in the export's order.
func cardIDs(doc *app.Document) []cardID {
	out := make([]cardID, 0, len(doc.Claims)+len(doc.Quotes)+len(doc.Parties)+len(doc.Sources))
	for _, c := range doc.Claims {
		out = append(out, cardID{c.ID, app.KindClaim})
	}
	for _, q := range doc.Quotes {
		out = append(out, cardID{q.ID, app.KindQuote})
	}
	for _, p := range doc.Parties {
		out = append(out, cardID{p.ID, app.KindParty})
	}
	for _, s := range doc.Sources {
		out = append(out, cardID{s.ID, app.KindSource})
	}
	return out
}

// MeasureCanvas counts the figures of a JSON Canvas file as
// report.WriteCanvas writes it: its nodes are the cards, its edges the
// strings.
func MeasureCanvas(r io.Reader) (Figures, error) {
	var c struct {
		Nodes []struct {
			ID            string
			X, Y          float64
			Width, Height float64
		}
		Edges []struct{ FromNode, ToNode string }
	}
	if err := json.NewDecoder(r).Decode(&c); err != nil {
		return Figures{}, err
	}
	boxes := make([]box, len(c.Nodes))
	index := make(map[string]int, len(c.Nodes))
	for i, n := range c.Nodes {
		boxes[i] = box{n.X, n.Y, n.Width, n.Height}
		index[n.ID] = i
	}
	edges := make([][2]int, 0, len(c.Edges))
	for _, e := range c.Edges {
		a, okA := index[e.FromNode]
		b, okB := index[e.ToNode]
		if !okA || !okB {
			return Figures{}, fmt.Errorf("edge %s–%s: no such node", e.FromNode, e.ToNode)
		}
		edges = append(edges, [2]int{a, b})
	}
	return measure(boxes, edges), nil
}

// measure counts the figures of cards and strings between their centres.
func measure(boxes []box, edges [][2]int) Figures {
	f := Figures{Cards: len(boxes), Strings: len(edges)}
	if len(boxes) > 0 {
		x0, y0, x1, y1 := bounds(boxes)
		if y1 > y0 {
			f.Aspect = (x1 - x0) / (y1 - y0)
		}
		area := 0.0
		for _, b := range boxes {
			area += b.w * b.h
		}
		if y1 > y0 && x1 > x0 {
			f.Fill = area / ((x1 - x0) * (y1 - y0))
		}
	}
	for i := range boxes {
		for j := i + 1; j < len(boxes); j++ {
			if overlap(boxes[i], boxes[j]) {
				f.Overlaps++
			}
		}
	}
	segs := make([]seg, len(edges))
	for i, e := range edges {
		a, b := boxes[e[0]], boxes[e[1]]
		segs[i] = newSeg(a.cx(), a.cy(), b.cx(), b.cy())
	}
	for i, s := range segs {
		for j := i + 1; j < len(segs); j++ {
			if shareEnd(edges[i], edges[j]) {
				continue
			}
			if s.crosses(segs[j]) {
				f.Crossings++
			}
		}
		for c, b := range boxes {
			if c != edges[i][0] && c != edges[i][1] && s.meetsBox(b) {
				f.ThroughCards++
			}
		}
	}
	return f
}

func shareEnd(a, b [2]int) bool {
	return a[0] == b[0] || a[0] == b[1] || a[1] == b[0] || a[1] == b[1]
}

func bounds(boxes []box) (x0, y0, x1, y1 float64) {
	x0, y0 = math.Inf(1), math.Inf(1)
	x1, y1 = math.Inf(-1), math.Inf(-1)
	for _, b := range boxes {
		x0, y0 = min(x0, b.x), min(y0, b.y)
		x1, y1 = max(x1, b.x+b.w), max(y1, b.y+b.h)
	}
	return
}

// overlap reports whether two boxes share some area (touching edges do not).
func overlap(a, b box) bool {
	return a.x < b.x+b.w && b.x < a.x+a.w && a.y < b.y+b.h && b.y < a.y+a.h
}

// seg is a segment with its bounding box, for quick rejection.
type seg struct {
	x0, y0, x1, y1         float64
	minX, minY, maxX, maxY float64
}

func newSeg(x0, y0, x1, y1 float64) seg {
	return seg{x0, y0, x1, y1, min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)}
}

func orient(ax, ay, bx, by, cx, cy float64) float64 {
	return (bx-ax)*(cy-ay) - (by-ay)*(cx-ax)
}

func sign(v float64) int {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

// crosses reports whether two segments cross: meet at one point inside
// both. Segments that only touch (an end on the other, or lying along it)
// do not cross: the end touching is a card's centre, and the other string
// is counted as passing through that card.
func (s seg) crosses(t seg) bool {
	if s.maxX < t.minX || t.maxX < s.minX || s.maxY < t.minY || t.maxY < s.minY {
		return false
	}
	d1 := orient(t.x0, t.y0, t.x1, t.y1, s.x0, s.y0)
	d2 := orient(t.x0, t.y0, t.x1, t.y1, s.x1, s.y1)
	d3 := orient(s.x0, s.y0, s.x1, s.y1, t.x0, t.y0)
	d4 := orient(s.x0, s.y0, s.x1, s.y1, t.x1, t.y1)
	return sign(d1)*sign(d2) < 0 && sign(d3)*sign(d4) < 0
}

// meetsBox reports whether the closed segment meets the closed box
// (Liang–Barsky clipping).
func (s seg) meetsBox(b box) bool {
	if s.maxX < b.x || s.minX > b.x+b.w || s.maxY < b.y || s.minY > b.y+b.h {
		return false
	}
	t0, t1 := 0.0, 1.0
	dx, dy := s.x1-s.x0, s.y1-s.y0
	clip := func(p, q float64) bool {
		if p == 0 {
			return q >= 0
		}
		r := q / p
		if p < 0 {
			if r > t1 {
				return false
			}
			t0 = max(t0, r)
		} else {
			if r < t0 {
				return false
			}
			t1 = min(t1, r)
		}
		return true
	}
	return clip(-dx, s.x0-b.x) && clip(dx, b.x+b.w-s.x0) && clip(-dy, s.y0-b.y) && clip(dy, b.y+b.h-s.y0) && t0 <= t1
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// clampRound rounds a coordinate to a whole unit within ±app.MaxCoordinate,
// as the export does.
func clampRound(f float64) float64 {
	return math.Max(-app.MaxCoordinate, math.Min(app.MaxCoordinate, math.Round(f)))
}
