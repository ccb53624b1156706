package ui

import (
	"slices"

	"fyne.io/fyne/v2"

	"evidenceboard/app"
)

// Patches bring the model up to date with a few items read back from the
// store after an edit, so that an edit costs what it touched, not a reading
// of the whole board. The model's item maps point into doc's slices, so a
// patch that grows or shrinks a slice points its kind's map anew.

// upsert puts item (a *app.Source, *app.Party, *app.Claim or *app.Quote)
// in the model, replacing the one with its id. A new item's card goes at
// p, on top of the others.
func (m *boardModel) upsert(item any, p fyne.Position) {
	var id string
	var k app.Kind
	switch v := item.(type) {
	case *app.Source:
		id, k = v.ID, app.KindSource
		put(m.sources[id], &m.doc.Sources, v)
	case *app.Party:
		id, k = v.ID, app.KindParty
		put(m.parties[id], &m.doc.Parties, v)
	case *app.Claim:
		id, k = v.ID, app.KindClaim
		put(m.claims[id], &m.doc.Claims, v)
	case *app.Quote:
		id, k = v.ID, app.KindQuote
		put(m.quotes[id], &m.doc.Quotes, v)
	default:
		return
	}
	if m.kind[id] == "" {
		m.kind[id] = k
		m.pointAt(k)
		m.pos[id], m.placed[id] = p, true
		m.grid.order[id] = len(m.grid.order)
		m.grid.add(id)
	}
	m.index(id)
}

// put overwrites old with v, or appends v to list if there is no old.
func put[T any](old *T, list *[]T, v *T) {
	if old != nil {
		*old = *v
	} else {
		*list = append(*list, *v)
	}
}

// remove takes the item, its card and its links out of the model. Quotes
// it spoke or came from are the caller's to read back.
func (m *boardModel) remove(id string) {
	k := m.kind[id]
	if k == "" {
		return
	}
	m.grid.remove(id)
	switch k {
	case app.KindSource:
		m.doc.Sources = slices.DeleteFunc(m.doc.Sources, func(v app.Source) bool { return v.ID == id })
	case app.KindParty:
		m.doc.Parties = slices.DeleteFunc(m.doc.Parties, func(v app.Party) bool { return v.ID == id })
	case app.KindClaim:
		m.doc.Claims = slices.DeleteFunc(m.doc.Claims, func(v app.Claim) bool { return v.ID == id })
	case app.KindQuote:
		m.doc.Quotes = slices.DeleteFunc(m.doc.Quotes, func(v app.Quote) bool { return v.ID == id })
	}
	delete(m.kind, id)
	delete(m.pos, id)
	delete(m.placed, id)
	delete(m.haystack, id)
	delete(m.grid.order, id)
	m.pointAt(k)
	m.setLinksOf([]string{id}, nil)
}

// setLinksOf replaces every link with one of ids at either end by links.
func (m *boardModel) setLinksOf(ids []string, links []*app.Link) {
	touched := func(l app.Link) bool { return slices.Contains(ids, l.From) || slices.Contains(ids, l.To) }
	m.doc.Links = slices.DeleteFunc(m.doc.Links, touched)
	type key struct {
		from, to string
		rel      app.Relation
	}
	seen := map[key]bool{}
	for _, l := range links {
		if k := (key{l.From, l.To, l.Relation}); !seen[k] {
			seen[k] = true
			m.doc.Links = append(m.doc.Links, *l)
		}
	}
	m.indexLinks()
}

// indexLinks indexes doc.Links by the items at either end.
func (m *boardModel) indexLinks() {
	m.linksOf = make(map[string][]int, len(m.linksOf))
	for i, l := range m.doc.Links {
		m.linksOf[l.From] = append(m.linksOf[l.From], i)
		m.linksOf[l.To] = append(m.linksOf[l.To], i)
	}
}

// pointAt points kind k's item map into doc's slice afresh, and lists
// the kind's ids in board order.
func (m *boardModel) pointAt(k app.Kind) {
	switch k {
	case app.KindSource:
		m.ids[k] = pointInto(m.sources, m.doc.Sources, func(v *app.Source) string { return v.ID })
	case app.KindParty:
		m.ids[k] = pointInto(m.parties, m.doc.Parties, func(v *app.Party) string { return v.ID })
	case app.KindClaim:
		m.ids[k] = pointInto(m.claims, m.doc.Claims, func(v *app.Claim) string { return v.ID })
	case app.KindQuote:
		m.ids[k] = pointInto(m.quotes, m.doc.Quotes, func(v *app.Quote) string { return v.ID })
	}
}

// pointInto maps each item of list by its id and returns the ids in order.
func pointInto[T any](byID map[string]*T, list []T, id func(*T) string) []string {
	clear(byID)
	ids := make([]string, len(list))
	for i := range list {
		ids[i] = id(&list[i])
		byID[ids[i]] = &list[i]
	}
	return ids
}
