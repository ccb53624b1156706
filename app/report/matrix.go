package report

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"evidenceboard/app"
)

// The "Evidence matrix" section (app.EvidenceMatrix): quotes × claims in
// the manner of Analysis of Competing Hypotheses, and the matrix export.

// What of the matrix fits a page: the most diagnostic quotes, and the
// claims ranked by what weighs against them. A board with more gets the
// first of each and is told how many were left out. The quotes are a grid
// under the claims when the claims fit across a page (stanceGridMaxClaims),
// else a list saying in words what each quote does to which claim.
const (
	matrixMaxQuotes = 30
	matrixMaxClaims = 40
)

// matrixSection is the section as the reports write it.
type matrixSection struct {
	// Intro says what the section shows; ThinIntro, when a case is thin.
	Intro, ThinIntro string
	// Grid is true when the claims fit across a page as columns.
	Grid bool
	// Cols are the grid's columns: every claim, in board order.
	Cols []*claimView
	// Ranked are the claims least weighed against first (ACH's ranking),
	// at most matrixMaxClaims; ClaimsLeft says how many more there are.
	Ranked     []*matrixClaimRow
	ClaimsLeft int
	// ByIndex are the claims in board order, every one.
	ByIndex []*matrixClaimRow
	// Thin are the claims whose case is thin, in ranking order, at most
	// matrixMaxClaims; ThinLeft says how many more there are.
	Thin     []*matrixClaimRow
	ThinLeft int
	NThin    int
	// Rows are the most diagnostic quotes, at most matrixMaxQuotes; of
	// NRows in all. RowsLeft = NRows − len(Rows).
	Rows            []*matrixRow
	NRows, RowsLeft int
	Untied          int // quotes tied to no claim
	Ungraded        int // rows whose quote has no credibility grade
}

type matrixClaimRow struct {
	Claim                             *claimView
	Rank                              int
	Against, For                      string // weights as text, "1.5"
	Consistent, Inconsistent, NQuotes int
	Thin                              string // in words; "" when not thin
	ThinKinds                         string // "one-quote, low-credibility"
}

type matrixRow struct {
	Quote         *quoteView
	Speaker       string // the speaker's name, "Unknown speaker"
	Grade         string // the credibility grade, "—" when none
	Weight, Diag  string
	Cells         []matrixCellView // Grid: one per column
	Ties          []matrixTie      // the claims it is tied to, in claim order
	Diagnosticity float64
}

type matrixCellView struct {
	Sign  string // "+", "−", "·" or "" when the quote is not tied to the claim
	Class string // mx-plus, mx-minus, mx-neutral, or ""
	Value int
}

// matrixTie is what a quote does to one claim, in words: "supports".
type matrixTie struct {
	Claim *claimView
	Words string
	Cell  matrixCellView
}

func matrixCellOf(c app.MatrixCell) matrixCellView {
	cv := matrixCellView{Sign: c.Sign(), Value: c.Value}
	switch c.Value {
	case app.Consistent:
		cv.Class = "mx-plus"
	case app.Inconsistent:
		cv.Class = "mx-minus"
	default:
		cv.Class = "mx-neutral"
	}
	return cv
}

func buildMatrix(doc *app.Document, v *view) *matrixSection {
	m := app.EvidenceMatrix(doc)
	s := &matrixSection{Intro: matrixIntro, ThinIntro: matrixThinIntro, Grid: len(v.Claims) <= stanceGridMaxClaims, Cols: v.Claims, NRows: len(m.Quotes),
		Untied: m.Untied, Ungraded: m.Ungraded, NThin: m.Thin}
	rows := make([]*matrixClaimRow, len(m.Claims))
	for i, c := range m.Claims {
		r := &matrixClaimRow{Claim: v.Claims[i], Rank: c.Rank, Against: app.FormatWeight(c.Against), For: app.FormatWeight(c.For),
			Consistent: c.Consistent, Inconsistent: c.Inconsistent, NQuotes: c.Quotes, Thin: clean(c.ThinWords), ThinKinds: strings.Join(c.Thin, ", ")}
		rows[i] = r
	}
	s.ByIndex = rows
	rows = append([]*matrixClaimRow(nil), rows...)
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Rank < rows[j].Rank })
	s.Ranked = rows[:min(len(rows), matrixMaxClaims)]
	s.ClaimsLeft = len(rows) - len(s.Ranked)
	for _, r := range rows {
		if r.Thin == "" {
			continue
		}
		if len(s.Thin) == matrixMaxClaims {
			s.ThinLeft++
			continue
		}
		s.Thin = append(s.Thin, r)
	}
	for _, q := range m.Quotes[:min(len(m.Quotes), matrixMaxQuotes)] {
		qv := v.Quotes[q.Index]
		r := &matrixRow{Quote: qv, Speaker: "Unknown speaker", Grade: "—", Weight: app.FormatWeight(q.Weight), Diag: app.FormatWeight(q.Diagnosticity), Diagnosticity: q.Diagnosticity}
		if qv.Speaker != nil {
			r.Speaker = nameOr(qv.Speaker)
		}
		if q.Credibility >= 1 && q.Credibility <= 6 {
			r.Grade = strconv.Itoa(q.Credibility)
		}
		if s.Grid {
			r.Cells = make([]matrixCellView, len(v.Claims))
		}
		for _, c := range q.Cells {
			cv := matrixCellOf(c)
			if s.Grid {
				r.Cells[c.Claim] = cv
			}
			words := make([]string, len(c.Relations))
			for i, rel := range c.Relations {
				words[i] = string(rel)
			}
			r.Ties = append(r.Ties, matrixTie{Claim: v.Claims[c.Claim], Words: strings.Join(words, " and "), Cell: cv})
		}
		s.Rows = append(s.Rows, r)
	}
	s.RowsLeft = s.NRows - len(s.Rows)
	return s
}

