package report

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"
)

// pdfWord is a word pdftotext -bbox found, with its box in points.
type pdfWord struct {
	text                   string
	xMin, yMin, xMax, yMax float64
	page                   int
	pageW, pageH           float64 // the size of its page, in points
}

var (
	bboxPage = regexp.MustCompile(`<page `)
	bboxSize = regexp.MustCompile(`^width="([0-9.]+)" height="([0-9.]+)"`)
	bboxWord = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>`)
)

// pdfWords returns the words of a PDF with their boxes, or nil (and a log
// line) if pdftotext is not installed, which fails the test under CI.
func pdfWords(t *testing.T, pdf []byte) []pdfWord {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is not installed (Debian: poppler-utils)")
		}
		t.Skip("pdftotext is not installed (Debian: poppler-utils)")
	}
	path := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-bbox", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	var words []pdfWord
	pages := bboxPage.Split(string(out), -1)
	for n, page := range pages[1:] {
		var pw, ph float64
		if m := bboxSize.FindStringSubmatch(page); m != nil {
			pw, _ = strconv.ParseFloat(m[1], 64)
			ph, _ = strconv.ParseFloat(m[2], 64)
		}
		for _, m := range bboxWord.FindAllStringSubmatch(page, -1) {
			w := pdfWord{text: m[5], page: n + 1, pageW: pw, pageH: ph}
			w.xMin, _ = strconv.ParseFloat(m[1], 64)
			w.yMin, _ = strconv.ParseFloat(m[2], 64)
			w.xMax, _ = strconv.ParseFloat(m[3], 64)
			w.yMax, _ = strconv.ParseFloat(m[4], 64)
			words = append(words, w)
		}
	}
	return words
}

// The time in front of a status badge, in a claim's history and in the
// timeline, ends left of the badge, with seconds or without: the columns
// are as wide as their widest text as drawn.
func TestPDFTimesClearBadges(t *testing.T) {
	const mm = 72 / 25.4
	for _, seconds := range []bool{false, true} {
		doc := sampleDoc(t)
		for i := range doc.Claims {
			for j := range doc.Claims[i].History {
				if seconds {
					h := &doc.Claims[i].History[j]
					h.At = h.At.Add(34*time.Minute + 56*time.Second)
				}
			}
		}
		out, _ := render(t, "pdf", doc, Options{Paper: "A4"})
		words := pdfWords(t, out)
		badges := map[string]bool{"ALLEGED": true, "DENIED": true, "UNCONFIRMED": true}
		checked := 0
		for i, w := range words {
			if w.text != "UTC" {
				continue
			}
			for _, b := range words[i+1:] {
				if b.page != w.page || b.yMin > w.yMax || !badges[b.text] {
					continue
				}
				if b.yMax < w.yMin || b.xMin < w.xMin {
					continue
				}
				// The badge's word is centred with 1.2 mm on either side.
				badgeX := b.xMin - 1.2*mm
				if w.xMax > badgeX-0.5*mm {
					t.Errorf("seconds %v, page %d: the time ends at %.1f pt, over the %s badge at %.1f pt", seconds, w.page, w.xMax, b.text, badgeX)
				}
				checked++
				break
			}
		}
		if checked < 20 {
			t.Fatalf("seconds %v: only %d times before badges found", seconds, checked)
		}
		t.Logf("seconds %v: %d times before badges checked", seconds, checked)
	}
}
