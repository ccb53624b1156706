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
		{"CJK", strings.Repeat("供应链攻击的说法遭到否认。", 6), 100, 40, func(l []string) string {
			if len(l) < 3 || strings.Join(l, "") != strings.Repeat("供应链攻击的说法遭到否认。", 6) {
				return "want the text cut across several lines, whole"
			}
			return ""
		}},
		{"NoGlyphs", strings.Repeat("\u3040", 40) + " 供\u3040 x\u3040", 100, 40, func(l []string) string {
			if len(l) < 2 {
				return "want several lines"
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
// narrower than shaping it whole (lines may break early, never overflow),
// whether or not a font has its glyphs, and close to it where one does.
// A rune no font has (CJK on a machine without a CJK font; U+3040, which is
// unassigned, everywhere) is measured by Fyne as a fallback box, and each
// run of them one box more, so a sum of such runes errs wide (n of them
// alone measure 2n boxes, shaped whole n+1): that case is held to the
// rule, not to closeness.
func TestWordWidthsSumOfRunes(t *testing.T) {
	test.NewTempApp(t)
	const size = 13
	for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
		c := wordWidths{}
		for _, word := range []string{"Supermicro", "AVAWAY", "Tøyen", "“quoted”", "naïve", "Δέλτα", "ёлка", "供应链", "x—y…",
			"\u3040\u3040\u3040", "a\u3040b", "供\u3040", "\u3040链"} {
			if !independentRunes(word) {
				t.Fatalf("%q should be measured rune by rune", word)
			}
			sum, whole := c.width(word, size, style), fyne.MeasureText(word, size, style).Width
			if sum < whole-0.5 {
				t.Errorf("%q (%v): sum of runes %.2f is narrower than shaped whole %.2f", word, style, sum, whole)
			}
			if missing := missingGlyphs(word, size, style); missing != "" {
				t.Logf("%q (%v): no font has %q: sum of runes %.2f, shaped whole %.2f", word, style, missing, sum, whole)
			} else if sum > whole*1.08 {
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

// missingGlyphs returns the runes of s that Fyne finds in no font: such a
// rune measures 1.5 times as wide doubled as alone (see above), a drawn
// one twice.
func missingGlyphs(s string, size float32, style fyne.TextStyle) string {
	var b strings.Builder
	for _, r := range s {
		one := fyne.MeasureText(string(r), size, style).Width
		two := fyne.MeasureText(string(r)+string(r), size, style).Width
		if two < one*1.75 {
			b.WriteRune(r)
		}
	}
	return b.String()
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
