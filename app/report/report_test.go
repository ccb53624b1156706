package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"evidenceboard/app"
	"evidenceboard/assets"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenTime is when the golden reports were "generated".
var goldenTime = time.Date(2018, 10, 5, 0, 0, 0, 0, time.UTC)

func sampleDoc(tb testing.TB) *app.Document {
	tb.Helper()
	doc, _, err := app.ParseDocument(assets.SampleJSON)
	if err != nil {
		tb.Fatal(err)
	}
	return doc
}

// render writes doc in a format and returns the bytes and the warnings.
func render(tb testing.TB, name string, doc *app.Document, opts Options) ([]byte, []string) {
	tb.Helper()
	f, ok := Lookup(name)
	if !ok {
		tb.Fatalf("no format %q", name)
	}
	var warns []string
	opts.Warn = func(s string) { warns = append(warns, s) }
	var buf bytes.Buffer
	if err := f.Write(&buf, doc, opts); err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	return buf.Bytes(), warns
}

func TestFormats(t *testing.T) {
	var names, exts []string
	for _, f := range Formats {
		names = append(names, f.Name)
		exts = append(exts, f.Ext)
		if f.Description == "" || f.Write == nil {
			t.Errorf("format %s has no description or writer", f.Name)
		}
		g, ok := Lookup(f.Name)
		if !ok || g.Name != f.Name {
			t.Errorf("Lookup(%q) = %v, %v", f.Name, g.Name, ok)
		}
	}
	if got := strings.Join(names, " "); got != "html md pdf csv stance matrix claimreview canvas" {
		t.Errorf("formats are %s", got)
	}
	if got := strings.Join(exts, " "); got != ".html .md .pdf .csv .stance.csv .matrix.csv .claimreview.json .canvas" {
		t.Errorf("extensions are %s", got)
	}
	if _, ok := Lookup("docx"); ok {
		t.Error("Lookup found docx")
	}
}

func TestGeneratedTime(t *testing.T) {
	now := func() time.Time { return time.Date(2024, 3, 1, 12, 0, 0, 0, time.FixedZone("CET", 3600)) }
	for _, tc := range []struct {
		env  string
		want time.Time
	}{
		{"", time.Date(2024, 3, 1, 11, 0, 0, 0, time.UTC)},
		{"1538697600", goldenTime},
		{"0", time.Unix(0, 0).UTC()},
		{"-1", time.Date(2024, 3, 1, 11, 0, 0, 0, time.UTC)},
		{"+5", time.Date(2024, 3, 1, 11, 0, 0, 0, time.UTC)},
		{"12ab", time.Date(2024, 3, 1, 11, 0, 0, 0, time.UTC)},
		{" 1538697600", time.Date(2024, 3, 1, 11, 0, 0, 0, time.UTC)},
		{"99999999999999999999", time.Date(2024, 3, 1, 11, 0, 0, 0, time.UTC)},
		{"253402300800", time.Date(2024, 3, 1, 11, 0, 0, 0, time.UTC)}, // year 10000
	} {
		t.Setenv("SOURCE_DATE_EPOCH", tc.env)
		got := GeneratedTime(now)
		if !got.Equal(tc.want) || got.Location() != time.UTC {
			t.Errorf("SOURCE_DATE_EPOCH=%q: got %v, want %v in UTC", tc.env, got, tc.want)
		}
	}
	t.Setenv("SOURCE_DATE_EPOCH", "")
	if got := GeneratedTime(nil); got.Location() != time.UTC || time.Since(got) > time.Minute {
		t.Errorf("GeneratedTime(nil) = %v", got)
	}
}

