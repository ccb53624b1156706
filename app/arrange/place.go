package arrange

import (
	"math"
	"sort"

	"evidenceboard/app"
)

// Place returns where the card of the item id (already in doc) goes: the
// free space nearest to what it is tied to among the cards doc.Layout
// places (the cards it has links with, a quote's speaker and source, a
// party's or source's quotes), a supporting quote left of its claim and a
// denying or contradicting one right of it; with nothing placed to tie
// it to, right of the placed cards, at their top. The card keeps CellGap
// (less a unit, for rounding to whole units) clear of every placed card. Cards doc.Layout does not place are not
// looked at: place several new cards one by one, each added to doc.Layout.
func Place(doc *app.Document, sizes map[app.Kind]Size, id string) app.Position {
	g := newGraph(doc, sizes)
	v, ok := g.index[id]
	if !ok {
		return app.Position{Item: id}
	}
	placed := placedBoxes(g, doc.Layout)
	delete(placed, v)
	sz := g.size[v]
	// Where it is drawn to.
	sx, sy, sw := 0.0, 0.0, 0.0
	pull := func(o int, dx, w float64) {
		if b, ok := placed[o]; ok {
			sx, sy, sw = sx+w*(b.cx()+dx), sy+w*b.cy(), sw+w
		}
	}
	for _, e := range g.adj[v] {
		ed := g.edges[e]
		o := ed.a + ed.b - v
		dx := 0.0
		if ed.side != 0 {
			// The quote ed.a sits to the side of the claim ed.b.
			dx = float64(ed.side) * ((g.size[ed.a].Width+g.size[ed.b].Width)/2 + CellGap)
			if v == ed.b {
				dx = -dx
			}
		}
		pull(o, dx, 1)
	}
	for _, e := range g.softAdj[v] {
		ed := g.soft[e]
		pull(ed.a+ed.b-v, 0, ed.mult)
	}
	var tx, ty float64
	switch {
	case sw > 0:
		tx, ty = sx/sw, sy/sw
	case len(placed) > 0:
		bs := make([]box, 0, len(placed))
		for _, b := range placed {
			bs = append(bs, b)
		}
		_, y0, x1, _ := bounds(bs)
		tx, ty = x1+CellGap+sz.Width/2, y0+sz.Height/2
	default:
		tx, ty = sz.Width/2, sz.Height/2
	}
	obstacles := newHash()
	for o, b := range placed {
		obstacles.add(o, b)
	}
	b := obstacles.freeNear(tx, ty, sz, placed)
	return app.Position{Item: id, X: b.x, Y: b.y}
}

// Separate returns positions with every card that lies on another card
// moved clear of it, to the free space nearest to where it was, CellGap
// (less a unit) from every card: of two cards on each other, the one later in positions
// moves. Cards on no other card stay where they are; positions of items
// doc does not have, or that are not finite, are returned as they are.
// The result has the positions in the order given.
func Separate(doc *app.Document, positions []app.Position, sizes map[app.Kind]Size) []app.Position {
	g := newGraph(doc, sizes)
	out := append([]app.Position(nil), positions...)
	type card struct {
		at int // index in positions
		v  int
		b  box
	}
	var cards []card
	seen := map[int]bool{}
	for i, p := range positions {
		v, ok := g.index[p.Item]
		if !ok || seen[v] || !finite(p.X) || !finite(p.Y) {
			continue
		}
		seen[v] = true
		cards = append(cards, card{i, v, box{p.X, p.Y, g.size[v].Width, g.size[v].Height}})
	}
	// Which move: those on a card before them that stays.
	stay := newHash()
	var movers []card
	for _, c := range cards {
		if stay.hits(c.b, 0) {
			movers = append(movers, c)
			continue
		}
		stay.add(c.v, c.b)
	}
	placed := map[int]box{}
	for _, c := range cards {
		placed[c.v] = c.b
	}
	for _, c := range movers {
		delete(placed, c.v)
	}
	for _, c := range movers {
		b := stay.freeNear(c.b.cx(), c.b.cy(), Size{c.b.w, c.b.h}, placed)
		stay.add(c.v, b)
		placed[c.v] = b
		out[c.at].X, out[c.at].Y = b.x, b.y
	}
	return out
}

