package report

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"time"

	"evidenceboard/app"
)

// csvHeader is the CSV report's first row.
var csvHeader = []string{"claim id", "claim", "status", "relation", "quote id", "quote", "speaker", "speaker kind", "source", "url", "date",
	"verdict", "verdict value", "verdict note", "verdict date", "speaker reliability", "source reliability", "credibility"}

// csvBase is how many columns come before the verdict's: those of the
// first version of the file, which keep their places.
const csvBase = 11

// WriteCSV writes one row per link from a quote to a claim, in claim order
// and then as the reports group the quotes; a claim with no quotes gets one
// row with the quote columns empty, and the quotes tied to no claim follow
// at the end with the claim columns empty. After the first eleven columns
// come the claim's verdict (its label, its value on the board's scale, its
// note and when it was given, RFC 3339) and the quote's grades (its
// speaker's and its source's reliability, A to F, and its credibility, 1
// to 6), each empty where the board gives none.
//
// The file is RFC 4180 (CRLF line ends, fields quoted as needed), starts
// with a UTF-8 byte order mark so that spreadsheet programs read non-Latin
// text right, and line breaks inside a field are written as LF. Cells that
// a spreadsheet would run as a formula (starting with =, +, -, @, a tab or
// a carriage return) get a leading single quote, as OWASP advises.
func WriteCSV(w io.Writer, doc *app.Document, opts Options) error {
	v := buildView(doc, opts)
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := bw.WriteString("\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	row := make([]string, len(csvHeader))
	// write fills the row from cells, then the verdict's columns from
	// verdict and the grades' columns from grades.
	write := func(cells, verdict, grades []string) error {
		for i := range row {
			row[i] = ""
		}
		for i, c := range cells {
			row[i] = csvCell(c)
		}
		for i, c := range verdict {
			row[csvBase+i] = csvCell(c)
		}
		for i, c := range grades {
			row[csvBase+4+i] = csvCell(c)
		}
		return cw.Write(row)
	}
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	quoteCells := func(q *quoteView) []string {
		var speaker, kind, source, url string
		if q.Speaker != nil {
			speaker, kind = q.Speaker.Name, q.Speaker.Kind
		}
		if q.Source != nil {
			source, url = q.Source.Title, q.Source.URL
		}
		return []string{q.ID, q.Text, speaker, kind, source, url, q.Said}
	}
	gradeCells := func(q *quoteView) []string {
		var speaker, source, cred string
		if q.Speaker != nil {
			speaker = q.Speaker.Reliability
		}
		if q.Source != nil {
			source = q.Source.Reliability
		}
		if q.Credibility != 0 {
			cred = fmt.Sprint(q.Credibility)
		}
		return []string{speaker, source, cred}
	}
	for _, c := range v.Claims {
		claim := []string{c.ID, c.Statement, clean(string(c.Status))}
		var verdict []string
		if vd := c.Verdict; vd != nil {
			value := ""
			if vd.OnScale {
				value = fmt.Sprint(vd.Value)
			}
			at := ""
			if !vd.At.IsZero() {
				at = vd.At.Format(time.RFC3339)
			}
			verdict = []string{vd.Label, value, vd.Note, at}
		}
		if len(c.Groups) == 0 {
			if err := write(claim, verdict, nil); err != nil {
				return err
			}
			continue
		}
		for _, g := range c.Groups {
			for _, it := range g.Items {
				cells := append(append(append([]string{}, claim...), string(g.Relation)), quoteCells(it.Quote)...)
				if err := write(cells, verdict, gradeCells(it.Quote)); err != nil {
					return err
				}
			}
		}
	}
	for _, q := range v.Unlinked {
		if err := write(append([]string{"", "", "", ""}, quoteCells(q)...), nil, gradeCells(q)); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// csvCell makes a value safe for a CSV cell: line ends become LF (the
// csv package would drop a lone CR), and a value a spreadsheet would take
// for a formula gets a leading single quote.
func csvCell(s string) string {
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
		// A value that started with CR now starts with LF: still neutralised
		// below, as a formula prefix it would have been.
		if s[0] == '\n' {
			return "'" + s
		}
	}
	if s != "" {
		switch s[0] {
		case '=', '+', '-', '@', '\t', '\r':
			return "'" + s
		}
	}
	return s
}