// TestGolden compares the reports of the sample board with the files in
// testdata/golden; go test -run TestGolden -update rewrites them.
func TestGolden(t *testing.T) {
	doc := sampleDoc(t)
	for _, f := range Formats {
		if f.Name == "pdf" {
			continue // see TestPDF
		}
		t.Run(f.Name, func(t *testing.T) {
			got, _ := render(t, f.Name, doc, Options{Generated: goldenTime})
			path := filepath.Join("testdata", "golden", "sample"+f.Ext)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -run TestGolden -update to write it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s at %s (run go test -run TestGolden -update if the change is meant)", f.Name, path, firstDiff(got, want))
			}
		})
	}
}

func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-40)
	return fmt.Sprintf("byte %d: got %q, want %q", i, a[from:min(len(a), i+40)], b[from:min(len(b), i+40)])
}

func TestDeterminism(t *testing.T) {
	doc := sampleDoc(t)
	opts := Options{Generated: goldenTime, BoardImage: testPNG(t)}
	for _, f := range Formats {
		a, _ := render(t, f.Name, doc, opts)
		for i := 0; i < 3; i++ {
			b, _ := render(t, f.Name, doc, opts)
			if !bytes.Equal(a, b) {
				t.Errorf("%s: two runs differ at %s", f.Name, firstDiff(a, b))
				break
			}
		}
	}
	// A copy of the document, rebuilt from its JSON, gives the same bytes.
	var buf bytes.Buffer
	if err := app.WriteDocumentJSON(&buf, doc); err != nil {
		t.Fatal(err)
	}
	doc2, _, err := app.ParseDocument(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range Formats {
		a, _ := render(t, f.Name, doc, opts)
		b, _ := render(t, f.Name, doc2, opts)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: a copy of the board gives other bytes", f.Name)
		}
	}
}

// checkAll runs the structural checks of every format on doc's reports.
func checkAll(t *testing.T, doc *app.Document, opts Options) {
	t.Helper()
	v := buildView(doc, opts)
	for _, f := range Formats {
		out, _ := render(t, f.Name, doc, opts)
		switch f.Name {
		case "html":
			checkHTML(t, out, v)
		case "md":
			checkMarkdown(t, out, v)
		case "pdf":
			checkPDF(t, out)
		case "csv":
			checkCSV(t, out, v)
		case "claimreview":
			checkClaimReview(t, out, v)
		case "canvas":
			checkCanvas(t, out, doc)
		}
	}
}

func TestStructureSample(t *testing.T) {
	checkAll(t, sampleDoc(t), Options{Generated: goldenTime, BoardImage: testPNG(t)})
}

// htmlTags and htmlAttrs are every element and attribute the HTML template
// writes: text from the board can add none.
var (
	htmlTags = map[string]bool{
		"html": true, "head": true, "meta": true, "title": true, "style": true, "body": true, "header": true,
		"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "nav": true, "a": true, "main": true,
		"section": true, "table": true, "thead": true, "tbody": true, "tfoot": true, "tr": true, "th": true,
		"td": true, "span": true, "figure": true, "img": true, "figcaption": true, "article": true, "ol": true,
		"ul": true, "li": true, "time": true, "blockquote": true, "strong": true, "cite": true, "br": true,
		"footer": true, "div": true, "dl": true, "dt": true, "dd": true,
	}
	htmlAttrs = map[string]bool{
		"lang": true, "charset": true, "name": true, "content": true, "class": true, "id": true, "href": true,
		"aria-label": true, "scope": true, "colspan": true, "src": true, "alt": true, "datetime": true,
	}
)

