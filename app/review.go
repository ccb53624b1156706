package app

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// Finding is one weak spot of a board: advice, not an error.
type Finding struct {
	// Kind is the rule that found it, one of FindingRules' kinds.
	Kind string `json:"kind"`
	// Item is the id of the item the finding is about: a claim, a party or
	// a quote, as the rule says.
	Item string `json:"item"`
	// Items are the ids of the other items involved, such as the quotes
	// behind it (each rule says which); never nil.
	Items []string `json:"items"`
	// Message says in plain words what was found, naming the items.
	Message string `json:"message"`
}

// MarshalJSON writes a finding with Items as an array, [] when it has none.
func (f Finding) MarshalJSON() ([]byte, error) {
	type plain Finding
	if f.Items == nil {
		f.Items = []string{}
	}
	return json.Marshal(plain(f))
}

// The kinds of finding, in the order Review returns them.
const (
	FindAnonymousOnly       = "anonymous-only"
	FindSingleSource        = "single-source"
	FindNoDenialOnRecord    = "no-denial-on-record"
	FindUnsupported         = "unsupported"
	FindDeniedOnlyBySubject = "denied-only-by-subject"
	FindSelfContradiction   = "self-contradiction"
	FindUndatedQuote        = "undated-quote"
	FindUnsourcedQuote      = "unsourced-quote"
	FindUnattributedQuote   = "unattributed-quote"
	FindLostAnchor          = "lost-anchor"
	FindUnexplainedChange   = "unexplained-change"
)

// FindingRule describes one kind of finding, for legends and headings.
type FindingRule struct {
	Kind  string // "anonymous-only"
	About Kind   // the kind of item a finding of this kind is about
	Title string // a heading: "Rests on anonymous sources only"
	When  string // when it is found, in words
}

// FindingRules lists every kind of finding, in the order Review returns
// them.
var FindingRules = []FindingRule{
	{FindAnonymousOnly, KindClaim, "Rests on anonymous sources only",
		"the claim has supporting quotes, and every one comes from an anonymous party, from no named speaker, or from a news outlet relaying an anonymous party the quote mentions"},
	{FindSingleSource, KindClaim, "Rests on one source or one speaker",
		"the claim has one supporting quote, or all its supporting quotes come from one source or from one speaker"},
	{FindNoDenialOnRecord, KindClaim, "Marked denied, with no denial on the record",
		"the claim is marked denied, but no quote denies or contradicts it"},
	{FindUnsupported, KindClaim, "Marked alleged, with nothing supporting it",
		"the claim is marked alleged, but no quote supports it"},
	{FindDeniedOnlyBySubject, KindClaim, "Denied only by those it is about",
		"every quote that denies or contradicts the claim is spoken by a party the claim is about, by one that speaks for or is part of such a party, or by one such a party is part of"},
	{FindSelfContradiction, KindParty, "Says both yes and no",
		"the party's quotes both support and deny (or contradict) one claim"},
	{FindUndatedQuote, KindQuote, "Quote with no date", "the quote has no date"},
	{FindUnsourcedQuote, KindQuote, "Quote with no source", "the quote has no source"},
	{FindUnattributedQuote, KindQuote, "Quote with no speaker", "the quote has no speaker"},
	{FindLostAnchor, KindQuote, "Pinned words gone from the source",
		"the quote is pinned to words of its source's text that are no longer in it"},
	{FindUnexplainedChange, KindClaim, "Status change with no note",
		"a change of the claim's status (any history entry after the first, which records the status it was made with) has no note"},
}

