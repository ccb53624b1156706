package storage

import "unicode/utf8"

// A long text that an edit changes is kept in the log as what changed of
// it, not as two whole copies: the lengths of the prefix and the suffix
// the texts share, and the middles that differ. Either text is then made
// from the other: a source of 1 MB whose title is edited 50 times adds
// nothing of its text to the log, and one whose text gains a sentence adds
// that sentence.

// longText is the length from which a changed text is kept as a delta.
const longText = 256

// textDelta is what changed of a text: Before = P bytes, Old, S bytes;
// After = the same P bytes, New, the same S bytes.
type textDelta struct {
	P   int    `json:"p"`
	S   int    `json:"s"`
	Old string `json:"o"`
	New string `json:"n"`
}

// diffText returns the delta that turns a into b. The cuts fall between
// characters, never inside one.
func diffText(a, b string) textDelta {
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	for p > 0 && ((p < len(a) && !utf8.RuneStart(a[p])) || (p < len(b) && !utf8.RuneStart(b[p]))) {
		p--
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	for s > 0 && ((len(a)-s < len(a) && !utf8.RuneStart(a[len(a)-s])) || (len(b)-s < len(b) && !utf8.RuneStart(b[len(b)-s]))) {
		s--
	}
	return textDelta{P: p, S: s, Old: a[p : len(a)-s], New: b[p : len(b)-s]}
}

// apply turns the text on one side of the delta into the other: from the
// text after the change to the one before (back) or the other way. It
// returns false if cur is not that side's text as far as the delta can
// tell (its middle differs, or it is too short).
func (d textDelta) apply(cur string, back bool) (string, bool) {
	have, want := d.New, d.Old
	if !back {
		have, want = d.Old, d.New
	}
	if len(cur) < d.P+d.S || cur[d.P:len(cur)-d.S] != have {
		return "", false
	}
	return cur[:d.P] + want + cur[len(cur)-d.S:], true
}

// shorten replaces the long texts of an update by their deltas.
func shorten(rc *rowChange) {
	for c, ov := range rc.Old {
		a, ok1 := ov.(string)
		b, ok2 := rc.New[c].(string)
		if !ok1 || !ok2 || len(a)+len(b) < 2*longText {
			continue
		}
		if rc.Delta == nil {
			rc.Delta = map[string]textDelta{}
		}
		rc.Delta[c] = diffText(a, b)
		delete(rc.Old, c)
		delete(rc.New, c)
	}
}
