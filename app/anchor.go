package app

import (
	"strings"
	"unicode/utf8"
)

// NewAnchor makes the anchor for the passage of text between code point
// offsets start and end, with up to AnchorContext code points of context.
// It returns false if the range does not fit text or selects nothing.
func NewAnchor(text string, start, end int) (*Anchor, bool) {
	exact, ok := SliceRunes(text, start, end)
	if !ok || exact == "" {
		return nil, false
	}
	prefix, _ := SliceRunes(text, max(0, start-AnchorContext), start)
	n := utf8.RuneCountInString(text)
	suffix, _ := SliceRunes(text, end, min(n, end+AnchorContext))
	return &Anchor{Exact: exact, Prefix: prefix, Suffix: suffix, Start: start, End: end}, true
}

// Reanchor finds an anchor's passage again in a changed text, in the manner
// of the W3C TextQuoteSelector: among the places where Exact occurs it
// prefers the one whose prefix and suffix match best, then the one nearest
// the old Start. It returns the anchor at its new place, or false if Exact
// no longer occurs.
func Reanchor(a *Anchor, text string) (*Anchor, bool) {
	if a == nil || a.Exact == "" {
		return nil, false
	}
	best, bestScore, bestDist := -1, -1, 0
	exactLen := utf8.RuneCountInString(a.Exact)
	// Walk the occurrences by byte offset, counting code points as we go.
	runeAt, byteAt := 0, 0
	for {
		i := strings.Index(text[byteAt:], a.Exact)
		if i < 0 {
			break
		}
		runeAt += utf8.RuneCountInString(text[byteAt : byteAt+i])
		byteAt += i
		score := commonSuffix(text[:byteAt], a.Prefix) + commonPrefix(text[byteAt+len(a.Exact):], a.Suffix)
		dist := runeAt - a.Start
		if dist < 0 {
			dist = -dist
		}
		if score > bestScore || (score == bestScore && dist < bestDist) {
			best, bestScore, bestDist = runeAt, score, dist
		}
		_, size := utf8.DecodeRuneInString(text[byteAt:])
		byteAt += size
		runeAt++
	}
	if best < 0 {
		return nil, false
	}
	return NewAnchor(text, best, best+exactLen)
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func commonSuffix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n
}
