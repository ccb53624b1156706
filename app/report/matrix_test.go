package report

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"

	"evidenceboard/app"
)

func readMatrixCSV(t *testing.T, out []byte) [][]string {
	t.Helper()
	if !bytes.HasPrefix(out, []byte("\uFEFF")) || !bytes.HasSuffix(out, []byte("\r\n")) {
		t.Error("matrix: no byte order mark, or not ending in CRLF")
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(out, []byte("\uFEFF"))))
	r.FieldsPerRecord = len(matrixHeader)
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("matrix: %v", err)
	}
	return rows
}

func TestMatrixCSV_Sample(t *testing.T) {
	doc := sampleDoc(t)
	out, _ := render(t, "matrix", doc, Options{Generated: goldenTime})
	rows := readMatrixCSV(t, out)
	if got := strings.Join(rows[0][:7], ","); got != "quote_id,quote,claim_id,claim,relation,credibility,weight" {
		t.Errorf("header starts %s", got)
	}
	// One row per link from a quote to a claim.
	links := 0
	for _, c := range app.EvidenceMatrix(doc).Quotes {
		for _, cell := range c.Cells {
			links += len(cell.Relations)
		}
	}
	if len(rows) != 1+links || links == 0 {
		t.Errorf("%d rows, want a header and %d", len(rows), links)
	}
	want := map[string]string{
		"q-apple-refute c-apple-found-2015": "q-apple-refute|virtually every aspect of Bloomberg's story relating to Apple.|c-apple-found-2015|Apple found malicious chips in Supermicro servers in 2015 and cut ties with Supermicro in 2016.|contradicts|3|0.6|-0.6|0.3|denied|1.8|0|",
		"q-doorway c-stealth-doorway":       "q-doorway|allowed the attackers to create a stealth doorway into any network that included the altered machines,|c-stealth-doorway|The implanted chip let attackers open a stealth doorway into any network containing the altered machines.|supports|6|0.5|0.5|0.25|alleged|0|0.5|one-quote",
		"q-fbi-declined c-us-authorities":   "q-fbi-declined|The FBI declined to comment for the story.|c-us-authorities|The discovery was passed to US authorities because the same servers were used by the Department of Defense, the CIA and the US military.|mentions|2|0.8|0|0|unconfirmed|0|0|nothing",
	}
	for _, row := range rows[1:] {
		if w, ok := want[row[0]+" "+row[2]]; ok {
			if got := strings.Join(row, "|"); got != w {
				t.Errorf("row\n\t%s\nwant\n\t%s", got, w)
			}
			delete(want, row[0]+" "+row[2])
		}
	}
	if len(want) > 0 {
		t.Errorf("rows missing: %v", want)
	}
	// Most diagnostic first: a denial graded 3 (possibly true) weighs 0.6.
	if rows[1][8] != "0.3" || rows[len(rows)-1][8] != "0" {
		t.Errorf("first row's diagnosticity %s, last %s", rows[1][8], rows[len(rows)-1][8])
	}
}

