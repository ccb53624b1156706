package app

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// boardIndex is what Review and Stance look items up by, built once from a
// document in one pass over its items and links. It copes with a document
// that breaks the format's rules: an id used twice names its first item, and
// a link whose ends are unknown or whose relation does not fit them is left
// out.
type boardIndex struct {
	doc                           *Document
	party, claim, quote, source   map[string]int
	claimQuotes                   [][]quoteLink // per claim: its quotes, by quote board order then relation order
	madeBy, about                 [][]int       // per claim: parties, in link order, each once
	mentions                      [][]int       // per quote: the parties it mentions, in link order, each once
	up                            [][]partyLink // per party: its part-of and speaks-for links, in link order
	speakerOf                     []int         // per quote: its speaker's party index, or -1
	sourceOf                      []int         // per quote: its source's index, or -1
	anonymous                     []bool        // per party: of kind anonymous
	media                         []bool        // per party: of kind media
	nClaimQuoteLinks, nPartyLinks int
	closures                      []*reachSet // per party, worked out when first asked for (see closure)
	seen                          []int32     // per party, the stamp of the walk that last saw it
	stamp                         int32
}

// quoteLink is a quote tied to a claim by a relation.
type quoteLink struct {
	quote int
	rel   Relation
}

// partyLink is a party-to-party link seen from its first end.
type partyLink struct {
	to  int
	rel Relation
}

// quoteRelOrder orders the relations from a quote to a claim.
func quoteRelOrder(r Relation) int {
	switch r {
	case RelSupports:
		return 0
	case RelDenies:
		return 1
	case RelContradicts:
		return 2
	case RelMentions:
		return 3
	}
	return -1
}

func firstIndex[T any](items []T, id func(*T) string) map[string]int {
	m := make(map[string]int, len(items))
	for i := range items {
		if k := id(&items[i]); k != "" {
			if _, dup := m[k]; !dup {
				m[k] = i
			}
		}
	}
	return m
}

func newBoardIndex(doc *Document) *boardIndex {
	x := &boardIndex{
		doc:    doc,
		party:  firstIndex(doc.Parties, func(p *Party) string { return p.ID }),
		claim:  firstIndex(doc.Claims, func(c *Claim) string { return c.ID }),
		quote:  firstIndex(doc.Quotes, func(q *Quote) string { return q.ID }),
		source: firstIndex(doc.Sources, func(s *Source) string { return s.ID }),
	}
	x.claimQuotes = make([][]quoteLink, len(doc.Claims))
	x.madeBy = make([][]int, len(doc.Claims))
	x.about = make([][]int, len(doc.Claims))
	x.mentions = make([][]int, len(doc.Quotes))
	x.up = make([][]partyLink, len(doc.Parties))
	x.anonymous = make([]bool, len(doc.Parties))
	x.media = make([]bool, len(doc.Parties))
	for i, p := range doc.Parties {
		x.anonymous[i] = p.Kind == PartyAnonymous
		x.media[i] = p.Kind == PartyMedia
	}
	x.speakerOf = make([]int, len(doc.Quotes))
	x.sourceOf = make([]int, len(doc.Quotes))
	for i, q := range doc.Quotes {
		x.speakerOf[i], x.sourceOf[i] = -1, -1
		if j, ok := x.party[q.Speaker]; ok {
			x.speakerOf[i] = j
		}
		if j, ok := x.source[q.Source]; ok {
			x.sourceOf[i] = j
		}
	}
	type qc struct{ q, c, rel int }
	seen := map[qc]bool{}
	for _, l := range doc.Links {
		if q, ok := x.quote[l.From]; ok {
			if c, ok := x.claim[l.To]; ok {
				ro := quoteRelOrder(l.Relation)
				if ro < 0 || seen[qc{q, c, ro}] {
					continue
				}
				seen[qc{q, c, ro}] = true
				x.claimQuotes[c] = append(x.claimQuotes[c], quoteLink{q, l.Relation})
				x.nClaimQuoteLinks++
			} else if p, ok := x.party[l.To]; ok && l.Relation == RelMentions {
				x.mentions[q] = appendOnce(x.mentions[q], p)
			}
			continue
		}
		if c, ok := x.claim[l.From]; ok {
			if p, ok := x.party[l.To]; ok {
				switch l.Relation {
				case RelMadeBy:
					x.madeBy[c] = appendOnce(x.madeBy[c], p)
				case RelAbout:
					x.about[c] = appendOnce(x.about[c], p)
				}
			}
			continue
		}
		if a, ok := x.party[l.From]; ok {
			if b, ok := x.party[l.To]; ok && a != b && (l.Relation == RelPartOf || l.Relation == RelSpeaksFor) {
				x.up[a] = append(x.up[a], partyLink{b, l.Relation})
				x.nPartyLinks++
			}
		}
	}
	for _, qs := range x.claimQuotes {
		sort.SliceStable(qs, func(i, j int) bool {
			if qs[i].quote != qs[j].quote {
				return qs[i].quote < qs[j].quote
			}
			return quoteRelOrder(qs[i].rel) < quoteRelOrder(qs[j].rel)
		})
	}
	return x
}

