package app

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// The evidence matrix, in the manner of Richards Heuer's Analysis of
// Competing Hypotheses (ACH): the board's quotes are the evidence (rows),
// its claims the hypotheses (columns).
//
// A cell is what one quote does to one claim:
//
//	consistent   (+1)  the quote supports the claim
//	inconsistent (−1)  the quote denies or contradicts it
//	neutral      ( 0)  the quote only mentions it, or is not tied to it
//
// A quote tied to a claim both ways (it supports it and denies or
// contradicts it) is neutral in its cell, and its weight counts both for
// and against the claim.
//
// Each quote weighs w = CredibilityWeight(its credibility): 1 for a
// confirmed quote down to 0.2 for an improbable one, 0.5 when ungraded.
//
// For each claim c:
//
//	Against(c) = Σ w over the quotes that deny or contradict c
//	For(c)     = Σ w over the quotes that support c
//
// and, as ACH ranks hypotheses, the claim least weighed against is the
// most likely: Rank 1 has the least Against (ties: more For first, then
// board order). For each quote q, over every claim of the board:
//
//	Diagnosticity(q) = w × (max − min) / 2
//
// where max and min are the largest and smallest of q's cell values: 0
// for a quote that is consistent (or inconsistent) with every claim alike,
// which tells the claims nothing apart; w/2 for a quote that supports or
// goes against some claims and is neutral to others; w for one that
// supports one claim and goes against another.

// Cell values of the evidence matrix.
const (
	Consistent   = 1
	Neutral      = 0
	Inconsistent = -1
)

// ThinWeight is the least weight a claim's case should rest on: as much as
// one confirmed quote. A claim whose quotes, for and against, weigh less
// in all is thin (ThinLight).
const ThinWeight = 1.0

// The ways a claim's case can be thin. The quotes that "weigh on" a claim
// are those that support, deny or contradict it; mentions weigh nothing.
const (
	// ThinNothing: no quote weighs on the claim.
	ThinNothing = "nothing"
	// ThinOneQuote: exactly one quote weighs on it.
	ThinOneQuote = "one-quote"
	// ThinLight: two or more quotes weigh on it, but less than ThinWeight
	// in all.
	ThinLight = "light"
	// ThinLowCredibility: every quote that weighs on it is graded doubtful
	// (4) or improbable (5).
	ThinLowCredibility = "low-credibility"
)

// Matrix is the evidence matrix of a board.
type Matrix struct {
	// Claims are the columns: one per claim of the document, in board
	// order (Claims[i] is doc.Claims[i]).
	Claims []MatrixClaim
	// Quotes are the rows: every quote tied to at least one claim, the
	// most diagnostic first, then the heaviest, then in board order.
	Quotes []MatrixQuote
	// Untied counts the quotes tied to no claim, which are not rows.
	Untied int
	// Ungraded counts the rows whose quote has no credibility grade (or
	// one that cannot be judged, 6), each weighing 0.5.
	Ungraded int
	// Thin counts the claims with at least one Thin reason.
	Thin int
}

// MatrixClaim is one claim's column: its totals and where its case is thin.
type MatrixClaim struct {
	Claim string // the claim's id
	// Against is the weight of the quotes that deny or contradict it; For,
	// of those that support it.
	Against, For float64
	// Weight is the weight of the quotes that weigh on it, each once.
	Weight float64
	// Counts of quotes: supporting, denying or contradicting, tied to it
	// in any way (mentions too).
	Consistent, Inconsistent, Quotes int
	// Rank is its place in ACH's ranking, 1 for the claim least weighed
	// against.
	Rank int
	// Thin are the ways its case is thin (ThinNothing, ThinOneQuote,
	// ThinLight, ThinLowCredibility), in that order; empty when it is not.
	Thin []string
	// ThinWords says in words where its case is thin; "" when it is not.
	ThinWords string
}

// MatrixQuote is one quote's row.
type MatrixQuote struct {
	Quote       string // the quote's id
	Index       int    // the quote's index in doc.Quotes
	Credibility int
	// Weight is CredibilityWeight(Credibility).
	Weight float64
	// Diagnosticity is Weight × (max − min)/2 of its cell values across
	// every claim of the board.
	Diagnosticity float64
	// Cells are the claims it is tied to, in claim order; every other cell
	// of its row is neutral.
	Cells []MatrixCell
}

