package report

import (
	"html"
	"regexp"
	"strings"
	"testing"
)

// pdfPageObject matches a page object of a PDF (not the /Pages tree).
var pdfPageObject = regexp.MustCompile(`/Type /Page[^s]`)

// TestPDFLaidOutToContent checks the sample's PDF, with a board image as
// the window exports it: at most 22 pages (30 when every section began a
// page and every quote was printed again under its party); no page less
// than a third full but the last of a section (the page after it opens
// with a section heading) and the last page; and every quote's words
// printed once, referred to by number everywhere else.
func TestPDFLaidOutToContent(t *testing.T) {
	doc := sampleDoc(t)
	out, _ := render(t, "pdf", doc, Options{Generated: goldenTime, BoardImage: testPNG(t)})
	if n := len(pdfPageObject.FindAll(out, -1)); n > 22 || n == 0 {
		t.Errorf("the sample's PDF has %d pages, want at most 22", n)
	}

	const mm = 72 / 25.4
	words := pdfWords(t, out)
	type page struct {
		bottom, h float64 // the lowest text above the footer; the page's height
		first     pdfWord // the topmost word
	}
	var pages []page
	for _, w := range words {
		for len(pages) < w.page {
			pages = append(pages, page{h: w.pageH, first: pdfWord{yMin: 1e9}})
		}
		pg := &pages[w.page-1]
		if w.yMin > w.pageH-14*mm {
			continue // the footer
		}
		pg.bottom = max(pg.bottom, w.yMax)
		if w.yMin < pg.first.yMin {
			pg.first = w
		}
	}
	for i, pg := range pages[:len(pages)-1] {
		fill := (pg.bottom - 18*mm) / (pg.h - 38*mm)
		next := pages[i+1].first
		sectionEnds := next.yMax-next.yMin > 17 // a 16 pt heading opens the next page
		if fill < 1.0/3 && !sectionEnds {
			t.Errorf("page %d is %.0f%% full, and the next page goes on with the same section (%q)", i+1, fill*100, html.UnescapeString(next.text))
		}
	}

	text := strings.Join(strings.Fields(pdfToText(t, out)), " ")
	for _, q := range doc.Quotes {
		words := strings.Join(strings.Fields(q.Text), " ")
		if n := strings.Count(text, words); n != 1 {
			t.Errorf("quote %s is printed %d times, want once: %q", q.ID, n, words)
		}
	}
	if n := strings.Count(text, "printed in full"); n < len(doc.Quotes) {
		t.Errorf("%d references to where a quote is printed in full, want at least one for each of the %d quotes (under its party)", n, len(doc.Quotes))
	}
}
