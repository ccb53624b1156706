package ui

import (
	"math"
	"sort"
	"strings"

	"fyne.io/fyne/v2"

	"evidenceboard/app"
	"evidenceboard/app/arrange"
)

// Card sizes in board units, by kind: arrange.CardSizes, the one table
// the layout, the exports and the window share.
var cardSizes = func() map[app.Kind]fyne.Size {
	out := map[app.Kind]fyne.Size{}
	for k, s := range arrange.CardSizes {
		out[k] = fyne.NewSize(float32(s.Width), float32(s.Height))
	}
	return out
}()

// boardModel is the board as the window shows it: the document the store
// exported, indexed for drawing, linking and searching. It is rebuilt from
// the store after structural edits and patched in place after small ones.
type boardModel struct {
	doc  *app.Document
	kind map[string]app.Kind

	sources map[string]*app.Source
	parties map[string]*app.Party
	claims  map[string]*app.Claim
	quotes  map[string]*app.Quote

	// pos holds every card's top-left corner: stored, or placed by the
	// program for items that have none (placed false).
	pos    map[string]fyne.Position
	placed map[string]bool
	// linksOf indexes doc.Links by the items at either end.
	linksOf map[string][]int
	// haystack is each item's searchable text, lower-cased.
	haystack map[string]string
	// ids holds each kind's ids in board order.
	ids  map[app.Kind][]string
	grid *spatialGrid
}

func newBoardModel(doc *app.Document) *boardModel {
	m := &boardModel{doc: doc, kind: map[string]app.Kind{},
		sources: map[string]*app.Source{}, parties: map[string]*app.Party{},
		claims: map[string]*app.Claim{}, quotes: map[string]*app.Quote{},
		pos: map[string]fyne.Position{}, placed: map[string]bool{},
		linksOf: map[string][]int{}, haystack: map[string]string{}}
	m.ids = map[app.Kind][]string{}
	for _, k := range app.Kinds {
		m.pointAt(k)
		for _, id := range m.ids[k] {
			m.kind[id] = k
		}
	}
	for id := range m.kind {
		m.index(id)
	}
	m.indexLinks()
	for _, p := range doc.Layout {
		// A position no edit could store (a file changed by other means)
		// is dropped: the card is placed as if it had none.
		if math.Abs(p.X) > app.MaxCoordinate || math.Abs(p.Y) > app.MaxCoordinate || p.X != p.X || p.Y != p.Y {
			continue
		}
		if _, ok := m.kind[p.Item]; ok {
			m.pos[p.Item] = fyne.NewPos(float32(p.X), float32(p.Y))
			m.placed[p.Item] = true
		}
	}
	m.placeTheRest()
	m.grid = newSpatialGrid(m)
	return m
}

// index records the item's searchable text.
func (m *boardModel) index(id string) {
	var parts []string
	switch m.kind[id] {
	case app.KindSource:
		s := m.sources[id]
		parts = []string{s.Title, s.Publisher, s.Author, s.URL, s.Notes}
	case app.KindParty:
		p := m.parties[id]
		parts = []string{p.Name, string(p.Kind), p.Notes}
	case app.KindClaim:
		c := m.claims[id]
		parts = []string{c.Statement, string(c.Status), c.Notes}
	case app.KindQuote:
		q := m.quotes[id]
		parts = []string{q.Text, q.Location, q.Notes, m.name(q.Speaker)}
	}
	m.haystack[id] = strings.ToLower(strings.Join(parts, "\n"))
}

// placeTheRest gives a position to every item without a stored one: rows
// below what is placed, claims, quotes, parties and sources in turn.
func (m *boardModel) placeTheRest() {
	top, left := float32(0), float32(0)
	for id, p := range m.pos {
		s := cardSizes[m.kind[id]]
		top = max(top, p.Y+s.Height)
		left = min(left, p.X)
	}
	if len(m.pos) > 0 {
		top += 120
	}
	const perRow = 12
	for _, k := range app.Kinds {
		var ids []string
		for _, id := range m.idsOf(k) {
			if !m.placed[id] {
				ids = append(ids, id)
			}
		}
		s := cardSizes[k]
		for i, id := range ids {
			m.pos[id] = fyne.NewPos(left+float32(i%perRow)*(s.Width+40), top+float32(i/perRow)*(s.Height+40))
		}
		if len(ids) > 0 {
			top += float32((len(ids)+perRow-1)/perRow)*(s.Height+40) + 80
		}
	}
}

// idsOf returns the ids of one kind in board order; the slice is shared.
func (m *boardModel) idsOf(k app.Kind) []string { return m.ids[k] }

// name returns the party's name, or "" for none.
func (m *boardModel) name(partyID string) string {
	if p := m.parties[partyID]; p != nil {
		return p.Name
	}
	return ""
}

// label is a short text naming any item, for lists and pickers.
func (m *boardModel) label(id string) string {
	switch m.kind[id] {
	case app.KindSource:
		return m.sources[id].Title
	case app.KindParty:
		return m.parties[id].Name
	case app.KindClaim:
		return m.claims[id].Statement
	case app.KindQuote:
		return "“" + m.quotes[id].Text + "”"
	}
	return id
}

// rect returns the card's rectangle in board units.
func (m *boardModel) rect(id string) (fyne.Position, fyne.Size) {
	return m.pos[id], cardSizes[m.kind[id]]
}

// bounds returns the rectangle that holds every card.
func (m *boardModel) bounds() (fyne.Position, fyne.Position) {
	first := true
	var lo, hi fyne.Position
	for id, p := range m.pos {
		s := cardSizes[m.kind[id]]
		if first {
			lo, hi, first = p, p.Add(s), false
			continue
		}
		lo = fyne.NewPos(min(lo.X, p.X), min(lo.Y, p.Y))
		hi = fyne.NewPos(max(hi.X, p.X+s.Width), max(hi.Y, p.Y+s.Height))
	}
	return lo, hi
}

// moveCard changes a card's position in the model.
func (m *boardModel) moveCard(id string, p fyne.Position) {
	m.grid.remove(id)
	m.pos[id], m.placed[id] = p, true
	m.grid.add(id)
}

// search returns the ids of kind k whose text contains every word of query.
func (m *boardModel) search(k app.Kind, query string) []string {
	return m.searchIn(m.idsOf(k), query)
}

// searchIn returns the ids among ids whose text contains every word of
// query, in the order given.
func (m *boardModel) searchIn(ids []string, query string) []string {
	words := strings.Fields(strings.ToLower(query))
	if len(words) == 0 {
		return ids
	}
	out := make([]string, 0, len(ids)/4)
	for _, id := range ids {
		hay := m.haystack[id]
		ok := true
		for _, w := range words {
			if !strings.Contains(hay, w) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, id)
		}
	}
	return out
}

// linkedClaims returns the claims the party is tied to: by a claim's
// about or made-by link, or by a quote the party spoke.
func (m *boardModel) linkedClaims(party string) map[string]bool {
	out := map[string]bool{}
	for _, i := range m.linksOf[party] {
		if l := m.doc.Links[i]; m.kind[l.From] == app.KindClaim {
			out[l.From] = true
		}
	}
	for _, q := range m.doc.Quotes {
		if q.Speaker != party {
			continue
		}
		for _, i := range m.linksOf[q.ID] {
			if l := m.doc.Links[i]; l.From == q.ID && m.kind[l.To] == app.KindClaim {
				out[l.To] = true
			}
		}
	}
	return out
}

// sortedIDs returns the keys of a set in order, for stable output.
func sortedIDs(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for id := range set {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}