// MatrixCell is a quote's cell under a claim it is tied to.
type MatrixCell struct {
	Claim int // the column: an index into Matrix.Claims
	// Relations are the quote's links to the claim: supports, denies,
	// contradicts, mentions, in that order, each once.
	Relations []Relation
	Value     int // Consistent, Inconsistent or Neutral
}

// Cell returns the quote's cell under claim column c, and whether the quote
// is tied to that claim at all (if not, the cell is neutral).
func (q *MatrixQuote) Cell(c int) (MatrixCell, bool) {
	i := sort.Search(len(q.Cells), func(i int) bool { return q.Cells[i].Claim >= c })
	if i < len(q.Cells) && q.Cells[i].Claim == c {
		return q.Cells[i], true
	}
	return MatrixCell{Claim: c}, false
}

// Score is the cell's value times the quote's weight: +w, −w or 0.
func (c MatrixCell) Score(w float64) float64 { return float64(c.Value) * w }

// Sign is the cell's value as a mark: "+", "−" or "·" for a neutral cell
// the quote is tied to (it mentions the claim, or is tied both ways).
func (c MatrixCell) Sign() string {
	switch c.Value {
	case Consistent:
		return "+"
	case Inconsistent:
		return "−"
	}
	return "·"
}

// ThinMeanings says in words what each kind of thinness means, for legends.
var ThinMeanings = []struct{ Kind, Meaning string }{
	{ThinNothing, "no quote supports, denies or contradicts the claim"},
	{ThinOneQuote, "one quote alone weighs on it"},
	{ThinLight, fmt.Sprintf("its quotes weigh less than %s in all, less than one confirmed quote", FormatWeight(ThinWeight))},
	{ThinLowCredibility, "every quote that weighs on it is graded doubtful (4) or improbable (5)"},
}

// FormatWeight writes a weight or a sum of weights as the matrix shows it:
// up to two decimals, "0.5", "1.4", "0".
func FormatWeight(w float64) string {
	s := fmt.Sprintf("%.2f", w)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	return s
}

// roundWeight takes off the float error of a sum of weights (0.2 is not
// exact), so that 0.8 + 0.2 is 1.
func roundWeight(w float64) float64 { return math.Round(w*1e6) / 1e6 }

// EvidenceMatrix returns the board's evidence matrix (see Matrix). It is
// pure and copes with a document that breaks the format's rules (see
// boardIndex): an id used twice names its first item, and links twice or
// to unknown items count once or not at all.
func EvidenceMatrix(doc *Document) *Matrix {
	return evidenceMatrix(newBoardIndex(doc))
}

