package ui

import (
	"image/color"

	"evidenceboard/app"
)

// What the board brings forward. A search or filter in the navigator, while
// it is typed or set, dims what does not match, whatever is selected: the
// search wins until it is cleared. Otherwise, with a card selected, that
// card, its strings and the cards at their other ends (and a party's or
// source's own quotes) are drawn as usual and the rest of the board is
// dimmed. Relations hidden in the
// legend are not drawn at all.

// dimScale is how much of a dimmed card or string shows, out of 0xffff
// (about a fifth).
const dimScale uint32 = 0x3800

// focusState is worked out once per layout.
type focusState struct {
	selected string
	near     map[string]bool // the selected card's neighbours by shown strings
	filter   map[string]bool // the navigator's matches; nil when it shows all
	// absent holds what did not exist yet at the moment the board is
	// rewound to (timeline.go); nil for the board now.
	absent map[string]bool
}

// focus works out what is brought forward now.
func (b *boardCanvas) focus() focusState {
	f := focusState{selected: b.selected, filter: b.filter}
	if b.past != nil {
		f.absent = b.past.absent
	}
	if b.selected == "" || b.model == nil {
		return f
	}
	f.near = map[string]bool{b.selected: true}
	for _, i := range b.model.linksOf[b.selected] {
		l := b.model.doc.Links[i]
		if !b.hiddenRel[l.Relation] {
			f.near[l.From], f.near[l.To] = true, true
		}
	}
	// A party's or a source's own quotes come forward with it: who said
	// what, and where, is what the board is for.
	for _, q := range b.attributedTo(b.selected) {
		f.near[q] = true
	}
	return f
}

// attribution is the quotes of one party (its speaker) or source.
type attribution struct {
	of     string
	quotes []string
}

// attributedTo returns the quotes the party id said, or that come from
// the source id; none for another kind.
func (b *boardCanvas) attributedTo(id string) []string {
	k := b.model.kind[id]
	if k != app.KindParty && k != app.KindSource {
		return nil
	}
	if a := b.attributed; a != nil && a.of == id {
		return a.quotes
	}
	a := &attribution{of: id}
	for i := range b.model.doc.Quotes {
		if q := &b.model.doc.Quotes[i]; q.Speaker == id || q.Source == id {
			a.quotes = append(a.quotes, q.ID)
		}
	}
	b.attributed = a
	return a.quotes
}

// lit reports whether the card of id is brought forward.
func (f focusState) lit(id string) bool {
	switch {
	case f.absent[id] && id != f.selected:
		return false
	case f.filter != nil:
		return f.filter[id]
	case f.near != nil:
		return f.near[id]
	}
	return true
}

// litString reports whether the string of l is brought forward, and
// whether it is one of the selected card's own.
func (f focusState) litString(l app.Link) (lit, own bool) {
	switch {
	case f.absent[l.From] || f.absent[l.To]:
		return false, false
	case f.filter != nil:
		return f.filter[l.From] && f.filter[l.To], false
	case f.near != nil:
		own = l.From == f.selected || l.To == f.selected
		return own, own
	}
	return true, false
}

// fade dims c unless lit.
func fade(c color.Color, lit bool) color.Color {
	if lit {
		return c
	}
	r, g, b, a := c.RGBA()
	k := dimScale
	return color.NRGBA64{R: uint16(unpremul(r, a)), G: uint16(unpremul(g, a)), B: uint16(unpremul(b, a)), A: uint16(a * k / 0xffff)}
}

func unpremul(v, a uint32) uint32 {
	if a == 0 {
		return 0
	}
	return v * 0xffff / a
}
