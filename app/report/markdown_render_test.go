package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
	xhtml "golang.org/x/net/html"
)

// The Markdown report is checked here through a real CommonMark renderer,
// goldmark, with GitHub's tables and strikethrough and with raw HTML let
// through (so that any that the report let in would show as an element).

var commonMark = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough),
	goldmark.WithRendererOptions(html.WithUnsafe()),
)

// mdRender renders Markdown to HTML and parses the HTML.
func mdRender(t *testing.T, src string) *xhtml.Node {
	t.Helper()
	var buf bytes.Buffer
	if err := commonMark.Convert([]byte(src), &buf); err != nil {
		t.Fatal(err)
	}
	n, err := xhtml.Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// htmlBody is the <body> of a parsed document.
func htmlBody(n *xhtml.Node) *xhtml.Node {
	if n.Type == xhtml.ElementNode && n.Data == "body" {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if b := htmlBody(c); b != nil {
			return b
		}
	}
	return nil
}

// htmlText is the text under n, as a reader sees it.
func htmlText(n *xhtml.Node) string {
	var b strings.Builder
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// htmlElements counts the elements under n (n itself left out), by name.
func htmlElements(n *xhtml.Node) map[string]int {
	out := map[string]int{}
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == xhtml.ElementNode {
				out[c.Data]++
			}
			walk(c)
		}
	}
	walk(n)
	return out
}

// htmlFind is the first element named tag under n, or nil.
func htmlFind(n *xhtml.Node, tag string) *xhtml.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == xhtml.ElementNode && c.Data == tag {
			return c
		}
		if f := htmlFind(c, tag); f != nil {
			return f
		}
	}
	return nil
}