// matrixIntro says what the section shows and how it is worked out.
const matrixIntro = "Quotes × claims, in the manner of Analysis of Competing Hypotheses: a quote that supports a claim is consistent with it (+), one that denies or contradicts it is inconsistent (−), one that only mentions it is neutral (·). Each quote weighs by its credibility grade: 1 (confirmed) weighs 1, each grade down a fifth less, to 0.2 for 5 (improbable); an ungraded quote, or one that cannot be judged (6), weighs 0.5. Against is the weight of the quotes that go against a claim, For of those that support it; the claim least weighed against ranks first. A quote's diagnosticity, weight × (highest − lowest of its cells)/2, is how much it tells the claims apart: a quote that bears on every claim alike tells nothing."

// matrixThinIntro says when a claim's case is thin.
var matrixThinIntro = func() string {
	parts := make([]string, len(app.ThinMeanings))
	for i, t := range app.ThinMeanings {
		parts[i] = t.Meaning
	}
	return "A claim's case is thin when " + strings.Join(parts, "; or ") + "."
}()

// matrixHeader is the matrix CSV's first row.
var matrixHeader = []string{"quote_id", "quote", "claim_id", "claim", "relation", "credibility", "weight", "score", "diagnosticity",
	"claim_status", "claim_against", "claim_for", "claim_thin"}