func evidenceMatrix(x *boardIndex) *Matrix {
	doc := x.doc
	m := &Matrix{Claims: make([]MatrixClaim, len(doc.Claims))}
	row := make([]int32, len(doc.Quotes)) // quote -> row+1, 0 for none yet
	for c := range doc.Claims {
		mc := &m.Claims[c]
		mc.Claim = doc.Claims[c].ID
		var cw claimWeighing
		qs := x.claimQuotes[c] // by quote, then relation order
		for i := 0; i < len(qs); {
			q := qs[i].quote
			cell := MatrixCell{Claim: c}
			sup, against := false, false
			for ; i < len(qs) && qs[i].quote == q; i++ {
				cell.Relations = append(cell.Relations, qs[i].rel)
				switch qs[i].rel {
				case RelSupports:
					sup = true
				case RelDenies, RelContradicts:
					against = true
				}
			}
			switch {
			case sup && !against:
				cell.Value = Consistent
			case against && !sup:
				cell.Value = Inconsistent
			}
			if row[q] == 0 {
				cred := doc.Quotes[q].Credibility
				m.Quotes = append(m.Quotes, MatrixQuote{Quote: doc.Quotes[q].ID, Index: q, Credibility: cred, Weight: CredibilityWeight(cred)})
				row[q] = int32(len(m.Quotes))
			}
			mq := &m.Quotes[row[q]-1]
			mq.Cells = append(mq.Cells, cell)
			w := mq.Weight
			mc.Quotes++
			if sup {
				mc.Consistent++
				mc.For += w
			}
			if against {
				mc.Inconsistent++
				mc.Against += w
			}
			if sup || against {
				mc.Weight += w
				cw.n++
				cw.quote, cw.rels = q, cell.Relations
				if cr := doc.Quotes[q].Credibility; cr == 4 || cr == 5 {
					cw.low++
				}
			}
		}
		mc.Against, mc.For, mc.Weight = roundWeight(mc.Against), roundWeight(mc.For), roundWeight(mc.Weight)
		thinness(x, mc, cw)
		if len(mc.Thin) > 0 {
			m.Thin++
		}
	}
	m.Untied = len(doc.Quotes) - len(m.Quotes)
	n := len(doc.Claims)
	for i := range m.Quotes {
		q := &m.Quotes[i]
		hi, lo := Neutral, Neutral
		if len(q.Cells) == n { // no neutral cell of a claim it is not tied to
			hi, lo = Inconsistent, Consistent
		}
		for _, c := range q.Cells {
			hi, lo = max(hi, c.Value), min(lo, c.Value)
		}
		q.Diagnosticity = roundWeight(q.Weight * float64(hi-lo) / 2)
		if q.Credibility < 1 || q.Credibility > 5 {
			m.Ungraded++
		}
	}
	sort.SliceStable(m.Quotes, func(i, j int) bool {
		a, b := &m.Quotes[i], &m.Quotes[j]
		if a.Diagnosticity != b.Diagnosticity {
			return a.Diagnosticity > b.Diagnosticity
		}
		if a.Weight != b.Weight {
			return a.Weight > b.Weight
		}
		return a.Index < b.Index
	})
	rank := make([]int, n)
	for i := range rank {
		rank[i] = i
	}
	sort.SliceStable(rank, func(i, j int) bool {
		a, b := &m.Claims[rank[i]], &m.Claims[rank[j]]
		if a.Against != b.Against {
			return a.Against < b.Against
		}
		return a.For > b.For
	})
	for r, c := range rank {
		m.Claims[c].Rank = r + 1
	}
	return m
}

// claimWeighing is what thinness needs of a claim's quotes: how many weigh
// on it, how many of those are of low credibility, and the last of them.
type claimWeighing struct {
	n, low int
	quote  int // index in doc.Quotes
	rels   []Relation
}

// thinness works out where claim c's case is thin, and says so in words.
func thinness(x *boardIndex, mc *MatrixClaim, cw claimWeighing) {
	var words []string
	switch {
	case cw.n == 0:
		mc.Thin = append(mc.Thin, ThinNothing)
		s := "Nothing on the board weighs on it: no quote supports, denies or contradicts it"
		if mc.Quotes > 0 {
			s += fmt.Sprintf(" (%s only %s it)", pluralWord(mc.Quotes, "quote", "quotes"), verbFor(mc.Quotes, "mentions", "mention"))
		}
		words = append(words, s+".")
	case cw.n == 1:
		mc.Thin = append(mc.Thin, ThinOneQuote)
		words = append(words, fmt.Sprintf("It rests on one quote, %s, which %s it (weight %s).",
			x.quoteLabel(cw.quote), relationWords(cw.rels), FormatWeight(CredibilityWeight(x.doc.Quotes[cw.quote].Credibility))))
	case mc.Weight < ThinWeight:
		mc.Thin = append(mc.Thin, ThinLight)
		words = append(words, fmt.Sprintf("Little weighs on it: its %d quotes come to %s in all, less than one confirmed quote (%s).",
			cw.n, FormatWeight(mc.Weight), FormatWeight(ThinWeight)))
	}
	if cw.n > 0 && cw.low == cw.n {
		mc.Thin = append(mc.Thin, ThinLowCredibility)
		if cw.n == 1 {
			words = append(words, "That quote is graded doubtful or improbable.")
		} else {
			words = append(words, fmt.Sprintf("All %d quotes that weigh on it are graded doubtful or improbable.", cw.n))
		}
	}
	mc.ThinWords = strings.Join(words, " ")
}

// relationWords says what a quote does to a claim: "supports", "denies and
// contradicts", "supports and denies".
func relationWords(rs []Relation) string {
	var ws []string
	for _, r := range rs {
		if r != RelMentions {
			ws = append(ws, string(r))
		}
	}
	return strings.Join(ws, " and ")
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func verbFor(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