// Review returns the weak spots of a board: for each rule of FindingRules,
// in that order, its findings in board order of the items they are about
// (self-contradiction: party order, then claim order). It is pure and
// copes with a document that breaks the format's rules.
//
// The rules, in detail:
//
//   - anonymous-only: a claim whose supporting quotes all rest on no named
//     source: each is spoken by a party of kind anonymous, has no speaker
//     (or one that is not on the board), or is spoken by a party of kind
//     media and mentions a party of kind anonymous (a report relaying
//     anonymous sources). Items: the supporting quotes, then the anonymous
//     parties.
//   - single-source: a claim with one supporting quote, or whose supporting
//     quotes all have one source, or all one speaker. Items: the quotes.
//   - no-denial-on-record: a claim marked denied that no quote denies or
//     contradicts. Items: none.
//   - unsupported: a claim marked alleged that no quote supports. Items: the
//     quotes tied to it otherwise, if any.
//   - denied-only-by-subject: a claim that is about at least one party, and
//     that is denied or contradicted by at least one quote, every one of
//     them spoken by a party "on the subject's side": a party the claim is
//     about; one that reaches such a party through speaks-for and part-of
//     links (a spokesperson, a unit; transitively); or one that such a
//     party reaches so (the company a unit belongs to). Parties that merely
//     share a parent are not on each other's side. Items: the denying
//     quotes, then the parties the claim is about.
//   - self-contradiction: a party whose quotes both support and deny or
//     contradict one claim; one finding per party and claim. Items: the
//     claim, then the quotes.
//   - undated-quote, unsourced-quote, unattributed-quote: a quote with no
//     said date, no source (or one not on the board), no speaker (or one
//     not on the board). Items: none.
//   - lost-anchor: a quote with an anchor whose exact words Reanchor can no
//     longer find in its source's text, or whose source has no text now.
//     Items: the source.
//   - unexplained-change: a claim with a status change whose note is blank.
//     The first history entry is the status the claim was made with, not a
//     change, and needs no note. One finding per claim. Items: none.
func Review(doc *Document) []Finding {
	x := newBoardIndex(doc)
	r := reviewer{x: x}
	r.claims()
	r.selfContradictions(stanceCells(x))
	r.quotes()
	r.changes()
	out := make([]Finding, 0, len(r.out))
	for _, rule := range FindingRules {
		out = append(out, r.out[rule.Kind]...)
	}
	return out
}

type reviewer struct {
	x   *boardIndex
	out map[string][]Finding
}

func (r *reviewer) add(kind, item string, items []string, format string, args ...any) {
	if r.out == nil {
		r.out = map[string][]Finding{}
	}
	if items == nil {
		items = []string{}
	}
	r.out[kind] = append(r.out[kind], Finding{Kind: kind, Item: item, Items: items, Message: fmt.Sprintf(format, args...)})
}

func (r *reviewer) quoteIDs(qs []int) []string {
	ids := make([]string, len(qs))
	for i, q := range qs {
		ids[i] = r.x.doc.Quotes[q].ID
	}
	return ids
}