func TestMatrixCSV_HostileAndGraded(t *testing.T) {
	d := &app.Document{Format: app.FormatName, Version: app.FormatVersion, Board: app.Board{Title: "x"},
		Claims: []app.Claim{{ID: "c1", Statement: "+1 it happened", Status: app.StatusAlleged}, {ID: "c2", Statement: "-2\tor not\xff", Status: app.StatusDenied}},
		Quotes: []app.Quote{{ID: "q1", Text: "=HYPERLINK(\"http://evil.example\")", Credibility: 2}, {ID: "q2", Text: "@no", Credibility: 5}},
		Links: []app.Link{{From: "q1", To: "c1", Relation: app.RelSupports}, {From: "q1", To: "c2", Relation: app.RelDenies},
			{From: "q2", To: "c2", Relation: app.RelContradicts}, {From: "q2", To: "c2", Relation: app.RelMentions}},
	}
	out, _ := render(t, "matrix", d, Options{})
	rows := readMatrixCSV(t, out)
	var got []string
	for _, r := range rows[1:] {
		got = append(got, strings.Join(r, "|"))
	}
	want := []string{
		`q1|'=HYPERLINK("http://evil.example")|c1|'+1 it happened|supports|2|0.8|0.8|0.8|alleged|0|0.8|one-quote`,
		"q1|'=HYPERLINK(\"http://evil.example\")|c2|'-2\tor not\uFFFD|denies|2|0.8|-0.8|0.8|denied|1|0|",
		"q2|'@no|c2|'-2\tor not\uFFFD|contradicts|5|0.2|-0.2|0.1|denied|1|0|",
		"q2|'@no|c2|'-2\tor not\uFFFD|mentions|5|0.2|0|0.1|denied|1|0|",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Every report has the section; on the sample the whole matrix fits, as a
// grid, with the thin claims said in words.
func TestMatrixSection_Sample(t *testing.T) {
	doc := sampleDoc(t)
	m := app.EvidenceMatrix(doc)
	var thin string
	for _, c := range m.Claims {
		if c.Claim == "c-stealth-doorway" {
			thin = c.ThinWords
		}
	}
	if !strings.HasPrefix(thin, "It rests on one quote") {
		t.Fatalf("the doorway claim's thinness: %q", thin)
	}
	html, _ := render(t, "html", doc, Options{Generated: goldenTime})
	md, _ := render(t, "md", doc, Options{Generated: goldenTime})
	pdf, _ := render(t, "pdf", doc, Options{Generated: goldenTime})
	pdfText := strings.Join(strings.Fields(pdfToText(t, pdf)), " ")
	for name, text := range map[string]string{"html": string(html), "md": string(md), "pdf": pdfText} {
		if text == "" {
			continue
		}
		for _, want := range []string{"Evidence matrix", "least weighed against first", "Where the case is thin", "tell the claims apart", "13 of the 27 have no credibility grade, or one that cannot be judged (6), and weigh 0.5 each"} {
			if !strings.Contains(strings.ToLower(text), strings.ToLower(want)) {
				t.Errorf("%s: no %q", name, want)
			}
		}
		if name != "pdf" && !strings.Contains(text, "It rests on one quote") {
			t.Errorf("%s: the thin claims are not said in words", name)
		}
		if strings.Contains(text, "left out here") {
			t.Errorf("%s: something of the sample's matrix is left out", name)
		}
	}
	if !strings.Contains(string(html), `<table class="matrix">`) || !strings.Contains(string(md), "| Quote | Grade | Weight | Diag. |") {
		t.Error("the sample's matrix is not a grid")
	}
}

// A board too big for a page shows the most diagnostic quotes, lists them
// instead of a grid when the claims do not fit across, and says how many
// were left out.
func TestMatrixSection_Big(t *testing.T) {
	doc := bigDoc()
	v := buildView(doc, Options{})
	s := buildMatrix(doc, v)
	m := app.EvidenceMatrix(doc)
	if s.Grid || len(s.Rows) != matrixMaxQuotes || s.RowsLeft != len(m.Quotes)-matrixMaxQuotes || len(s.Ranked) != matrixMaxClaims || s.ClaimsLeft != len(doc.Claims)-matrixMaxClaims {
		t.Fatalf("grid %v, %d rows (%d left), %d claims (%d left)", s.Grid, len(s.Rows), s.RowsLeft, len(s.Ranked), s.ClaimsLeft)
	}
	for i, r := range s.Rows {
		if r.Diagnosticity != m.Quotes[i].Diagnosticity {
			t.Fatalf("row %d is not the %d-th most diagnostic quote", i, i+1)
		}
	}
	md, _ := render(t, "md", doc, Options{})
	sec := string(md[bytes.Index(md, []byte("## Evidence matrix")):])
	sec = sec[:strings.Index(sec, "## Parties")]
	for _, want := range []string{
		fmt.Sprintf("the first %d of %d; %d less diagnostic quotes are left out here", matrixMaxQuotes, len(m.Quotes), len(m.Quotes)-matrixMaxQuotes),
		fmt.Sprintf("%d more claims are left out here", len(doc.Claims)-matrixMaxClaims),
		"diagnosticity",
	} {
		if !strings.Contains(sec, want) {
			t.Errorf("the big board's section has no %q", want)
		}
	}
	if strings.Contains(sec, "| Quote | Grade |") {
		t.Error("a grid of 2,000 claims across")
	}
}

func TestMatrixSection_Empty(t *testing.T) {
	d := &app.Document{Format: app.FormatName, Version: app.FormatVersion, Board: app.Board{Title: "x"}}
	md, _ := render(t, "md", d, Options{})
	if !strings.Contains(string(md), "## Evidence matrix") || !strings.Contains(string(md), "This board has no claims yet.") {
		t.Error("an empty board's matrix section")
	}
	d.Claims = []app.Claim{{ID: "c1", Statement: "Alone.", Status: app.StatusAlleged}}
	md, _ = render(t, "md", d, Options{})
	if !strings.Contains(string(md), "No quote is tied to a claim on this board yet.") {
		t.Error("a board with no quotes tied")
	}
	render(t, "pdf", d, Options{})
	render(t, "html", d, Options{})
}

func BenchmarkMatrixCSV(b *testing.B) {
	doc := bigDoc()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var buf bytes.Buffer
		if err := WriteMatrixCSV(&buf, doc, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
