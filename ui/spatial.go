package ui

import (
	"sort"

	"fyne.io/fyne/v2"

	"evidenceboard/app"
)

// gridCell is the side of a cell of the spatial index, in board units:
// about one card, so a query touches few cells and few cards per cell.
const gridCell = 320

type cellKey struct{ x, y int }

// spatialGrid finds the cards in a rectangle at a cost that follows the
// cards found, not the cards on the board.
type spatialGrid struct {
	m     *boardModel
	cells map[cellKey][]string
	order map[string]int // draw order: later cards on top
}

func newSpatialGrid(m *boardModel) *spatialGrid {
	g := &spatialGrid{m: m, cells: map[cellKey][]string{}, order: map[string]int{}}
	n := 0
	for _, ids := range [][]string{m.idsOf(app.KindSource), m.idsOf(app.KindParty), m.idsOf(app.KindClaim), m.idsOf(app.KindQuote)} {
		for _, id := range ids {
			g.order[id] = n
			n++
			g.add(id)
		}
	}
	return g
}

func cellRange(p fyne.Position, s fyne.Size) (x0, y0, x1, y1 int) {
	return floorDiv(p.X), floorDiv(p.Y), floorDiv(p.X + s.Width), floorDiv(p.Y + s.Height)
}

func floorDiv(v float32) int {
	c := int(v / gridCell)
	if v < 0 && float32(c)*gridCell != v {
		c--
	}
	return c
}

func (g *spatialGrid) add(id string) {
	p, s := g.m.rect(id)
	x0, y0, x1, y1 := cellRange(p, s)
	for x := x0; x <= x1; x++ {
		for y := y0; y <= y1; y++ {
			k := cellKey{x, y}
			g.cells[k] = append(g.cells[k], id)
		}
	}
}

func (g *spatialGrid) remove(id string) {
	p, s := g.m.rect(id)
	x0, y0, x1, y1 := cellRange(p, s)
	for x := x0; x <= x1; x++ {
		for y := y0; y <= y1; y++ {
			k := cellKey{x, y}
			ids := g.cells[k]
			for i, v := range ids {
				if v == id {
					g.cells[k] = append(ids[:i], ids[i+1:]...)
					break
				}
			}
		}
	}
}

// query returns the cards that overlap the rectangle, in draw order.
func (g *spatialGrid) query(p fyne.Position, s fyne.Size) []string {
	x0, y0, x1, y1 := cellRange(p, s)
	seen := map[string]bool{}
	var out []string
	for x := x0; x <= x1; x++ {
		for y := y0; y <= y1; y++ {
			for _, id := range g.cells[cellKey{x, y}] {
				if seen[id] {
					continue
				}
				seen[id] = true
				cp, cs := g.m.rect(id)
				if cp.X < p.X+s.Width && cp.X+cs.Width > p.X && cp.Y < p.Y+s.Height && cp.Y+cs.Height > p.Y {
					out = append(out, id)
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return g.order[out[i]] < g.order[out[j]] })
	return out
}
