// Package report builds the reports fact-checkers publish from a board: an
// HTML page, a Markdown file, a PDF, a CSV table, a CSV grid of where each
// party stands on each claim, a CSV evidence matrix, schema.org ClaimReview JSON-LD and a JSON
// Canvas. The builders are pure: each writes one document
// to an io.Writer from an *app.Document and Options, and the same board with
// the same Options gives the same bytes.
//
// Board text is always data, never markup: every format escapes it in its
// own way, and links are written only for http, https and mailto addresses.
package report

import (
	"bytes"
	"image/png"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"evidenceboard/app"
)

// Options are the choices a caller makes for a report.
type Options struct {
	// Generated is when the report was made; callers pass GeneratedTime,
	// which honours SOURCE_DATE_EPOCH. It is shown in UTC.
	Generated time.Time
	// BoardImage is an optional PNG of the board, embedded by html (as a
	// data: URI) and pdf; nil means no image section.
	BoardImage []byte
	// Paper is the PDF's paper size: "A4" (the default) or "Letter".
	Paper string
	// Warn, if not nil, is called with warnings in plain words, such as a
	// ClaimReview property left out or characters the PDF font lacks.
	Warn func(string)
}

func (o Options) warn(msg string) {
	if o.Warn != nil {
		o.Warn(msg)
	}
}

// Format is one kind of report.
type Format struct {
	Name        string // "html", "md", "pdf", "csv", "stance", "matrix", "claimreview", "canvas"
	Ext         string // ".html", ".md", ".pdf", ".csv", ".stance.csv", ".matrix.csv", ".claimreview.json", ".canvas"
	Description string // for menus: "HTML report", ...
	Write       func(w io.Writer, doc *app.Document, opts Options) error
}

// Formats lists every format, in the order menus show them.
var Formats = []Format{
	{Name: "html", Ext: ".html", Description: "HTML report", Write: WriteHTML},
	{Name: "md", Ext: ".md", Description: "Markdown report", Write: WriteMarkdown},
	{Name: "pdf", Ext: ".pdf", Description: "PDF report", Write: WritePDF},
	{Name: "csv", Ext: ".csv", Description: "CSV table of claims and quotes", Write: WriteCSV},
	{Name: "stance", Ext: ".stance.csv", Description: "CSV grid of who stands where (parties × claims)", Write: WriteStanceCSV},
	{Name: "matrix", Ext: ".matrix.csv", Description: "CSV evidence matrix (quotes × claims, weighed)", Write: WriteMatrixCSV},
	{Name: "claimreview", Ext: ".claimreview.json", Description: "ClaimReview JSON-LD (schema.org)", Write: WriteClaimReview},
	{Name: "canvas", Ext: ".canvas", Description: "JSON Canvas (Obsidian and others)", Write: WriteCanvas},
}

// Lookup returns the format with the given name.
func Lookup(name string) (Format, bool) {
	for _, f := range Formats {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

// GeneratedTime returns the time from SOURCE_DATE_EPOCH (unix seconds) if it
// is set and valid, else now (time.Now if now is nil); always in UTC. A valid
// SOURCE_DATE_EPOCH is a non-empty string of ASCII digits naming a time no
// later than the year 9999.
func GeneratedTime(now func() time.Time) time.Time {
	if t, ok := sourceDateEpoch(os.Getenv("SOURCE_DATE_EPOCH")); ok {
		return t
	}
	if now == nil {
		now = time.Now
	}
	return now().UTC()
}

// maxEpoch is 9999-12-31T23:59:59Z, the last second RFC 3339 can write.
const maxEpoch = 253402300799

func sourceDateEpoch(s string) (time.Time, bool) {
	if s == "" || len(s) > 19 {
		return time.Time{}, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return time.Time{}, false
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n > maxEpoch {
		return time.Time{}, false
	}
	return time.Unix(n, 0).UTC(), true
}

// boardPNG returns the board image of opts if there is one and it is a PNG;
// an image that is not a PNG is left out with a warning.
func boardPNG(opts Options) ([]byte, bool) {
	if len(opts.BoardImage) == 0 {
		return nil, false
	}
	if _, err := png.DecodeConfig(bytes.NewReader(opts.BoardImage)); err != nil {
		opts.warn("The board image is not a PNG picture that can be read, so the report has no picture of the board.")
		return nil, false
	}
	return opts.BoardImage, true
}

// capital returns s with its first letter in capitals.
func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return strings.ToUpper(string(r)) + s[n:]
}