func checkHTML(t *testing.T, out []byte, v *view) {
	t.Helper()
	if !bytes.HasPrefix(out, []byte("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">")) {
		t.Errorf("html: does not start with a doctype, html lang and meta charset: %.80q", out)
	}
	lower := bytes.ToLower(out)
	if bytes.Contains(lower, []byte("<script")) {
		t.Error("html: contains <script")
	}
	z := html.NewTokenizer(bytes.NewReader(out))
	counts := map[string]int{}
	styles := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				t.Errorf("html: %v", z.Err())
			}
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		if !htmlTags[tok.Data] {
			t.Errorf("html: element <%s> is not one the template writes", tok.Data)
		}
		if tok.Data == "style" {
			styles++
		}
		for _, a := range tok.Attr {
			if !htmlAttrs[a.Key] {
				t.Errorf("html: attribute %s on <%s> is not one the template writes", a.Key, tok.Data)
			}
			if a.Key == "class" && tok.Data == "article" {
				counts[strings.Fields(a.Val)[0]]++
			}
			switch a.Key {
			case "href":
				if strings.HasPrefix(a.Val, "#") {
					break
				}
				u, err := url.Parse(a.Val)
				if err != nil {
					t.Errorf("html: href %q: %v", a.Val, err)
					break
				}
				if s := strings.ToLower(u.Scheme); s != "http" && s != "https" && s != "mailto" {
					t.Errorf("html: href %q is not http, https or mailto", a.Val)
				}
			case "src":
				if !strings.HasPrefix(a.Val, "data:image/png;base64,") {
					t.Errorf("html: src %.60q is not an embedded PNG", a.Val)
				}
			}
		}
	}
	if styles != 1 {
		t.Errorf("html: %d style elements, want 1", styles)
	}
	if counts["claim"] != len(v.Claims) || counts["party"] != len(v.Parties) {
		t.Errorf("html: %d claim and %d party articles, want %d and %d", counts["claim"], counts["party"], len(v.Claims), len(v.Parties))
	}
	doc, err := html.Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("html: %v", err)
	}
	var title string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "title" && n.FirstChild != nil {
			title = n.FirstChild.Data
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	controls := strings.ContainsFunc(v.Title, func(r rune) bool { return r < 0x20 })
	if want := v.Title + " · Evidence Board report"; !controls && title != want {
		t.Errorf("html: title is %q, want %q", title, want)
	}
}

// mdTags are every element the Markdown report renders to: text from the
// board can add none.
var mdTags = map[string]bool{
	"h1": true, "h2": true, "h3": true, "p": true, "strong": true, "em": true, "ul": true, "ol": true,
	"li": true, "a": true, "br": true, "table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true,
}

func checkMarkdown(t *testing.T, out []byte, v *view) {
	t.Helper()
	body := htmlBody(mdRender(t, string(out)))
	for tag := range htmlElements(body) {
		if !mdTags[tag] {
			t.Errorf("md: renders to a <%s>", tag)
		}
	}
	if h := htmlFind(body, "h1"); h == nil || htmlText(h) != strings.Join(intendedLines(v.Title), " ") {
		t.Errorf("md: the title does not read as %q", v.Title)
	}
	if i := bytes.IndexByte(out, '<'); i >= 0 {
		t.Errorf("md: contains a raw < (all < from the board are written &lt;): %q", out[max(0, i-30):min(len(out), i+30)])
	}
	for i, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(line, "    ") || strings.HasPrefix(line, "\t") {
			t.Errorf("md: line %d is indented code: %q", i+1, line)
		}
	}
}

func checkPDF(t *testing.T, out []byte) {
	t.Helper()
	if !bytes.HasPrefix(out, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimSpace(out), []byte("%%EOF")) {
		t.Errorf("pdf: does not start with %%PDF- and end with %%%%EOF")
	}
}

// csvRows is how many rows (header included) the CSV of v must have.
func csvRows(v *view) int {
	n := 1 + len(v.Unlinked)
	for _, c := range v.Claims {
		n += max(1, c.NQuotes)
	}
	return n
}