// placedBoxes returns the box of every card that layout places (its first
// finite position), by card.
func placedBoxes(g *graph, layout []app.Position) map[int]box {
	out := map[int]box{}
	for _, p := range layout {
		v, ok := g.index[p.Item]
		if !ok || !finite(p.X) || !finite(p.Y) {
			continue
		}
		if _, dup := out[v]; !dup {
			out[v] = box{p.X, p.Y, g.size[v].Width, g.size[v].Height}
		}
	}
	return out
}

// hash finds boxes by the squares of hashCell units they cover.
type hash struct {
	cells map[[2]int][]int
	boxes map[int]box
}

const hashCell = 512

func newHash() *hash { return &hash{cells: map[[2]int][]int{}, boxes: map[int]box{}} }

func (h *hash) span(b box) (int, int, int, int) {
	return int(math.Floor(b.x / hashCell)), int(math.Floor(b.y / hashCell)),
		int(math.Floor((b.x + b.w) / hashCell)), int(math.Floor((b.y + b.h) / hashCell))
}

func (h *hash) add(v int, b box) {
	h.boxes[v] = b
	x0, y0, x1, y1 := h.span(b)
	for x := x0; x <= x1; x++ {
		for y := y0; y <= y1; y++ {
			h.cells[[2]int{x, y}] = append(h.cells[[2]int{x, y}], v)
		}
	}
}

// hits reports whether b, grown by gap on every side, shares area with a
// box of h.
func (h *hash) hits(b box, gap float64) bool {
	g := box{b.x - gap, b.y - gap, b.w + 2*gap, b.h + 2*gap}
	x0, y0, x1, y1 := h.span(g)
	if (x1-x0+1)*(y1-y0+1) > 4*len(h.boxes)+16 {
		for _, o := range h.boxes {
			if overlap(g, o) {
				return true
			}
		}
		return false
	}
	for x := x0; x <= x1; x++ {
		for y := y0; y <= y1; y++ {
			for _, v := range h.cells[[2]int{x, y}] {
				if overlap(g, h.boxes[v]) {
					return true
				}
			}
		}
	}
	return false
}

// freeNear returns the box of size sz nearest to having its centre at
// (cx, cy) that keeps CellGap clear of every box of h: there, or beside
// one of the boxes of near, touching its side at the gap, level with its
// edge or its middle. Beyond the outermost box there is always room, so
// there is always an answer. Corners are whole units.
func (h *hash) freeNear(cx, cy float64, sz Size, near map[int]box) box {
	type cand struct {
		b box
		d float64
	}
	var cands []cand
	add := func(x, y float64) {
		x, y = math.Round(x), math.Round(y)
		b := box{x, y, sz.Width, sz.Height}
		cands = append(cands, cand{b, math.Hypot(b.cx()-cx, b.cy()-cy)})
	}
	add(cx-sz.Width/2, cy-sz.Height/2)
	keys := make([]int, 0, len(near))
	for v := range near {
		keys = append(keys, v)
	}
	sort.Ints(keys)
	const gap = CellGap
	for _, v := range keys {
		o := near[v]
		// Right, left, below, above; level with the top or left edge, the
		// middle, the bottom or right edge, and the target.
		for _, y := range []float64{o.y, o.cy() - sz.Height/2, o.y + o.h - sz.Height, cy - sz.Height/2} {
			add(o.x+o.w+gap, y)
			add(o.x-gap-sz.Width, y)
		}
		for _, x := range []float64{o.x, o.cx() - sz.Width/2, o.x + o.w - sz.Width, cx - sz.Width/2} {
			add(x, o.y+o.h+gap)
			add(x, o.y-gap-sz.Height)
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].d != cands[j].d {
			return cands[i].d < cands[j].d
		}
		if cands[i].b.y != cands[j].b.y {
			return cands[i].b.y < cands[j].b.y
		}
		return cands[i].b.x < cands[j].b.x
	})
	// Rounding may bring a candidate a unit into the gap: keep a unit more.
	for _, c := range cands {
		if !h.hits(c.b, gap-1) {
			return c.b
		}
	}
	// Not reached: right of everything is free.
	x1, y0 := math.Inf(-1), math.Inf(1)
	for _, o := range h.boxes {
		x1, y0 = max(x1, o.x+o.w), min(y0, o.y)
	}
	return box{math.Ceil(x1 + gap), math.Round(y0), sz.Width, sz.Height}
}
