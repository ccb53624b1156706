package app_test

import (
	"fmt"
	"strings"
	"testing"

	"evidenceboard/app"
)

// matrixLines writes a matrix one line a column, then one line a row:
//
//	c1 -0.5 +1 w1.5 2/1/3 #2 [one-quote]
//	q1 0.5 d0.25 c1:+ c2:·
func matrixLines(m *app.Matrix) string {
	var b strings.Builder
	for _, c := range m.Claims {
		fmt.Fprintf(&b, "%s -%s +%s w%s %d/%d/%d #%d [%s]\n", c.Claim, app.FormatWeight(c.Against), app.FormatWeight(c.For), app.FormatWeight(c.Weight),
			c.Consistent, c.Inconsistent, c.Quotes, c.Rank, strings.Join(c.Thin, " "))
	}
	for _, q := range m.Quotes {
		fmt.Fprintf(&b, "%s %s d%s", q.Quote, app.FormatWeight(q.Weight), app.FormatWeight(q.Diagnosticity))
		for _, c := range q.Cells {
			fmt.Fprintf(&b, " %s:%s", m.Claims[c.Claim].Claim, c.Sign())
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "untied %d ungraded %d thin %d\n", m.Untied, m.Ungraded, m.Thin)
	return b.String()
}

func TestEvidenceMatrix(t *testing.T) {
	// Two claims and five quotes; each case ties them its own way and
	// grades the quotes by creds (credibility of q1, q2, ...).
	base := func(creds ...int) *app.Document {
		d := reviewDoc()
		d.Claims = []app.Claim{{ID: "c1", Statement: "It happened.", Status: app.StatusAlleged}, {ID: "c2", Statement: "It did not.", Status: app.StatusAlleged}}
		for i := 0; i < 5; i++ {
			q := app.Quote{ID: fmt.Sprintf("q%d", i+1), Text: fmt.Sprintf("Words number %d.", i+1)}
			if i < len(creds) {
				q.Credibility = creds[i]
			}
			d.Quotes = append(d.Quotes, q)
		}
		return d
	}
	tests := []struct {
		name  string
		creds []int
		links []app.Link
		want  string
	}{
		{"NothingTied", nil, nil,
			"c1 -0 +0 w0 0/0/0 #1 [nothing]\nc2 -0 +0 w0 0/0/0 #2 [nothing]\nuntied 5 ungraded 0 thin 2\n"},
		{"SupportsIsConsistent", nil, []app.Link{link("q1", app.RelSupports, "c1")},
			"c1 -0 +0.5 w0.5 1/0/1 #1 [one-quote]\nc2 -0 +0 w0 0/0/0 #2 [nothing]\nq1 0.5 d0.25 c1:+\nuntied 4 ungraded 1 thin 2\n"},
		{"DeniesIsInconsistent", []int{1}, []app.Link{link("q1", app.RelDenies, "c1")},
			"c1 -1 +0 w1 0/1/1 #2 [one-quote]\nc2 -0 +0 w0 0/0/0 #1 [nothing]\nq1 1 d0.5 c1:−\nuntied 4 ungraded 0 thin 2\n"},
		{"ContradictsIsInconsistent", []int{2}, []app.Link{link("q1", app.RelContradicts, "c2")},
			"c1 -0 +0 w0 0/0/0 #1 [nothing]\nc2 -0.8 +0 w0.8 0/1/1 #2 [one-quote]\nq1 0.8 d0.4 c2:−\nuntied 4 ungraded 0 thin 2\n"},
		{"MentionsIsNeutral", nil, []app.Link{link("q1", app.RelMentions, "c1"), link("q2", app.RelMentions, "c1")},
			"c1 -0 +0 w0 0/0/2 #1 [nothing]\nc2 -0 +0 w0 0/0/0 #2 [nothing]\nq1 0.5 d0 c1:·\nq2 0.5 d0 c1:·\nuntied 3 ungraded 2 thin 2\n"},
		{"BothWaysIsNeutralAndCountsBoth", []int{3}, []app.Link{link("q1", app.RelDenies, "c1"), link("q1", app.RelSupports, "c1")},
			"c1 -0.6 +0.6 w0.6 1/1/1 #2 [one-quote]\nc2 -0 +0 w0 0/0/0 #1 [nothing]\nq1 0.6 d0 c1:·\nuntied 4 ungraded 0 thin 2\n"},
		{"ForOneAgainstTheOtherTellsMost", []int{1, 1}, []app.Link{link("q1", app.RelSupports, "c1"), link("q1", app.RelDenies, "c2"),
			link("q2", app.RelSupports, "c1")},
			"c1 -0 +2 w2 2/0/2 #1 []\nc2 -1 +0 w1 0/1/1 #2 [one-quote]\nq1 1 d1 c1:+ c2:−\nq2 1 d0.5 c1:+\nuntied 3 ungraded 0 thin 1\n"},
		{"ConsistentWithEveryClaimTellsNothing", []int{1, 4}, []app.Link{link("q1", app.RelSupports, "c1"), link("q1", app.RelSupports, "c2"),
			link("q2", app.RelDenies, "c1"), link("q2", app.RelContradicts, "c2")},
			"c1 -0.4 +1 w1.4 1/1/2 #1 []\nc2 -0.4 +1 w1.4 1/1/2 #2 []\nq1 1 d0 c1:+ c2:+\nq2 0.4 d0 c1:− c2:−\nuntied 3 ungraded 0 thin 0\n"},
		{"RowsByDiagnosticityThenWeightThenBoard", []int{0, 5, 1, 0}, []app.Link{link("q1", app.RelSupports, "c1"), link("q2", app.RelSupports, "c2"),
			link("q2", app.RelDenies, "c1"), link("q3", app.RelMentions, "c2"), link("q4", app.RelDenies, "c2")},
			"c1 -0.2 +0.5 w0.7 1/1/2 #1 [light]\nc2 -0.5 +0.2 w0.7 1/1/3 #2 [light]\nq1 0.5 d0.25 c1:+\nq4 0.5 d0.25 c2:−\nq2 0.2 d0.2 c1:− c2:+\nq3 1 d0 c2:·\nuntied 1 ungraded 2 thin 2\n"},
		{"LowCredibility", []int{4, 5}, []app.Link{link("q1", app.RelSupports, "c1"), link("q2", app.RelSupports, "c1"), link("q2", app.RelDenies, "c2")},
			"c1 -0 +0.6 w0.6 2/0/2 #1 [light low-credibility]\nc2 -0.2 +0 w0.2 0/1/1 #2 [one-quote low-credibility]\nq1 0.4 d0.2 c1:+\nq2 0.2 d0.2 c1:+ c2:−\nuntied 3 ungraded 0 thin 2\n"},
		{"OneConfirmedQuoteIsNotLight", []int{2, 5}, []app.Link{link("q1", app.RelSupports, "c1"), link("q2", app.RelSupports, "c1"), link("q1", app.RelDenies, "c2"), link("q3", app.RelDenies, "c2")},
			"c1 -0 +1 w1 2/0/2 #1 []\nc2 -1.3 +0 w1.3 0/2/2 #2 []\nq1 0.8 d0.8 c1:+ c2:−\nq3 0.5 d0.25 c2:−\nq2 0.2 d0.1 c1:+\nuntied 2 ungraded 1 thin 0\n"},
		{"LinksTwiceAndUnknownCountOnce", []int{1}, []app.Link{link("q1", app.RelSupports, "c1"), link("q1", app.RelSupports, "c1"),
			link("ghost", app.RelDenies, "c1"), link("q1", "loves", "c2"), link("q1", app.RelDenies, "c9")},
			"c1 -0 +1 w1 1/0/1 #1 [one-quote]\nc2 -0 +0 w0 0/0/0 #2 [nothing]\nq1 1 d0.5 c1:+\nuntied 4 ungraded 0 thin 2\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := base(tt.creds...)
			d.Links = tt.links
			if got := matrixLines(app.EvidenceMatrix(d)); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// On a board of one claim nothing tells the claims apart.
func TestEvidenceMatrix_OneClaimNothingDiagnostic(t *testing.T) {
	d := reviewDoc()
	d.Claims = []app.Claim{{ID: "c1", Statement: "It happened."}}
	d.Quotes = []app.Quote{{ID: "q1", Text: "Yes.", Credibility: 1}, {ID: "q2", Text: "No.", Credibility: 1}}
	d.Links = []app.Link{link("q1", app.RelSupports, "c1"), link("q2", app.RelDenies, "c1")}
	m := app.EvidenceMatrix(d)
	for _, q := range m.Quotes {
		if q.Diagnosticity != 0 {
			t.Errorf("%s: diagnosticity %v on a one-claim board", q.Quote, q.Diagnosticity)
		}
	}
	if c := m.Claims[0]; c.Against != 1 || c.For != 1 || len(c.Thin) != 0 {
		t.Errorf("claim: %+v", c)
	}
}

func TestEvidenceMatrix_ThinWords(t *testing.T) {
	d := reviewDoc()
	d.Claims = []app.Claim{{ID: "c1", Statement: "One."}, {ID: "c2", Statement: "Two."}, {ID: "c3", Statement: "Three."}, {ID: "c4", Statement: "Four."}}
	d.Quotes = []app.Quote{{ID: "q1", Text: "The chips were never found.", Credibility: 5}, {ID: "q2", Text: "Maybe.", Credibility: 4}, {ID: "q3", Text: "Said so."}}
	d.Links = []app.Link{link("q1", app.RelDenies, "c1"), link("q1", app.RelContradicts, "c1"),
		link("q2", app.RelSupports, "c2"), link("q1", app.RelSupports, "c2"),
		link("q3", app.RelMentions, "c3")}
	m := app.EvidenceMatrix(d)
	for i, want := range []string{
		"It rests on one quote, “The chips were never found.”, which denies and contradicts it (weight 0.2). That quote is graded doubtful or improbable.",
		"Little weighs on it: its 2 quotes come to 0.6 in all, less than one confirmed quote (1). All 2 quotes that weigh on it are graded doubtful or improbable.",
		"Nothing on the board weighs on it: no quote supports, denies or contradicts it (1 quote only mentions it).",
		"Nothing on the board weighs on it: no quote supports, denies or contradicts it.",
	} {
		if got := m.Claims[i].ThinWords; got != want {
			t.Errorf("%s:\n got %s\nwant %s", m.Claims[i].Claim, got, want)
		}
	}
}

func TestMatrixQuote_Cell(t *testing.T) {
	q := app.MatrixQuote{Cells: []app.MatrixCell{{Claim: 1, Value: app.Consistent}, {Claim: 4, Value: app.Inconsistent}}}
	for _, tt := range []struct {
		c    int
		ok   bool
		sign string
	}{{0, false, "·"}, {1, true, "+"}, {2, false, "·"}, {4, true, "−"}, {5, false, "·"}} {
		cell, ok := q.Cell(tt.c)
		if ok != tt.ok || cell.Sign() != tt.sign || cell.Claim != tt.c {
			t.Errorf("Cell(%d) = %+v %v", tt.c, cell, ok)
		}
	}
}

func TestFormatWeight(t *testing.T) {
	for _, tt := range []struct {
		w    float64
		want string
	}{{0, "0"}, {0.5, "0.5"}, {1, "1"}, {1.4000000000000001, "1.4"}, {0.25, "0.25"}, {0.19999999999999996, "0.2"}, {12.126, "12.13"}} {
		if got := app.FormatWeight(tt.w); got != tt.want {
			t.Errorf("FormatWeight(%v) = %q, want %q", tt.w, got, tt.want)
		}
	}
}

// On the sample, the matrix reads as the story does: the PLA claim rests
// on Bloomberg's anonymous sources alone, Apple's 2015 find is what most
// weighs against, and the claims only mentioned are thin.
func TestEvidenceMatrix_Sample(t *testing.T) {
	data, err := readSample(t)
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := mustParse(t, data)
	m := app.EvidenceMatrix(doc)
	at := map[string]app.MatrixClaim{}
	for _, c := range m.Claims {
		at[c.Claim] = c
	}
	for _, tt := range []struct {
		claim, want string
	}{
		{"c-pla-chips", "-0 +1 2/0/4 []"},
		{"c-stealth-doorway", "-0 +0.5 1/0/1 [one-quote]"},
		{"c-30-companies", "-0 +0 0/0/1 [nothing]"},
		{"c-apple-found-2015", "-1.8 +0 0/3/4 []"},
		{"c-aws-knew", "-1.8 +0.5 1/3/4 []"},
		{"c-china-victim", "-0 +1 2/0/2 []"},
	} {
		c := at[tt.claim]
		got := fmt.Sprintf("-%s +%s %d/%d/%d [%s]", app.FormatWeight(c.Against), app.FormatWeight(c.For), c.Consistent, c.Inconsistent, c.Quotes, strings.Join(c.Thin, " "))
		if got != tt.want {
			t.Errorf("%s: got %s, want %s", tt.claim, got, tt.want)
		}
	}
	// The most weighed against rank last.
	if r := at["c-apple-found-2015"].Rank; r < len(m.Claims)-2 {
		t.Errorf("Apple's 2015 find ranks %d of %d", r, len(m.Claims))
	}
	// The sample grades the companies' denials 3 (possibly true), which
	// weigh 0.6, and what rests on Bloomberg's unnamed sources 6 (cannot be
	// judged), which weighs 0.5 as an ungraded quote does: 13 of the 27
	// rows. The most diagnostic quote is a denial.
	if m.Ungraded != 13 || len(m.Quotes) != 27 {
		t.Errorf("%d of %d rows ungraded, want 13 of 27", m.Ungraded, len(m.Quotes))
	}
	if top := m.Quotes[0]; top.Diagnosticity != 0.3 || doc.Quotes[indexOfQuote(doc, top.Quote)].Credibility != 3 {
		t.Errorf("top quote %s has diagnosticity %v", top.Quote, top.Diagnosticity)
	}
	if last := m.Quotes[len(m.Quotes)-1]; last.Diagnosticity != 0 {
		t.Errorf("last quote %s has diagnosticity %v; the sample has quotes that only mention", last.Quote, last.Diagnosticity)
	}
	if m.Untied+len(m.Quotes) != len(doc.Quotes) {
		t.Errorf("%d untied + %d rows != %d quotes", m.Untied, len(m.Quotes), len(doc.Quotes))
	}
}

func TestBigBoardMatrix(t *testing.T) {
	d := bigReviewDoc()
	m := app.EvidenceMatrix(d)
	if len(m.Claims) != len(d.Claims) || len(m.Quotes) == 0 || m.Thin == 0 {
		t.Fatalf("%d columns, %d rows, %d thin", len(m.Claims), len(m.Quotes), m.Thin)
	}
	for i := 1; i < len(m.Quotes); i++ {
		if m.Quotes[i].Diagnosticity > m.Quotes[i-1].Diagnosticity {
			t.Fatalf("row %d is more diagnostic than row %d", i, i-1)
		}
	}
}

func BenchmarkEvidenceMatrix(b *testing.B) {
	d := bigReviewDoc()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		app.EvidenceMatrix(d)
	}
}

func indexOfQuote(doc *app.Document, id string) int {
	for i, q := range doc.Quotes {
		if q.ID == id {
			return i
		}
	}
	return -1
}