func checkCSV(t *testing.T, out []byte, v *view) {
	t.Helper()
	if !bytes.HasPrefix(out, []byte("\uFEFF")) {
		t.Error("csv: no byte order mark")
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(out, []byte("\uFEFF"))))
	r.FieldsPerRecord = len(csvHeader)
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("csv: %v", err)
	}
	if len(rows) != csvRows(v) {
		t.Errorf("csv: %d rows, want %d", len(rows), csvRows(v))
	}
	if len(rows) > 0 && strings.Join(rows[0], ",") != "claim id,claim,status,relation,quote id,quote,speaker,speaker kind,source,url,date,verdict,verdict value,verdict note,verdict date,speaker reliability,source reliability,credibility" {
		t.Errorf("csv: header is %q", rows[0])
	}
	for i, row := range rows {
		for j, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("csv: row %d column %d starts with a formula character: %q", i+1, j+1, cell)
			}
		}
	}
	if !bytes.HasSuffix(out, []byte("\r\n")) {
		t.Error("csv: does not end in CRLF")
	}
}

func checkClaimReview(t *testing.T, out []byte, v *view) {
	t.Helper()
	var reviews []map[string]any
	if err := json.Unmarshal(out, &reviews); err != nil {
		t.Fatalf("claimreview: %v", err)
	}
	if len(reviews) != len(v.Claims) {
		t.Fatalf("claimreview: %d reviews, want %d", len(reviews), len(v.Claims))
	}
	for i, r := range reviews {
		if r["@context"] != "https://schema.org" || r["@type"] != "ClaimReview" {
			t.Errorf("claimreview[%d]: @context %v, @type %v", i, r["@context"], r["@type"])
		}
		if r["claimReviewed"] != v.Claims[i].Statement {
			t.Errorf("claimreview[%d]: claimReviewed %q, want %q", i, r["claimReviewed"], v.Claims[i].Statement)
		}
		// The rating is the verdict on the scale, or there is none.
		rating, hasRating := r["reviewRating"].(map[string]any)
		switch vd := v.Claims[i].Verdict; {
		case vd == nil:
			if _, ok := r["reviewRating"]; ok {
				t.Errorf("claimreview[%d]: a claim with no verdict has a reviewRating %v", i, r["reviewRating"])
			}
		case !hasRating || rating["@type"] != "Rating" || rating["alternateName"] != vd.Label:
			t.Errorf("claimreview[%d]: reviewRating %v, want the verdict %q", i, rating, vd.Label)
		case vd.OnScale:
			want := map[string]any{"@type": "Rating", "alternateName": vd.Label, "ratingValue": float64(vd.Value),
				"worstRating": float64(v.Scale[0].Value), "bestRating": float64(v.Scale[len(v.Scale)-1].Value)}
			if !reflect.DeepEqual(rating, want) {
				t.Errorf("claimreview[%d]: reviewRating %v, want %v", i, rating, want)
			}
		}
		item, _ := r["itemReviewed"].(map[string]any)
		if item["@type"] != "Claim" {
			t.Errorf("claimreview[%d]: itemReviewed %v", i, item)
		}
		if apps, ok := item["appearance"].([]any); ok {
			for _, a := range apps {
				u, _ := a.(map[string]any)["url"].(string)
				if webURL(u) == "" {
					t.Errorf("claimreview[%d]: appearance %q is not a web address", i, u)
				}
			}
		}
	}
}

