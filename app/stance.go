package app

import "sort"

// The stances a party can take on a claim through its quotes.
const (
	StanceSupports    = "supports"
	StanceDenies      = "denies"
	StanceContradicts = "contradicts"
	StanceMentions    = "mentions"
	// StanceMixed is the stance of a party whose quotes disagree: some
	// support the claim and some deny or contradict it.
	StanceMixed = "mixed"
)

// StanceMeanings says in words what each stance, and each role a party can
// have on a claim, means, for legends.
var StanceMeanings = []struct{ Word, Meaning string }{
	{StanceSupports, "the party's quotes back the claim"},
	{StanceDenies, "the party says outright that the claim is false"},
	{StanceContradicts, "the party says something that cannot be true along with the claim"},
	{StanceMentions, "the party's quotes only refer to the claim"},
	{StanceMixed, "the party's quotes disagree: some support the claim, some deny or contradict it"},
	{string(RelMadeBy), "the party makes the claim"},
	{string(RelAbout), "the claim is about the party"},
}

// StanceCell is where one party stands on one claim: one cell of the grid of
// parties × claims.
type StanceCell struct {
	Party string `json:"party"` // the party's id
	Claim string `json:"claim"` // the claim's id
	// Stance is what the party's quotes tied to the claim do to it:
	// StanceSupports, StanceDenies, StanceContradicts, StanceMentions or
	// StanceMixed; "" when none of its quotes is tied to the claim and the
	// party meets the claim through its Roles alone. Quotes that deny and
	// quotes that contradict (with none that support) make StanceDenies,
	// the stronger; mentions count only when the party's quotes do nothing
	// else to the claim.
	Stance string `json:"stance"`
	// Roles are the claim's links to the party: RelMadeBy, RelAbout, or
	// both in that order; never nil.
	Roles []Relation `json:"roles"`
	// Quotes are the ids of the party's quotes tied to the claim, in board
	// order, each once; never nil.
	Quotes []string `json:"quotes"`
	// The party's quote links to the claim, by relation.
	Supports    int `json:"supports"`
	Denies      int `json:"denies"`
	Contradicts int `json:"contradicts"`
	Mentions    int `json:"mentions"`
}

// MadeBy reports whether the claim is made by the party.
func (c *StanceCell) MadeBy() bool { return c.hasRole(RelMadeBy) }

// About reports whether the claim is about the party.
func (c *StanceCell) About() bool { return c.hasRole(RelAbout) }

func (c *StanceCell) hasRole(r Relation) bool {
	for _, x := range c.Roles {
		if x == r {
			return true
		}
	}
	return false
}

// Stance returns the grid of parties × claims: one cell for each party and
// claim that meet, because a quote the party is the speaker of is tied to
// the claim, or because the claim is made by or about the party. Cells are
// in party board order, then claim board order. Stance is pure and copes
// with a document that breaks the format's rules (see boardIndex).
func Stance(doc *Document) []StanceCell {
	return stanceCells(newBoardIndex(doc))
}

// stanceEntry is a cell as it is built: its party and claim indexes.
type stanceEntry struct {
	p, c int
	cell StanceCell
}

func stanceCells(x *boardIndex) []StanceCell {
	doc := x.doc
	at := map[[2]int]int{} // party, claim -> index in entries
	var entries []stanceEntry
	cellOf := func(p, c int) *StanceCell {
		k := [2]int{p, c}
		if i, ok := at[k]; ok {
			return &entries[i].cell
		}
		at[k] = len(entries)
		entries = append(entries, stanceEntry{p: p, c: c, cell: StanceCell{Party: doc.Parties[p].ID, Claim: doc.Claims[c].ID}})
		return &entries[len(entries)-1].cell
	}
	for c := range doc.Claims {
		for _, p := range x.madeBy[c] {
			cell := cellOf(p, c)
			cell.Roles = append(cell.Roles, RelMadeBy)
		}
	}
	for c := range doc.Claims {
		for _, p := range x.about[c] {
			cell := cellOf(p, c)
			cell.Roles = append(cell.Roles, RelAbout)
		}
		for _, ql := range x.claimQuotes[c] {
			p := x.speakerOf[ql.quote]
			if p < 0 {
				continue
			}
			cell := cellOf(p, c)
			switch ql.rel {
			case RelSupports:
				cell.Supports++
			case RelDenies:
				cell.Denies++
			case RelContradicts:
				cell.Contradicts++
			case RelMentions:
				cell.Mentions++
			}
			// claimQuotes is in quote order: a quote with two relations to
			// the claim comes twice in a row.
			id := doc.Quotes[ql.quote].ID
			if n := len(cell.Quotes); n == 0 || cell.Quotes[n-1] != id {
				cell.Quotes = append(cell.Quotes, id)
			}
		}
	}
	sort.Slice(entries, func(i, j int) bool {
		if entries[i].p != entries[j].p {
			return entries[i].p < entries[j].p
		}
		return entries[i].c < entries[j].c
	})
	out := make([]StanceCell, len(entries))
	for i := range entries {
		cell := entries[i].cell
		cell.Stance = stanceWord(cell.Supports, cell.Denies, cell.Contradicts, cell.Mentions)
		if cell.Roles == nil {
			cell.Roles = []Relation{}
		}
		if cell.Quotes == nil {
			cell.Quotes = []string{}
		}
		out[i] = cell
	}
	return out
}

func stanceWord(sup, den, con, men int) string {
	switch {
	case sup > 0 && den+con > 0:
		return StanceMixed
	case den > 0:
		return StanceDenies
	case con > 0:
		return StanceContradicts
	case sup > 0:
		return StanceSupports
	case men > 0:
		return StanceMentions
	}
	return ""
}
