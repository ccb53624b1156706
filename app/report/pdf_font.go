package report

import (
	"encoding/binary"
	"fmt"
	"strings"
	"sync"
	"unicode"

	"evidenceboard/assets"
)

// The PDF report's fonts are DejaVu Sans and DejaVu Sans Bold, embedded in
// the program (package assets). They cover Latin, Greek and Cyrillic among
// others, but not CJK, most of Unicode's symbols and emoji; and the PDF
// library lays text out left to right without shaping, so Arabic, Hebrew
// and other right-to-left scripts would come out wrong even where the font
// has their letters. Such characters are never dropped in silence: each run
// of them is replaced by a visible placeholder naming their code points,
// and the caller is warned with the count (see WritePDF).

// glyphSet is the set of BMP code points a font maps to a glyph.
type glyphSet [0x10000 / 64]uint64

func (g *glyphSet) has(r rune) bool {
	return r >= 0 && r < 0x10000 && g[r/64]&(1<<(uint(r)%64)) != 0
}

func (g *glyphSet) add(r int) {
	if r >= 0 && r < 0x10000 {
		g[r/64] |= 1 << (uint(r) % 64)
	}
}

var (
	coverOnce sync.Once
	cover     *glyphSet // runes both fonts have
	coverErr  error
)

// pdfCover returns the code points that both embedded fonts can show.
func pdfCover() (*glyphSet, error) {
	coverOnce.Do(func() {
		regular, err := cmapCoverage(assets.DejaVuSans)
		if err != nil {
			coverErr = fmt.Errorf("reading the PDF font DejaVu Sans: %w", err)
			return
		}
		bold, err := cmapCoverage(assets.DejaVuSansBold)
		if err != nil {
			coverErr = fmt.Errorf("reading the PDF font DejaVu Sans Bold: %w", err)
			return
		}
		for i := range regular {
			regular[i] &= bold[i]
		}
		cover = regular
	})
	return cover, coverErr
}

// cmapCoverage reads a TrueType font's Unicode BMP character map (platform
// 3 encoding 1, or platform 0, format 4) and returns the code points it maps
// to a glyph other than .notdef.
func cmapCoverage(font []byte) (*glyphSet, error) {
	u16 := func(off int) (int, bool) {
		if off < 0 || off+2 > len(font) {
			return 0, false
		}
		return int(binary.BigEndian.Uint16(font[off:])), true
	}
	u32 := func(off int) (int, bool) {
		if off < 0 || off+4 > len(font) {
			return 0, false
		}
		return int(binary.BigEndian.Uint32(font[off:])), true
	}
	numTables, ok := u16(4)
	if !ok {
		return nil, fmt.Errorf("not a TrueType font")
	}
	cmap := -1
	for i := 0; i < numTables; i++ {
		rec := 12 + 16*i
		if rec+16 > len(font) {
			break
		}
		if string(font[rec:rec+4]) == "cmap" {
			cmap, _ = u32(rec + 8)
			break
		}
	}
	if cmap < 0 {
		return nil, fmt.Errorf("the font has no character map")
	}
	n, _ := u16(cmap + 2)
	sub := -1
	for i := 0; i < n; i++ {
		rec := cmap + 4 + 8*i
		platform, _ := u16(rec)
		encoding, _ := u16(rec + 2)
		off, ok := u32(rec + 4)
		if !ok {
			break
		}
		if f, _ := u16(cmap + off); f != 4 {
			continue
		}
		if (platform == 3 && encoding == 1) || (platform == 0 && sub < 0) {
			sub = cmap + off
		}
	}
	if sub < 0 {
		return nil, fmt.Errorf("the font has no Unicode character map of format 4")
	}
	segX2, ok := u16(sub + 6)
	if !ok {
		return nil, fmt.Errorf("the font's character map is cut short")
	}
	ends, starts := sub+14, sub+16+segX2
	deltas, ranges := starts+segX2, starts+2*segX2
	g := new(glyphSet)
	for i := 0; i < segX2/2; i++ {
		end, ok1 := u16(ends + 2*i)
		start, ok2 := u16(starts + 2*i)
		delta, ok3 := u16(deltas + 2*i)
		rangeOff, ok4 := u16(ranges + 2*i)
		if !ok1 || !ok2 || !ok3 || !ok4 {
			return nil, fmt.Errorf("the font's character map is cut short")
		}
		for c := start; c <= end && c < 0xFFFF; c++ {
			glyph := 0
			if rangeOff == 0 {
				glyph = (c + delta) & 0xFFFF
			} else {
				gi, ok := u16(ranges + 2*i + rangeOff + 2*(c-start))
				if !ok {
					continue
				}
				if gi != 0 {
					glyph = (gi + delta) & 0xFFFF
				}
			}
			if glyph != 0 {
				g.add(c)
			}
		}
	}
	return g, nil
}

// rtlScripts are written right to left, which the PDF library cannot lay
// out: their letters are replaced even where the font has them.
var rtlScripts = []*unicode.RangeTable{
	unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko,
	unicode.Samaritan, unicode.Mandaic, unicode.Adlam, unicode.Hanifi_Rohingya,
}

// pdfShows reports whether the PDF can show r as it is.
func pdfShows(g *glyphSet, r rune) bool {
	switch {
	case r == '\n' || r == ' ':
		return true
	case r < 0x20 || (r >= 0x7f && r < 0xa0) || r > 0xFFFF:
		return false
	case r < 0x590: // before Hebrew: no right-to-left letter, no bidi control
		return g.has(r)
	case unicode.In(r, unicode.Bidi_Control) || unicode.In(r, rtlScripts...):
		return false
	}
	return g.has(r)
}

// maxPlaceholder is how many code points a placeholder names before it
// gives the count of the rest.
const maxPlaceholder = 6

// pdfString returns s as the PDF shows it, and how many characters it
// replaced: a tab becomes a space, CR LF and CR become LF, and each run of
// characters the PDF cannot show becomes a placeholder such as
// [U+4E2D U+6587].
func pdfString(g *glyphSet, s string) (string, int) {
	if s == "" {
		return s, 0
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	simple := true
	for _, r := range s {
		if r == '\t' || r == '\r' || !pdfShows(g, r) {
			simple = false
			break
		}
	}
	if simple {
		return s, 0
	}
	var b strings.Builder
	var run []rune
	replaced := 0
	flush := func() {
		if len(run) == 0 {
			return
		}
		replaced += len(run)
		b.WriteByte('[')
		for i, r := range run {
			if i == maxPlaceholder {
				fmt.Fprintf(&b, " +%d more", len(run)-maxPlaceholder)
				break
			}
			if i > 0 {
				b.WriteByte(' ')
			}
			fmt.Fprintf(&b, "U+%04X", r)
		}
		b.WriteByte(']')
		run = run[:0]
	}
	for _, r := range s {
		switch {
		case r == '\t':
			flush()
			b.WriteByte(' ')
		case r == '\r':
			flush()
			b.WriteByte('\n')
		case pdfShows(g, r):
			flush()
			b.WriteRune(r)
		default:
			run = append(run, r)
		}
	}
	flush()
	return b.String(), replaced
}
