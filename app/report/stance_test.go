package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"evidenceboard/app"
)

func readStanceCSV(t *testing.T, out []byte) [][]string {
	t.Helper()
	if !bytes.HasPrefix(out, []byte("\uFEFF")) || !bytes.HasSuffix(out, []byte("\r\n")) {
		t.Error("stance: no byte order mark, or not ending in CRLF")
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(out, []byte("\uFEFF"))))
	r.FieldsPerRecord = len(stanceHeader)
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("stance: %v", err)
	}
	return rows
}

func TestStanceCSV_Sample(t *testing.T) {
	doc := sampleDoc(t)
	out, _ := render(t, "stance", doc, Options{Generated: goldenTime})
	rows := readStanceCSV(t, out)
	if got := strings.Join(rows[0][:6], ","); got != "party_id,party,claim_id,claim,stance,quotes" {
		t.Errorf("header starts %s", got)
	}
	if len(rows) != 1+len(app.Stance(doc)) {
		t.Errorf("%d rows, want a header and %d", len(rows), len(app.Stance(doc)))
	}
	want := map[string]string{
		"apple c-apple-found-2015": "apple|Apple|c-apple-found-2015|Apple found malicious chips in Supermicro servers in 2015 and cut ties with Supermicro in 2016.|denies|q-apple-never q-apple-no-evidence q-apple-refute|about|organisation|denied|0|2|1|0",
		"bloomberg c-pla-chips":    "bloomberg|Bloomberg|c-pla-chips|The PLA forced tiny illicit chips onto Supermicro server motherboards during manufacturing in Chinese factories.|supports|q-17-sources q-officials|made-by|media|unconfirmed|2|0|0|0",
		"pla c-pla-chips":          "pla|People's Liberation Army (PLA)|c-pla-chips|The PLA forced tiny illicit chips onto Supermicro server motherboards during manufacturing in Chinese factories.|||about|government|unconfirmed|0|0|0|0",
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
}

func TestStanceCSV_Hostile(t *testing.T) {
	d := &app.Document{Format: app.FormatName, Version: app.FormatVersion, Board: app.Board{Title: "x"},
		Parties: []app.Party{{ID: "p1", Name: "=HYPERLINK(\"http://evil.example\",\"click\")", Kind: app.PartyPerson},
			{ID: "p2", Name: "@SUM(1+1)\r\nsecond line, \"quoted\"", Kind: app.PartyOrganisation}},
		Claims: []app.Claim{{ID: "c1", Statement: "+1 it happened", Status: app.StatusAlleged},
			{ID: "c2", Statement: "-2\tor not\xff", Status: app.StatusDenied}},
		Quotes: []app.Quote{{ID: "q1", Text: "yes", Speaker: "p1"}, {ID: "q2", Text: "no", Speaker: "p1"}},
		Links: []app.Link{{From: "q1", To: "c1", Relation: app.RelSupports}, {From: "q2", To: "c1", Relation: app.RelDenies},
			{From: "c2", To: "p2", Relation: app.RelAbout}, {From: "c2", To: "p2", Relation: app.RelMadeBy}},
	}
	out, _ := render(t, "stance", d, Options{})
	rows := readStanceCSV(t, out)
	if len(rows) != 3 {
		t.Fatalf("%d rows: %q", len(rows), rows)
	}
	for i, row := range rows {
		for j, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("row %d column %d starts with a formula character: %q", i+1, j+1, cell)
			}
		}
	}
	if got := strings.Join(rows[1], "|"); got != `p1|'=HYPERLINK("http://evil.example","click")|c1|'+1 it happened|mixed|q1 q2||person|alleged|1|1|0|0` {
		t.Errorf("row 2: %s", got)
	}
	if got := strings.Join(rows[2], "|"); got != "p2|'@SUM(1+1)\nsecond line, \"quoted\"|c2|'-2\tor not\uFFFD|||made-by about|organisation|denied|0|0|0|0" {
		t.Errorf("row 3: %q", got)
	}
}
