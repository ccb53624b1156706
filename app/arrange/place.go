package arrange

import (
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
	for _, b := range placed {
		obstacles.add(b)
	}
	b := obstacles.freeNear(tx, ty, sz)
	return app.Position{Item: id, X: b.x, Y: b.y}
}

// Separate returns positions with every card that lies on another card
// moved clear of it, to the free space nearest to where it was, CellGap
// (less a unit) from every card: of two cards on each other, the one later in positions
// moves. Cards on no other card stay where they are; positions of items
// doc does not have, or that are not finite, are returned as they are.
// The result has the positions in the order given.
func Separate(doc *app.Document, positions []app.Position, sizes map[app.Kind]Size) []app.Position {
	// Only the cards and their sizes matter here, not the links.
	size := map[string]Size{}
	for _, c := range cardIDs(doc) {
		if _, dup := size[c.id]; !dup {
			size[c.id] = sizes[c.kind]
		}
	}
	out := append([]app.Position(nil), positions...)
	type card struct {
		at int // index in positions
		b  box
	}
	var cards []card
	seen := map[string]bool{}
	for i, p := range positions {
		sz, ok := size[p.Item]
		if !ok || seen[p.Item] || !finite(p.X) || !finite(p.Y) {
			continue
		}
		seen[p.Item] = true
		cards = append(cards, card{i, box{p.X, p.Y, sz.Width, sz.Height}})
	}
	// Which move: those on a card before them that stays.
	stay := newHash()
	var movers []card
	for _, c := range cards {
		if stay.hits(c.b, 0) {
			movers = append(movers, c)
			continue
		}
		stay.add(c.b)
	}
	for _, c := range movers {
		b := stay.freeNear(c.b.cx(), c.b.cy(), Size{c.b.w, c.b.h})
		stay.add(b)
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