func checkCanvas(t *testing.T, out []byte, doc *app.Document) {
	t.Helper()
	var c struct {
		Nodes []map[string]json.RawMessage `json:"nodes"`
		Edges []map[string]json.RawMessage `json:"edges"`
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	if err := dec.Decode(&c); err != nil {
		t.Fatalf("canvas: %v", err)
	}
	str := func(m map[string]json.RawMessage, k string) string {
		var s string
		if err := json.Unmarshal(m[k], &s); err != nil {
			t.Errorf("canvas: %s is not a string: %s", k, m[k])
		}
		return s
	}
	ids := map[string]bool{}
	for _, n := range c.Nodes {
		id := str(n, "id")
		if id == "" || ids[id] {
			t.Errorf("canvas: node id %q empty or not unique", id)
		}
		ids[id] = true
		if str(n, "type") != "text" {
			t.Errorf("canvas: node %s is not a text node", id)
		}
		str(n, "text")
		for _, k := range []string{"x", "y", "width", "height"} {
			var i int
			if err := json.Unmarshal(n[k], &i); err != nil {
				t.Errorf("canvas: node %s: %s is not an integer: %s", id, k, n[k])
			}
		}
		if col, ok := n["color"]; ok {
			var s string
			_ = json.Unmarshal(col, &s)
			if len(s) != 1 || s < "1" || s > "6" {
				t.Errorf("canvas: node %s colour %q", id, s)
			}
		}
	}
	if len(c.Nodes) != len(doc.Claims)+len(doc.Quotes)+len(doc.Parties)+len(doc.Sources) {
		t.Errorf("canvas: %d nodes", len(c.Nodes))
	}
	if len(c.Edges) != len(doc.Links) {
		t.Errorf("canvas: %d edges, want %d", len(c.Edges), len(doc.Links))
	}
	for _, e := range c.Edges {
		id := str(e, "id")
		if id == "" || ids[id] {
			t.Errorf("canvas: edge id %q empty or not unique", id)
		}
		ids[id] = true
		if !ids[str(e, "fromNode")] || !ids[str(e, "toNode")] {
			t.Errorf("canvas: edge %s joins nodes that do not exist", id)
		}
		if str(e, "toEnd") != "arrow" || str(e, "label") == "" {
			t.Errorf("canvas: edge %s has no arrow or no label", id)
		}
	}
}

func TestPDF(t *testing.T) {
	doc := sampleDoc(t)
	doc.Claims[0].Statement += " Ελληνικά: Η αλήθεια. Русский: правда."
	doc.Quotes[0].Text += " 中文字幕 and 🙂 and قال"
	for _, paper := range []string{"A4", "Letter"} {
		t.Run(paper, func(t *testing.T) {
			out, warns := render(t, "pdf", doc, Options{Generated: goldenTime, Paper: paper, BoardImage: testPNG(t)})
			checkPDF(t, out)
			if !bytes.Contains(out, []byte("/CreationDate (D:20181005000000")) {
				t.Error("pdf: creation date is not the Generated time")
			}
			if len(warns) != 1 || !strings.Contains(warns[0], "8 characters") {
				t.Errorf("pdf: warnings %q, want one naming 8 characters", warns)
			}
			text := strings.Join(strings.Fields(pdfToText(t, out)), " ")
			if text == "" {
				return
			}
			for _, want := range []string{"The Big Hack: claims and denials", "Ελληνικά: Η αλήθεια", "Русский: правда", "[U+4E2D U+6587 U+5B57 U+5E55]", "[U+1F642]", "[U+0642 U+0627 U+0644]", "DENIED", "Timeline"} {
				if !strings.Contains(text, want) {
					t.Errorf("pdf: the text has no %q", want)
				}
			}
			mediabox := map[string]string{"A4": "595.28 841.89", "Letter": "612.00 792.00"}[paper]
			if !bytes.Contains(out, []byte("/MediaBox [0 0 "+mediabox+"]")) {
				t.Errorf("pdf: no %s media box", paper)
			}
		})
	}
	if _, _, err := func() ([]byte, []string, error) {
		var buf bytes.Buffer
		return nil, nil, WritePDF(&buf, doc, Options{Paper: "A5"})
	}(); err == nil {
		t.Error("paper A5 was accepted")
	}
}

// pdfToText returns the text of a PDF by pdftotext, or "" (and a log line)
// if pdftotext is not installed, which fails the test under CI.
func pdfToText(t *testing.T, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" { // .ci/setup installs it: CI always checks the text
			t.Fatal("pdftotext is not installed (Debian: poppler-utils)")
		}
		t.Log("pdftotext is not installed (Debian: poppler-utils): the PDF's text is not checked")
		return ""
	}
	path := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}