// intendedLines are the lines of s as the report means to show them:
// blank lines dropped, each trimmed, tabs as spaces, control characters
// as U+FFFD.
func intendedLines(s string) []string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	var out []string
	for _, l := range strings.Split(s, "\n") {
		l = strings.Map(func(r rune) rune {
			switch {
			case r == '\t':
				return ' '
			case r < 0x20 || r == 0x7f:
				return '\uFFFD'
			}
			return r
		}, strings.TrimSpace(l))
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// hostileMarkdown are strings that mean something to Markdown.
var hostileMarkdown = []string{
	"*bold* and **strong**", "_em_ and __strong__", "snake_case_words", "# heading", "###### six", "####### seven",
	"ends with #", "C# and F#", "1. first", "1) first", "2018. A year", "10.5 million", "- item", "+ item", "* item",
	"-5 degrees", "---", "***", "___", "- - -", "===", "> quoted", "a > b", "<script>alert(1)</script>",
	"<img src=x onerror=alert(1)>", "<https://example.com>", "<!-- comment -->", "`code`", "``double``", "```go",
	"~~~", "~~struck~~", "a | b | c", "| cell |", "[link](https://example.com)", "![img](x.png)", "[ref]: /url",
	"[^1]", "- [ ] task", "&amp; &copy; &#42; &#x2A;", "AT&T", `back\slash`, `trailing\`, `\*not bold\*`,
	"two  spaces  ", "U.S. Companies, c-pla-chips (2018)!", "$5 and $10", "x^2 {a} @me =b= +c+",
	"first line\n- second line\n1. third\n# fourth\n> fifth\n===\n    indented\n\n\tTabbed\n```\nend",
	"line one\r\nline two\rline three",
}

// mdPlace is a kind of place where the report puts text from the board.
type mdPlace struct {
	name  string
	src   func(s string) string // the Markdown with s in its place
	in    string                // the element whose text is checked
	text  func(s string) string // the text it must have
	allow map[string]bool       // the elements the place itself makes
}

func mdPlaces() []mdPlace {
	line := func(s string) string { return strings.Join(intendedLines(s), " ") }
	lines := func(s string) string { return strings.Join(intendedLines(s), "\n") }
	set := func(tags ...string) map[string]bool {
		m := map[string]bool{"br": true}
		for _, tag := range tags {
			m[tag] = true
		}
		return m
	}
	return []mdPlace{
		{"paragraph", func(s string) string { return mdText(s, "") + "\n" }, "p", lines, set("p")},
		{"after words", func(s string) string { return "Notes: " + mdText(s, "") + "\\\nnext\n" }, "p",
			func(s string) string { return "Notes: " + lines(s) + "\nnext" }, set("p")},
		{"list item", func(s string) string { return "- " + mdText(s, "  ") + "\n- next\n" }, "li", lines, set("ul", "li")},
		{"ordered item", func(s string) string { return "1. " + mdLine(s) + "\n" }, "li", line, set("ol", "li")},
		{"heading", func(s string) string { return "### " + mdLine(s) + "\n" }, "h3", line, set("h3")},
		{"strong", func(s string) string { return "- **" + mdLine(s) + "** · x\n" }, "strong", line, set("ul", "li", "strong")},
		{"emphasis", func(s string) string { return "by *" + mdLine(s) + "*, 2018\n" }, "em", line, set("p", "em")},
		{"link text", func(s string) string { return "[" + mdLine(s) + "](https://example.com/)\n" }, "a", line, set("p", "a")},
		{"table cell", func(s string) string {
			return "| A | B |\n| --- | --- |\n| " + mdLine(s) + " | x |\n"
		}, "td", line, set("table", "thead", "tbody", "tr", "th", "td")},
		{"block quote", func(s string) string { return "> " + mdText(s, "> ") + "\n" }, "blockquote", lines, set("blockquote", "p")},
	}
}

// checkMarkdownPlaces renders s through goldmark in every kind of place the
// report puts text from the board, and checks that the reader sees the
// string's own words and no markup of it.
func checkMarkdownPlaces(t *testing.T, s string) {
	t.Helper()
	for _, p := range mdPlaces() {
		want := p.text(s)
		if len(intendedLines(s)) == 0 {
			return // nothing to show: the places are empty
		}
		src := p.src(s)
		body := htmlBody(mdRender(t, src))
		for tag := range htmlElements(body) {
			if !p.allow[tag] {
				t.Errorf("%s: %q as %q makes a <%s>", p.name, s, src, tag)
			}
		}
		el := htmlFind(body, p.in)
		if el == nil {
			t.Errorf("%s: %q as %q makes no <%s>", p.name, s, src, p.in)
			continue
		}
		if got := strings.TrimSpace(htmlText(el)); got != want {
			t.Errorf("%s: %q as %q reads %q, want %q", p.name, s, src, got, want)
		}
	}
}

func TestMarkdownRendersAsText(t *testing.T) {
	for _, s := range hostileMarkdown {
		checkMarkdownPlaces(t, s)
	}
}

// FuzzMarkdownText checks any text as TestMarkdownRendersAsText does.
func FuzzMarkdownText(f *testing.F) {
	for _, s := range hostileMarkdown {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // shown as U+FFFD, which goldmark keeps as it is
		}
		checkMarkdownPlaces(t, s)
	})
}

// mdEscapes matches a backslash escape of a period or a hyphen.
var mdEscapes = regexp.MustCompile(`\\[.-]`)

// TestMarkdownSampleReads renders the sample's report through goldmark and
// checks that it reads as meant: one title, every quote's words as they are,
// and no stray backslash before a period or hyphen; and that the Markdown
// itself escapes almost no period or hyphen (399 did, where every one was).
func TestMarkdownSampleReads(t *testing.T) {
	doc := sampleDoc(t)
	md, _ := render(t, "md", doc, Options{Generated: goldenTime})
	if n := len(mdEscapes.FindAll(md, -1)); n > 5 {
		t.Errorf("the sample's Markdown escapes %d periods and hyphens, want at most 5", n)
	}
	body := htmlBody(mdRender(t, string(md)))
	if n := htmlElements(body)["h1"]; n != 1 {
		t.Errorf("%d <h1>, want 1", n)
	}
	if h := htmlFind(body, "h1"); h == nil || htmlText(h) != doc.Board.Title {
		t.Errorf("the title reads %q, want %q", htmlText(h), doc.Board.Title)
	}
	text := htmlText(body)
	for _, q := range doc.Quotes {
		if !strings.Contains(text, strings.Join(intendedLines(q.Text), "\n")) {
			t.Errorf("quote %s does not read as its words %q", q.ID, q.Text)
		}
	}
	if m := mdEscapes.FindString(text); m != "" {
		t.Errorf("the rendered report shows an escape %q", m)
	}
}
