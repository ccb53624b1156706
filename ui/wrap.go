package ui

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
)

// wordWidths caches the width of words, by text size and style:
// cards share most of their words, and shaping text is the costly part of
// drawing a card (Fyne shapes each string afresh, with a new shaper). A
// word of runes that do not interact (see independentRunes) is measured as
// the sum of its runes, so a board costs a shaping per distinct rune, not
// per distinct word; other words are shaped whole. Lines are measured as
// their words plus the spaces between, which is what shaping gives for
// text without ligatures across spaces.
type wordWidths map[textFace]map[string]float32

// textFace is a text size and style: widths are kept apart by both.
type textFace struct {
	size  float32
	style fyne.TextStyle
}

func (c wordWidths) width(s string, size float32, style fyne.TextStyle) float32 {
	m := c[textFace{size, style}]
	if m == nil {
		m = map[string]float32{}
		c[textFace{size, style}] = m
	}
	w, ok := m[s]
	if !ok {
		w = c.measure(s, size, style)
		m[s] = w
	}
	return w
}

// measure returns the width of s without keeping it: the sum of its runes'
// cached widths if they are independent, else a shaping of the whole.
func (c wordWidths) measure(s string, size float32, style fyne.TextStyle) float32 {
	if utf8.RuneCountInString(s) <= 1 || !independentRunes(s) {
		return fyne.MeasureText(s, size, style).Width
	}
	w := float32(0)
	for _, r := range s {
		w += c.width(string(r), size, style)
	}
	return w
}

// independentRunes reports whether every rune of s is drawn as itself,
// whatever its neighbours: Latin, Greek, Cyrillic, CJK and common
// punctuation, but no combining marks, joiners, direction controls or
// joining scripts such as Arabic. For such text the width of a word is the
// sum of its runes' (kerning aside, which only narrows a pair: the sum errs
// on the side of an earlier line break). That holds too for runes no
// installed font has (CJK with no CJK font): Fyne measures each as a
// fallback box and a run of them one box more, so the sum of such runes
// is wider than the whole, never narrower.
func independentRunes(s string) bool {
	for _, r := range s {
		switch {
		case r < 0x20:
			return false
		case r < 0x0300: // Latin, Latin-1, Latin Extended, IPA, spacing modifiers
		case r >= 0x0370 && r < 0x0483: // Greek and Cyrillic letters
		case r >= 0x2010 && r < 0x2028: // dashes, quotation marks, bullets, ellipsis
		case r >= 0x3000 && r < 0xA000 && r != 0x3099 && r != 0x309A: // CJK
		default:
			return false
		}
	}
	return true
}

// wrapText breaks text into at most maxLines lines that fit width at the
// given size, the last one cut with an ellipsis if text is longer.
func (c wordWidths) wrapText(text string, width, size float32, style fyne.TextStyle, maxLines int) []string {
	words := strings.Fields(text)
	space := c.width(" ", size, style)
	var lines []string
	var line []string
	lineW := float32(0)
	flush := func() {
		if len(line) > 0 {
			lines = append(lines, strings.Join(line, " "))
		}
		line, lineW = line[:0], 0
	}
	for i := 0; i < len(words); i++ {
		w := words[i]
		ww := c.width(w, size, style)
		switch {
		case len(line) == 0 && ww > width: // a word wider than the card
			cut := c.cutToFit(w, width, size, style)
			lines = append(lines, cut)
			if rest := strings.TrimPrefix(w, cut); rest != "" {
				words = append(words[:i+1], append([]string{rest}, words[i+1:]...)...)
			}
		case len(line) == 0:
			line, lineW = append(line, w), ww
		case lineW+space+ww <= width:
			line, lineW = append(line, w), lineW+space+ww
		default:
			flush()
			i--
		}
		if len(lines) >= maxLines {
			more := i < len(words)-1 || len(line) > 0
			lines = lines[:maxLines]
			if more {
				lines[maxLines-1] = c.ellipsize(lines[maxLines-1], width, size, style)
			}
			return lines
		}
	}
	flush()
	return lines
}

// wrapText wraps with a throwaway cache, for one-off use.
func wrapText(text string, width, size float32, style fyne.TextStyle, maxLines int) []string {
	return wordWidths{}.wrapText(text, width, size, style, maxLines)
}

// cutToFit returns the longest start of s that fits width.
func (c wordWidths) cutToFit(s string, width, size float32, style fyne.TextStyle) string {
	r := []rune(s)
	lo, hi := 1, len(r)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if c.measure(string(r[:mid]), size, style) <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return string(r[:lo])
}

// ellipsize cuts s to fit width with a trailing ellipsis, finding the
// cut by bisection.
func (c wordWidths) ellipsize(s string, width, size float32, style fyne.TextStyle) string {
	r := []rune(s)
	lo, hi := 0, len(r)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if c.measure(string(r[:mid])+"…", size, style) <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimRight(string(r[:lo]), " ") + "…"
}
