package report

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"evidenceboard/app"
)

// stanceHeader is the stance CSV's first row.
var stanceHeader = []string{"party_id", "party", "claim_id", "claim", "stance", "quotes", "roles", "party_kind", "claim_status", "supports", "denies", "contradicts", "mentions"}

// WriteStanceCSV writes the stance grid (app.Stance) as CSV: one row per
// party and claim that meet, in party order and then claim order.
//
// stance is supports, denies, contradicts, mentions or mixed, or empty
// when none of the party's quotes is tied to the claim and it meets the
// claim only as its maker or subject; quotes are the ids of the party's
// quotes behind the stance, in board order, separated by single spaces (ids
// hold no spaces); roles are made-by and about, separated by a space; the
// last four columns count the party's quote links by relation.
//
// The file is written as the CSV report is (see WriteCSV): RFC 4180 with
// CRLF line ends and a UTF-8 byte order mark, and a cell a spreadsheet
// would run as a formula gets a leading single quote.
func WriteStanceCSV(w io.Writer, doc *app.Document, opts Options) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := bw.WriteString("\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	if err := cw.Write(stanceHeader); err != nil {
		return err
	}
	parties := map[string]*app.Party{}
	for i := range doc.Parties {
		if _, dup := parties[doc.Parties[i].ID]; !dup {
			parties[doc.Parties[i].ID] = &doc.Parties[i]
		}
	}
	claims := map[string]*app.Claim{}
	for i := range doc.Claims {
		if _, dup := claims[doc.Claims[i].ID]; !dup {
			claims[doc.Claims[i].ID] = &doc.Claims[i]
		}
	}
	row := make([]string, len(stanceHeader))
	for _, c := range app.Stance(doc) {
		p, cl := parties[c.Party], claims[c.Claim]
		roles := make([]string, len(c.Roles))
		for i, r := range c.Roles {
			roles[i] = string(r)
		}
		cells := []string{c.Party, p.Name, c.Claim, cl.Statement, c.Stance, strings.Join(c.Quotes, " "), strings.Join(roles, " "),
			string(p.Kind), string(cl.Status), strconv.Itoa(c.Supports), strconv.Itoa(c.Denies), strconv.Itoa(c.Contradicts), strconv.Itoa(c.Mentions)}
		for i, s := range cells {
			row[i] = csvCell(clean(s))
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}
