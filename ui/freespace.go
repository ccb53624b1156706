package ui

import (
	"math"

	"fyne.io/fyne/v2"

	"evidenceboard/app"
	"evidenceboard/app/arrange"
)

// cardGap is the least room kept between a new card and the others.
const cardGap = 24

// freeSpot returns the place nearest want where a card of kind k overlaps
// no other card, with cardGap around it, searching outward in rings; new
// cards go into free space next to what they belong with, never on top of
// another card.
// taken are cards about to be made, not yet on the board.
func (m *boardModel) freeSpot(want fyne.Position, k app.Kind, taken ...placedCard) fyne.Position {
	s := cardSizes[k]
	if m.free(want, s, taken) {
		return want
	}
	const step = 40
	for ring := 1; ring <= 60; ring++ {
		best, bestD := fyne.Position{}, math.Inf(1)
		r := float32(ring * step)
		// The ring's points, every step along the square of radius r.
		for i := -ring; i <= ring; i++ {
			d := float32(i * step)
			for _, p := range []fyne.Position{{X: want.X + d, Y: want.Y - r}, {X: want.X + d, Y: want.Y + r}, {X: want.X - r, Y: want.Y + d}, {X: want.X + r, Y: want.Y + d}} {
				if m.free(p, s, taken) {
					if dd := math.Hypot(float64(p.X-want.X), float64(p.Y-want.Y)); dd < bestD {
						best, bestD = p, dd
					}
				}
			}
		}
		if !math.IsInf(bestD, 1) {
			return best
		}
	}
	return want // a board so full there is no room near: overlap rather than fly far away
}

// placedCard is a card's box.
type placedCard struct {
	at   fyne.Position
	size fyne.Size
}

// free reports whether a card at p of size s keeps cardGap from every card
// on the board and in taken.
func (m *boardModel) free(p fyne.Position, s fyne.Size, taken []placedCard) bool {
	tl := fyne.NewPos(p.X-cardGap, p.Y-cardGap)
	big := fyne.NewSize(s.Width+2*cardGap, s.Height+2*cardGap)
	for _, t := range taken {
		if t.at.X < tl.X+big.Width && tl.X < t.at.X+t.size.Width && t.at.Y < tl.Y+big.Height && tl.Y < t.at.Y+t.size.Height {
			return false
		}
	}
	return m.grid == nil || len(m.grid.query(tl, big)) == 0
}

// unstack moves clear, in the model only, each stored card that lies on
// top of a card stored before it (an old board, or a file changed by other
// means), with arrange.Separate: it is shown in the free space nearest its
// place, and nothing is written until the user moves it.
func (m *boardModel) unstack() {
	moved := arrange.Separate(m.doc, m.doc.Layout, arrange.CardSizes)
	for i, p := range moved {
		id := p.Item
		if m.kind[id] == "" || p == m.doc.Layout[i] {
			continue
		}
		m.grid.remove(id)
		m.pos[id] = fyne.NewPos(float32(p.X), float32(p.Y))
		m.grid.add(id)
	}
}
