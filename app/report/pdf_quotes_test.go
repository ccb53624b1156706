package report

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"

	"evidenceboard/assets"
)

// TestFirstWords checks that a quote's reference never gives the quote
// again: its first words, at most half of it, ending in "…".
func TestFirstWords(t *testing.T) {
	for in, want := range map[string]string{
		"China is also a victim":      "China is…",
		"uncovered troubling issues.": "uncovered…",
		"confirmation by 17 anonymous sources which said the nature of the Supermicro compromise was accurate": "confirmation by 17 anonymous sources…",
		"one":                   "…",
		"":                      "…",
		"  two   words  ":       "two…",
		strings.Repeat("x", 90): "…",
	} {
		got := firstWords(in, 40)
		if got != want {
			t.Errorf("firstWords(%q) = %q, want %q", in, got, want)
		}
		if s := strings.Join(strings.Fields(in), " "); s != "" && strings.Contains(got, s) {
			t.Errorf("firstWords(%q) = %q gives it whole", in, got)
		}
	}
}

// TestFitLine checks that fitLine's text fits the width, long words too.
func TestFitLine(t *testing.T) {
	f := fpdf.New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes(pdfFamily, "", assets.DejaVuSans)
	f.AddPage()
	f.SetFont(pdfFamily, "", 9)
	p := &pdfWriter{f: f}
	for _, s := range []string{"short", strings.Repeat("word ", 60), strings.Repeat("W", 300), "a " + strings.Repeat("W", 300)} {
		got := p.fitLine(s, 60)
		if w := f.GetStringWidth(got); w > 60 {
			t.Errorf("fitLine(%.20q…) = %.20q…, %.1f mm wide, want at most 60", s, got, w)
		}
		if got != s && !strings.HasSuffix(got, "…") || !utf8.ValidString(got) {
			t.Errorf("fitLine(%.20q…) = %q: cut without …", s, got)
		}
	}
}