// WriteMatrixCSV writes the evidence matrix (app.EvidenceMatrix) as CSV:
// one row per link from a quote to a claim, the quotes most diagnostic
// first (as the matrix orders its rows), then each quote's claims in board
// order, then its relations to a claim in the order supports, denies,
// contradicts, mentions.
//
// relation is supports, denies, contradicts or mentions; credibility is the
// quote's grade, 1 to 6, empty when it has none; weight is the quote's
// weight (app.CredibilityWeight); score is what the link adds to the
// claim: +weight for supports, −weight for denies and contradicts, 0 for
// mentions; diagnosticity is the quote's; claim_against and claim_for
// are the claim's totals, and claim_thin the ways its case is thin
// (app.ThinNothing, ...), separated by spaces. Numbers have a dot and up
// to two decimals and are written as they are (a leading minus is a
// minus, not a formula). Quotes tied to no claim have no row.
//
// The file is written as the CSV report is (see WriteCSV): RFC 4180 with
// CRLF line ends and a UTF-8 byte order mark, and a cell a spreadsheet
// would run as a formula gets a leading single quote.
func WriteMatrixCSV(w io.Writer, doc *app.Document, opts Options) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := bw.WriteString("\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	if err := cw.Write(matrixHeader); err != nil {
		return err
	}
	m := app.EvidenceMatrix(doc)
	row := make([]string, len(matrixHeader))
	for _, q := range m.Quotes {
		quote := &doc.Quotes[q.Index]
		cred := ""
		if q.Credibility != 0 {
			cred = strconv.Itoa(q.Credibility)
		}
		for _, c := range q.Cells {
			cl, mc := &doc.Claims[c.Claim], &m.Claims[c.Claim]
			for _, rel := range c.Relations {
				score := 0.0
				switch rel {
				case app.RelSupports:
					score = q.Weight
				case app.RelDenies, app.RelContradicts:
					score = -q.Weight
				}
				text := []string{q.Quote, quote.Text, mc.Claim, cl.Statement, string(rel)}
				for i, s := range text {
					row[i] = csvCell(clean(s))
				}
				// The numbers are our own, never board text: "-0.5" is
				// a number, left as it is for spreadsheets to add up.
				copy(row[len(text):], []string{cred, app.FormatWeight(q.Weight), app.FormatWeight(score),
					app.FormatWeight(q.Diagnosticity), csvCell(clean(string(cl.Status))), app.FormatWeight(mc.Against), app.FormatWeight(mc.For), strings.Join(mc.Thin, " ")})
				if err := cw.Write(row); err != nil {
					return err
				}
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// mdMatrix writes the "Evidence matrix" section.
func mdMatrix(m *mdWriter, s *matrixSection) {
	m.line("## Evidence matrix")
	m.para(s.Intro)
	if len(s.Ranked) == 0 {
		m.para("This board has no claims yet.")
		return
	}
	m.line("### Claims, least weighed against first")
	var b strings.Builder
	b.WriteString("| Rank | Claim | Against | For | Quotes |\n| ---: | --- | ---: | ---: | ---: |\n")
	for _, r := range s.Ranked {
		thin := ""
		if r.Thin != "" {
			thin = " *(thin)*"
		}
		fmt.Fprintf(&b, "| %d | **%s** %d. %s%s | %s | %s | %d |\n", r.Rank, mdLine(r.Claim.Word), r.Claim.Index+1, mdLine(truncate(r.Claim.Statement, 110)), thin, r.Against, r.For, r.NQuotes)
	}
	m.text(b.String() + "\n")
	if s.ClaimsLeft > 0 {
		m.para(plural(s.ClaimsLeft, "more claim is", "more claims are") + " left out here; the whole matrix is in the matrix export (CSV).")
	}
	m.line(fmt.Sprintf("### Where the case is thin (%d)", s.NThin))
	m.para(s.ThinIntro)
	if len(s.Thin) == 0 {
		m.para("No claim's case is thin.")
	} else {
		for _, r := range s.Thin {
			m.text(fmt.Sprintf("- %d. %s — %s\n", r.Claim.Index+1, mdLine(truncate(r.Claim.Statement, 90)), mdLine(r.Thin)))
		}
		m.text("\n")
		if s.ThinLeft > 0 {
			m.para(plural(s.ThinLeft, "more thin claim is", "more thin claims are") + " left out here.")
		}
	}
	m.line("### The quotes that tell the claims apart")
	if len(s.Rows) == 0 {
		m.para("No quote is tied to a claim on this board yet.")
		return
	}
	m.para(s.RowsNote())
	if s.Grid {
		b.Reset()
		b.WriteString("| Quote | Grade | Weight | Diag. |")
		for _, c := range s.Cols {
			fmt.Fprintf(&b, " %d |", c.Index+1)
		}
		b.WriteString("\n| --- | ---: | ---: | ---: |")
		for range s.Cols {
			b.WriteString(" :---: |")
		}
		b.WriteString("\n")
		for _, r := range s.Rows {
			fmt.Fprintf(&b, "| “%s” — %s | %s | %s | %s |", mdLine(truncate(r.Quote.Text, 120)), mdLine(r.Speaker), r.Grade, r.Weight, r.Diag)
			for _, c := range r.Cells {
				b.WriteString(" " + c.Sign + " |")
			}
			b.WriteString("\n")
		}
		for _, total := range []struct {
			name string
			of   func(*matrixClaimRow) string
		}{{"Against", func(r *matrixClaimRow) string { return r.Against }}, {"For", func(r *matrixClaimRow) string { return r.For }}} {
			b.WriteString("| **" + total.name + "** | | | |")
			for _, c := range s.Cols {
				b.WriteString(" " + total.of(s.ByIndex[c.Index]) + " |")
			}
			b.WriteString("\n")
		}
		m.text(b.String() + "\n")
		for _, c := range s.Cols {
			m.text(fmt.Sprintf("%d. **%s** %s\n", c.Index+1, mdLine(c.Word), mdLine(truncate(c.Statement, 150))))
		}
		m.text("\n")
		return
	}
	for i, r := range s.Rows {
		m.text(fmt.Sprintf("%d. “%s” — %s · grade %s · weight %s · diagnosticity %s\n", i+1, mdLine(truncate(r.Quote.Text, 160)), mdLine(r.Speaker), r.Grade, r.Weight, r.Diag))
		for _, t := range r.Ties {
			m.text(fmt.Sprintf("    - %s %s %d. %s\n", t.Cell.Sign, t.Words, t.Claim.Index+1, mdLine(truncate(t.Claim.Statement, 90))))
		}
	}
	m.text("\n")
}

// RowsNote says which quotes the section shows, what was left out, and how
// many weigh by default.
func (s *matrixSection) RowsNote() string {
	note := "The quotes tied to a claim, the most diagnostic first"
	if s.RowsLeft > 0 {
		note += fmt.Sprintf(": the first %d of %d; %s left out here, and the whole matrix is in the matrix export (CSV)",
			len(s.Rows), s.NRows, plural(s.RowsLeft, "less diagnostic quote is", "less diagnostic quotes are"))
	}
	note += "."
	if s.Untied > 0 {
		note += " " + plural(s.Untied, "quote is tied to no claim and is", "quotes are tied to no claim and are") + " not in the matrix."
	}
	switch {
	case s.Ungraded == s.NRows:
		note += " None of them has a credibility grade that can be judged (1 to 5): each weighs 0.5."
	case s.Ungraded > 0:
		note += fmt.Sprintf(" %d of the %d have no credibility grade, or one that cannot be judged (6), and weigh 0.5 each.", s.Ungraded, s.NRows)
	}
	if s.Grid {
		note += " The columns are the claims, numbered as in Claims and listed below the table."
	}
	return note
}