func (r *reviewer) partyIDs(ps []int) []string {
	ids := make([]string, len(ps))
	for i, p := range ps {
		ids[i] = r.x.doc.Parties[p].ID
	}
	return ids
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// claims runs the rules about claims that look at their quotes.
func (r *reviewer) claims() {
	x := r.x
	for c := range x.doc.Claims {
		claim := &x.doc.Claims[c]
		var sup, against, other []int
		for _, ql := range x.claimQuotes[c] {
			switch ql.rel {
			case RelSupports:
				sup = appendNew(sup, ql.quote)
			case RelDenies, RelContradicts:
				against = appendNew(against, ql.quote)
			default:
				other = appendNew(other, ql.quote)
			}
		}
		label := x.claimLabel(c)
		if len(sup) > 0 {
			r.anonymousOnly(c, label, sup)
			r.singleSource(c, label, sup)
		}
		switch claim.Status {
		case StatusDenied:
			if len(against) == 0 {
				r.add(FindNoDenialOnRecord, claim.ID, nil,
					"%s is marked denied, but no quote on the board denies or contradicts it.", label)
			}
		case StatusAlleged:
			if len(sup) == 0 {
				var rest []int
				for _, q := range sortInts(append(append([]int{}, against...), other...)) {
					rest = appendNew(rest, q)
				}
				msg := fmt.Sprintf("%s is marked alleged, but no quote on the board supports it", label)
				if len(rest) > 0 {
					msg += fmt.Sprintf(" (%s tied to it, none in support)", plural(len(rest), "quote is", "quotes are"))
				}
				r.add(FindUnsupported, claim.ID, r.quoteIDs(rest), "%s.", msg)
			}
		}
		if len(against) > 0 && len(x.about[c]) > 0 {
			r.deniedOnlyBySubject(c, label, against)
		}
	}
}

func sortInts(s []int) []int {
	sort.Ints(s)
	return s
}

// appendNew appends v to s, sorted, unless it is s's last element.
func appendNew(s []int, v int) []int {
	if n := len(s); n > 0 && s[n-1] == v {
		return s
	}
	return append(s, v)
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func (r *reviewer) anonymousOnly(c int, label string, sup []int) {
	x := r.x
	var names, relayers []string
	var anon []int
	unnamed := 0
	for _, q := range sup {
		sp := x.speakerOf[q]
		switch {
		case sp < 0:
			unnamed++
		case x.anonymous[sp]:
			if !containsInt(anon, sp) {
				anon = append(anon, sp)
				names = append(names, x.partyName(sp))
			}
		case x.media[sp]:
			relayed := false
			for _, p := range x.mentions[q] {
				if !x.anonymous[p] {
					continue
				}
				relayed = true
				if !containsInt(anon, p) {
					anon = append(anon, p)
					names = append(names, x.partyName(p))
				}
			}
			if !relayed {
				return
			}
			if n := x.partyName(sp); !containsString(relayers, n) {
				relayers = append(relayers, n)
			}
		default:
			return
		}
	}
	if unnamed > 0 {
		names = append(names, plural(unnamed, "quote with no speaker named", "quotes with no speaker named"))
	}
	msg := fmt.Sprintf("%s rests only on anonymous or unnamed sources: %s", label, joinAnd(names))
	if len(relayers) > 0 {
		msg += ", as relayed by " + joinAnd(relayers)
	}
	r.add(FindAnonymousOnly, x.doc.Claims[c].ID, append(r.quoteIDs(sup), r.partyIDs(anon)...), "%s.", msg)
}

func containsString(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func (r *reviewer) singleSource(c int, label string, sup []int) {
	x := r.x
	id := x.doc.Claims[c].ID
	if len(sup) == 1 {
		q := sup[0]
		from := "with no speaker named"
		if sp := x.speakerOf[q]; sp >= 0 {
			from = "from " + x.partyName(sp)
		}
		in := "with no source"
		if s := x.sourceOf[q]; s >= 0 {
			in = "in " + x.sourceLabel(s)
		}
		r.add(FindSingleSource, id, r.quoteIDs(sup), "%s has only one supporting quote: %s, %s, %s.", label, x.quoteLabel(q), from, in)
		return
	}
	speaker, source := x.speakerOf[sup[0]], x.sourceOf[sup[0]]
	for _, q := range sup[1:] {
		if x.speakerOf[q] != speaker {
			speaker = -1
		}
		if x.sourceOf[q] != source {
			source = -1
		}
	}
	var what string
	switch {
	case speaker >= 0 && source >= 0:
		what = "one speaker, " + x.partyName(speaker) + ", in one source, " + x.sourceLabel(source)
	case speaker >= 0:
		what = "one speaker, " + x.partyName(speaker)
	case source >= 0:
		what = "one source, " + x.sourceLabel(source)
	default:
		return
	}
	head := fmt.Sprintf("All %d quotes", len(sup))
	if len(sup) == 2 {
		head = "Both quotes"
	}
	r.add(FindSingleSource, id, r.quoteIDs(sup), "%s supporting %s come from %s.", head, label, what)
}

func (r *reviewer) deniedOnlyBySubject(c int, label string, against []int) {
	x := r.x
	about := x.about[c]
	type denier struct {
		p      int
		how    string
		quotes int
	}
	var deniers []*denier
	for _, q := range against {
		sp := x.speakerOf[q]
		if sp < 0 {
			return
		}
		var d *denier
		for _, e := range deniers {
			if e.p == sp {
				d = e
			}
		}
		if d == nil {
			how, ok := r.side(sp, about)
			if !ok {
				return
			}
			d = &denier{p: sp, how: how}
			deniers = append(deniers, d)
		}
		d.quotes++
	}
	parts := make([]string, len(deniers))
	for i, d := range deniers {
		parts[i] = x.partyName(d.p) + d.how + ", in " + plural(d.quotes, "quote", "quotes")
	}
	r.add(FindDeniedOnlyBySubject, x.doc.Claims[c].ID, append(r.quoteIDs(against), r.partyIDs(about)...),
		"Every denial of %s comes from the side it is about: %s. No one else on the record denies or contradicts it.",
		label, strings.Join(parts, "; "))
}

// side reports whether party p is on the side of one of the subjects, and
// how in words: "" for a subject itself, ", who speaks for Apple", ", part
// of Amazon", ", to which AWS belongs". Of several ways, the shortest is
// told, a spokesperson or unit before a parent.
func (r *reviewer) side(p int, subjects []int) (string, bool) {
	x := r.x
	for _, s := range subjects {
		if s == p {
			return "", true
		}
	}
	best, bestDepth, how := -1, 0, ""
	for _, s := range subjects {
		if rel, depth, ok := x.reaches(p, s); ok && (best < 0 || depth < bestDepth) {
			best, bestDepth, how = s, depth, ", part of "
			if rel == RelSpeaksFor {
				how = ", who speaks for "
			}
		}
	}
	if best >= 0 {
		return how + x.partyName(best), true
	}
	for _, s := range subjects {
		if _, depth, ok := x.reaches(s, p); ok && (best < 0 || depth < bestDepth) {
			best, bestDepth = s, depth
		}
	}
	if best >= 0 {
		return ", to which " + x.partyName(best) + " belongs", true
	}
	return "", false
}

func (r *reviewer) selfContradictions(cells []StanceCell) {
	x := r.x
	for _, cell := range cells {
		if cell.Stance != StanceMixed {
			continue
		}
		p, c := x.party[cell.Party], x.claim[cell.Claim]
		var sup, den, con []string
		for _, ql := range x.claimQuotes[c] {
			if x.speakerOf[ql.quote] != p {
				continue
			}
			l := x.quoteLabel(ql.quote)
			switch ql.rel {
			case RelSupports:
				sup = append(sup, l)
			case RelDenies:
				den = append(den, l)
			case RelContradicts:
				con = append(con, l)
			}
		}
		var verbs []string
		parts := []string{"supports it in " + joinAnd(sup)}
		if len(den) > 0 {
			verbs = append(verbs, "denies")
			parts = append(parts, "denies it in "+joinAnd(den))
		}
		if len(con) > 0 {
			verbs = append(verbs, "contradicts")
			parts = append(parts, "contradicts it in "+joinAnd(con))
		}
		r.add(FindSelfContradiction, cell.Party, append([]string{cell.Claim}, cell.Quotes...),
			"%s both supports and %s %s: %s.", x.partyName(p), strings.Join(verbs, " and "), x.claimLabel(c), strings.Join(parts, "; "))
	}
}

// quotes runs the rules about quotes.
func (r *reviewer) quotes() {
	x := r.x
	for i := range x.doc.Quotes {
		q := &x.doc.Quotes[i]
		undated, unsourced, unattributed := strings.TrimSpace(q.Said) == "", x.sourceOf[i] < 0, x.speakerOf[i] < 0
		lost := false
		if a, s := q.Anchor, x.sourceOf[i]; a != nil && s >= 0 {
			// Exactly when Reanchor fails (see TestReview_LostAnchorIsReanchor),
			// without building the anchor it would return.
			lost = a.Exact == "" || !strings.Contains(x.doc.Sources[s].Text, a.Exact)
		}
		if !undated && !unsourced && !unattributed && !lost {
			continue
		}
		label := x.quoteLabel(i)
		by := ""
		if sp := x.speakerOf[i]; sp >= 0 {
			by = ", said by " + x.partyName(sp) + ","
		}
		if undated {
			r.add(FindUndatedQuote, q.ID, nil, "%s%s has no date: when it was said is not on the board.", label, by)
		}
		if unsourced {
			r.add(FindUnsourcedQuote, q.ID, nil, "%s%s has no source: where it was published or heard is not on the board.", label, by)
		}
		if unattributed {
			r.add(FindUnattributedQuote, q.ID, nil, "%s has no speaker: no one on the board is named as having said it.", label)
		}
		if lost {
			s := x.sourceOf[i]
			if x.doc.Sources[s].Text == "" {
				r.add(FindLostAnchor, q.ID, []string{x.doc.Sources[s].ID}, "%s is pinned to words of %s, but that source has no text now to find them in.", label, x.sourceLabel(s))
			} else {
				r.add(FindLostAnchor, q.ID, []string{x.doc.Sources[s].ID}, "%s is pinned to words (“%s”) that are no longer in the text of %s.", label, ClipWords(q.Anchor.Exact, 50), x.sourceLabel(s))
			}
		}
	}
}

// changes runs unexplained-change.
func (r *reviewer) changes() {
	x := r.x
	for c := range x.doc.Claims {
		claim := &x.doc.Claims[c]
		var bare []string
		for i, h := range claim.History {
			if i == 0 || strings.TrimSpace(h.Note) != "" {
				continue
			}
			when := "at a time not recorded"
			if !h.At.IsZero() {
				when = "on " + h.At.UTC().Format("2006-01-02 15:04 UTC")
			}
			bare = append(bare, fmt.Sprintf("to %s %s", oneLine(string(h.Status)), when))
		}
		switch len(bare) {
		case 0:
		case 1:
			r.add(FindUnexplainedChange, claim.ID, nil, "%s changed %s with no note saying why.", x.claimLabel(c), bare[0])
		default:
			r.add(FindUnexplainedChange, claim.ID, nil, "%s changed status %d times with no note saying why: %s.", x.claimLabel(c), len(bare), joinAnd(bare))
		}
	}
}
