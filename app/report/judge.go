package report

import (
	"strings"

	"evidenceboard/app"
)

// The report sections that judge the board: its weak spots (app.Review)
// and where each party stands on each claim (app.Stance).

// weakSpots is the "Weak spots" section: the findings grouped by rule, in
// the order of app.FindingRules, empty groups left out.
type weakSpots struct {
	Groups []*findingGroup
	N      int
}

type findingGroup struct {
	Kind, Title, When string
	Findings          []findingView
}

type findingView struct {
	Kind, Item, Message string
	// Href is the report's anchor for the item, "#claim-c1" or
	// "#party-p1"; "" for a quote, which has no one place in the report.
	Href string
}

func buildWeakSpots(doc *app.Document) *weakSpots {
	fs := app.Review(doc)
	w := &weakSpots{N: len(fs)}
	groups := map[string]*findingGroup{}
	for _, r := range app.FindingRules {
		g := &findingGroup{Kind: r.Kind, Title: r.Title, When: r.When}
		groups[r.Kind] = g
	}
	about := map[string]app.Kind{}
	for _, r := range app.FindingRules {
		about[r.Kind] = r.About
	}
	for _, f := range fs {
		g := groups[f.Kind]
		if g == nil {
			continue
		}
		fv := findingView{Kind: f.Kind, Item: clean(f.Item), Message: clean(f.Message)}
		switch about[f.Kind] {
		case app.KindClaim:
			fv.Href = "#claim-" + fv.Item
		case app.KindParty:
			fv.Href = "#party-" + fv.Item
		}
		g.Findings = append(g.Findings, fv)
	}
	for _, r := range app.FindingRules {
		if g := groups[r.Kind]; len(g.Findings) > 0 {
			w.Groups = append(w.Groups, g)
		}
	}
	return w
}

// stanceGridMaxClaims is the most claims the stance grid shows as columns:
// as many as fit across a landscape page of the PDF. A board with more
// claims gets no grid; each party's stances are listed under Parties.
const stanceGridMaxClaims = 14

// stanceGrid is the "Who stands where" section: parties × claims.
type stanceGrid struct {
	// Fits is false when the board has more claims than fit across a
	// page (see stanceGridMaxClaims); then Rows is empty.
	Fits bool
	// Claims are the columns: every claim, in board order, numbered as
	// the report numbers them (Index+1).
	Claims []*claimView
	// Rows are the parties that meet at least one claim, in board order.
	Rows   []*stanceRow
	NCells int
}

type stanceRow struct {
	Party *partyView
	Cells []stanceGridCell // one per claim column
}

// stanceGridCell is one cell: empty when the party and claim do not meet.
type stanceGridCell struct {
	Stance string   // supports, denies, contradicts, mentions, mixed or ""
	Roles  []string // made-by, about
	Quotes int
	Class  string // CSS class: sg-supports, ... or "" when empty
}

// Empty reports whether the party and the claim do not meet.
func (c stanceGridCell) Empty() bool { return c.Stance == "" && len(c.Roles) == 0 }

// Text is the cell in words: "denies · about".
func (c stanceGridCell) Text() string {
	parts := make([]string, 0, 1+len(c.Roles))
	if c.Stance != "" {
		parts = append(parts, c.Stance)
	}
	parts = append(parts, c.Roles...)
	return strings.Join(parts, " · ")
}

// RolesText is the cell's roles in words: "made-by · about".
func (c stanceGridCell) RolesText() string { return strings.Join(c.Roles, " · ") }

// stanceLegend says what the words in the grid's cells mean.
var stanceLegend = app.StanceMeanings

func buildStanceGrid(doc *app.Document, v *view) *stanceGrid {
	cells := app.Stance(doc)
	g := &stanceGrid{Claims: v.Claims, NCells: len(cells), Fits: len(v.Claims) <= stanceGridMaxClaims && len(cells) > 0}
	if !g.Fits {
		return g
	}
	// app.Stance and the view both take the first item of an id.
	partyAt := map[string]int{}
	for i := len(v.Parties) - 1; i >= 0; i-- {
		partyAt[doc.Parties[i].ID] = i
	}
	claimAt := map[string]int{}
	for i := len(v.Claims) - 1; i >= 0; i-- {
		claimAt[doc.Claims[i].ID] = i
	}
	var row *stanceRow
	for _, c := range cells {
		p := partyAt[c.Party]
		if row == nil || row.Party != v.Parties[p] {
			row = &stanceRow{Party: v.Parties[p], Cells: make([]stanceGridCell, len(v.Claims))}
			g.Rows = append(g.Rows, row)
		}
		gc := stanceGridCell{Stance: c.Stance, Quotes: len(c.Quotes)}
		for _, r := range c.Roles {
			gc.Roles = append(gc.Roles, string(r))
		}
		if c.Stance != "" {
			gc.Class = "sg-" + c.Stance
		} else {
			gc.Class = "sg-role"
		}
		row.Cells[claimAt[c.Claim]] = gc
	}
	return g
}