func appendOnce(s []int, v int) []int {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

// reach is how one party reaches another by part-of and speaks-for links
// followed forwards: the relation of the first step and the number of steps.
type reach struct {
	first Relation
	depth int
}

// reachSet is every party one party reaches: party indexes in increasing
// order, with how each is reached.
type reachSet struct {
	to  []int32
	how []reach
}

// reaches reports whether party from reaches party to by following part-of
// and speaks-for links forwards (a spokesperson to the company, a unit to
// its parent, transitively), with the relation of the first step and the
// number of steps of a shortest way; among first steps, speaks-for comes
// before part-of.
func (x *boardIndex) reaches(from, to int) (Relation, int, bool) {
	if len(x.up[from]) == 0 || from == to {
		return "", 0, false
	}
	rs := x.closure(from)
	i := sort.Search(len(rs.to), func(i int) bool { return rs.to[i] >= int32(to) })
	if i == len(rs.to) || rs.to[i] != int32(to) {
		return "", 0, false
	}
	return rs.how[i].first, rs.how[i].depth, true
}

// closure returns every party that p reaches, worked out once per party by
// a breadth-first walk.
func (x *boardIndex) closure(p int) *reachSet {
	if x.closures == nil {
		x.closures = make([]*reachSet, len(x.up))
		x.seen = make([]int32, len(x.up))
	}
	if rs := x.closures[p]; rs != nil {
		return rs
	}
	x.stamp++
	stamp := x.stamp
	x.seen[p] = stamp
	type item struct {
		p int32
		reach
	}
	var found []item
	for _, rel := range []Relation{RelSpeaksFor, RelPartOf} {
		for _, l := range x.up[p] {
			if l.rel == rel && x.seen[l.to] != stamp {
				x.seen[l.to] = stamp
				found = append(found, item{int32(l.to), reach{rel, 1}})
			}
		}
	}
	for i := 0; i < len(found); i++ {
		it := found[i]
		for _, l := range x.up[it.p] {
			if x.seen[l.to] != stamp {
				x.seen[l.to] = stamp
				found = append(found, item{int32(l.to), reach{it.first, it.depth + 1}})
			}
		}
	}
	slices.SortFunc(found, func(a, b item) int { return int(a.p - b.p) })
	rs := &reachSet{to: make([]int32, len(found)), how: make([]reach, len(found))}
	for i, it := range found {
		rs.to[i], rs.how[i] = it.p, it.reach
	}
	x.closures[p] = rs
	return rs
}

// partyName is a party's name as a message shows it: its name, or its id
// when it has no name.
func (x *boardIndex) partyName(p int) string {
	if n := oneLine(x.doc.Parties[p].Name); n != "" {
		return n
	}
	return x.doc.Parties[p].ID
}

// claimLabel is a claim as a message names it: its first words in quotation
// marks, “The PLA forced tiny illicit chips onto…”.
func (x *boardIndex) claimLabel(c int) string {
	if s := ClipWords(x.doc.Claims[c].Statement, 60); s != "" {
		return "“" + s + "”"
	}
	return "claim " + x.doc.Claims[c].ID
}

// quoteLabel is a quote as a message names it: its first words.
func (x *boardIndex) quoteLabel(q int) string {
	if s := ClipWords(x.doc.Quotes[q].Text, 50); s != "" {
		return "“" + s + "”"
	}
	return "quote " + x.doc.Quotes[q].ID
}

// sourceLabel is a source as a message names it: its title.
func (x *boardIndex) sourceLabel(s int) string {
	if t := ClipWords(x.doc.Sources[s].Title, 60); t != "" {
		return "“" + t + "”"
	}
	return "source " + x.doc.Sources[s].ID
}

// oneLine returns s on one line, its runs of blanks as one space, with
// invalid UTF-8 replaced.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ToValidUTF8(s, "\uFFFD")), " ")
}

// ClipWords returns s on one line, cut to at most n code points at a word
// boundary where there is one, ending in an ellipsis when it cuts.
func ClipWords(s string, n int) string {
	s = oneLine(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut, c := len(s), 0
	for i := range s {
		if c == n-1 {
			cut = i
			break
		}
		c++
	}
	head := s[:cut]
	if sp := strings.LastIndexByte(head, ' '); sp > len(head)/2 {
		head = head[:sp]
	}
	return strings.TrimRight(head, " ,;:.") + "…"
}

// joinAnd joins words as a sentence lists them: "a", "a and b", "a, b and c".
func joinAnd(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
