package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestWrapText(t *testing.T) {
	test.NewTempApp(t)
	const size = 13
	style := fyne.TextStyle{}
	tests := []struct {
		name     string
		text     string
		width    float32
		maxLines int
		check    func([]string) string
	}{
		{"Short", "Apple said no.", 250, 4, func(l []string) string {
			if len(l) != 1 || l[0] != "Apple said no." {
				return "want one line"
			}
			return ""
		}},
		{"Wraps", strings.Repeat("word ", 40), 120, 20, func(l []string) string {
			if len(l) < 3 {
				return "want several lines"
			}
			return ""
		}},
		{"Ellipsis", strings.Repeat("word ", 100), 120, 3, func(l []string) string {
			if len(l) != 3 || !strings.HasSuffix(l[2], "…") {
				return "want 3 lines ending in …"
			}
			return ""
		}},
		{"LongWord", strings.Repeat("x", 200), 100, 30, func(l []string) string {
			if strings.Join(l, "") != strings.Repeat("x", 200) {
				return "the word was not kept whole across lines"
			}
			return ""
		}},
		{"Empty", "   ", 100, 3, func(l []string) string {
			if len(l) != 0 {
				return "want no lines"
			}
			return ""
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := wrapText(tt.text, tt.width, size, style, tt.maxLines)
			if msg := tt.check(lines); msg != "" {
				t.Fatalf("%s: %q", msg, lines)
			}
			for _, l := range lines {
				if w := fyne.MeasureText(l, size, style).Width; w > tt.width+1 {
					t.Fatalf("line %q is %.1f wide, over %.1f", l, w, tt.width)
				}
			}
		})
	}
}

// A word of independent runes is measured as the sum of its runes: never
// narrower than shaping it whole (lines may break early, never overflow)
// and close to it; other words are shaped whole.
func TestWordWidthsSumOfRunes(t *testing.T) {
	test.NewTempApp(t)
	const size = 13
	for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
		c := wordWidths{}
		for _, word := range []string{"Supermicro", "AVAWAY", "Tøyen", "“quoted”", "naïve", "Δέλτα", "ёлка", "供应链", "x—y…"} {
			if !independentRunes(word) {
				t.Fatalf("%q should be measured rune by rune", word)
			}
			sum, whole := c.width(word, size, style), fyne.MeasureText(word, size, style).Width
			if sum < whole-0.5 || sum > whole*1.08 {
				t.Errorf("%q (%v): sum of runes %.2f, shaped whole %.2f", word, style, sum, whole)
			}
		}
	}
	for _, word := range []string{"مرحبا", "e\u0301", "👩\u200d💻", "a\u202eb", "तमिल"} {
		if independentRunes(word) {
			t.Errorf("%q should be shaped whole", word)
		}
	}
}

// Widths at one size are not taken for another's.
func TestWordWidthsBySize(t *testing.T) {
	test.NewTempApp(t)
	c := wordWidths{}
	small, large := c.width("Supermicro", 10, fyne.TextStyle{}), c.width("Supermicro", 20, fyne.TextStyle{})
	if large < small*1.8 {
		t.Fatalf("width at 20 (%.1f) is not about twice that at 10 (%.1f)", large, small)
	}
}
