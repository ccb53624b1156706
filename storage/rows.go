package storage

import (
	"encoding/json"

	"evidenceboard/app"
)

// Row structs mirror the tables of schema.go. They stay in this package:
// the rest of the program sees app types only.

type boardRow struct {
	ID           int     `gorm:"primaryKey" json:"id"`
	Title        string  `json:"title"`
	Description  string  `json:"description"`
	Created      string  `json:"created"`
	Updated      string  `json:"updated"`
	URL          string  `json:"url"`
	ReviewerName *string `json:"reviewer_name"`
	ReviewerURL  *string `json:"reviewer_url"`
	Scale        string  `json:"scale"`
}

func (boardRow) TableName() string { return "board" }

type itemRow struct {
	ID   string `gorm:"primaryKey" json:"id"`
	Kind string `json:"kind"`
	Seq  int64  `json:"seq"`
}

func (itemRow) TableName() string { return "items" }

type sourceRow struct {
	ID          string `gorm:"primaryKey" json:"id"`
	Title       string `json:"title"`
	Publisher   string `json:"publisher"`
	Author      string `json:"author"`
	URL         string `json:"url"`
	Published   string `json:"published"`
	Retrieved   string `json:"retrieved"`
	Text        string `gorm:"-" json:"text"` // in source_texts
	Notes       string `json:"notes"`
	Reliability string `json:"reliability"`
}

func (sourceRow) TableName() string { return "sources" }

type partyRow struct {
	ID          string `gorm:"primaryKey" json:"id"`
	Name        string `json:"name"`
	Kind        string `json:"kind"`
	Notes       string `json:"notes"`
	Reliability string `json:"reliability"`
}

func (partyRow) TableName() string { return "parties" }

type claimRow struct {
	ID           string  `gorm:"primaryKey" json:"id"`
	Statement    string  `json:"statement"`
	Status       string  `json:"status"`
	Notes        string  `json:"notes"`
	VerdictLabel *string `json:"verdict_label"`
	VerdictNote  string  `json:"verdict_note"`
	VerdictAt    string  `json:"verdict_at"`
}

func (claimRow) TableName() string { return "claims" }

type historyRow struct {
	ClaimID string `gorm:"primaryKey" json:"claim_id"`
	Seq     int    `gorm:"primaryKey" json:"seq"`
	Status  string `json:"status"`
	At      string `json:"at"`
	Note    string `json:"note"`
}

func (historyRow) TableName() string { return "claim_history" }

type quoteRow struct {
	ID           string  `gorm:"primaryKey" json:"id"`
	Text         string  `json:"text"`
	Speaker      *string `json:"speaker"`
	Source       *string `json:"source"`
	Said         string  `json:"said"`
	Location     string  `json:"location"`
	Notes        string  `json:"notes"`
	AnchorExact  *string `json:"anchor_exact"`
	AnchorPrefix *string `json:"anchor_prefix"`
	AnchorSuffix *string `json:"anchor_suffix"`
	AnchorStart  *int    `json:"anchor_start"`
	AnchorEnd    *int    `json:"anchor_end"`
	Credibility  int     `json:"credibility"`
}

func (quoteRow) TableName() string { return "quotes" }

type linkRow struct {
	Seq      int64  `gorm:"primaryKey" json:"seq"`
	FromID   string `json:"from_id"`
	ToID     string `json:"to_id"`
	Relation string `json:"relation"`
	Note     string `json:"note"`
}

func (linkRow) TableName() string { return "links" }

type layoutRow struct {
	Item string  `gorm:"primaryKey" json:"item"`
	Seq  int64   `json:"seq"`
	X    float64 `json:"x"`
	Y    float64 `json:"y"`
}

func (layoutRow) TableName() string { return "layout" }

func toBoardRow(b *app.Board) *boardRow {
	r := &boardRow{ID: 1, Title: b.Title, Description: b.Description, Created: formatTime(b.Created), Updated: formatTime(b.Updated), URL: b.URL}
	if b.Reviewer != nil {
		r.ReviewerName, r.ReviewerURL = &b.Reviewer.Name, &b.Reviewer.URL
	}
	r.Scale = formatScale(b.Scale)
	return r
}

func (r *boardRow) toApp() *app.Board {
	b := &app.Board{Title: r.Title, Description: r.Description, Created: parseTime(r.Created), Updated: parseTime(r.Updated), URL: r.URL}
	if r.ReviewerName != nil || r.ReviewerURL != nil {
		b.Reviewer = &app.Reviewer{Name: deref(r.ReviewerName), URL: deref(r.ReviewerURL)}
	}
	b.Scale = parseScale(r.Scale)
	return b
}

func toSourceRow(s *app.Source) *sourceRow {
	return &sourceRow{ID: s.ID, Title: s.Title, Publisher: s.Publisher, Author: s.Author, URL: s.URL,
		Published: s.Published, Retrieved: s.Retrieved, Text: s.Text, Notes: s.Notes, Reliability: string(s.Reliability)}
}

func (r *sourceRow) toApp() *app.Source {
	return &app.Source{ID: r.ID, Title: r.Title, Publisher: r.Publisher, Author: r.Author, URL: r.URL,
		Published: r.Published, Retrieved: r.Retrieved, Text: r.Text, Notes: r.Notes, Reliability: app.Reliability(r.Reliability)}
}

func toPartyRow(p *app.Party) *partyRow {
	return &partyRow{ID: p.ID, Name: p.Name, Kind: string(p.Kind), Notes: p.Notes, Reliability: string(p.Reliability)}
}

func (r *partyRow) toApp() *app.Party {
	return &app.Party{ID: r.ID, Name: r.Name, Kind: app.PartyKind(r.Kind), Notes: r.Notes, Reliability: app.Reliability(r.Reliability)}
}

func toClaimRow(c *app.Claim) *claimRow {
	r := &claimRow{ID: c.ID, Statement: c.Statement, Status: string(c.Status), Notes: c.Notes}
	if v := c.Verdict; v != nil {
		r.VerdictLabel, r.VerdictNote, r.VerdictAt = &v.Label, v.Note, formatTime(v.At)
	}
	return r
}

func (r *claimRow) toApp() *app.Claim {
	c := &app.Claim{ID: r.ID, Statement: r.Statement, Status: app.Status(r.Status), Notes: r.Notes}
	c.Verdict = verdictOf(r.VerdictLabel, r.VerdictNote, r.VerdictAt)
	return c
}

// verdictOf is the verdict of a claim row's three verdict columns, nil
// when it has none (a NULL label).
func verdictOf(label *string, note, at string) *app.Verdict {
	if label == nil {
		return nil
	}
	return &app.Verdict{Label: *label, Note: note, At: parseTime(at)}
}

// formatScale is a rating scale as the board row keeps it: JSON, or ”
// for the default scale.
func formatScale(s []app.ScaleStep) string {
	if len(s) == 0 {
		return ""
	}
	b, _ := json.Marshal(s) // a slice of plain structs always marshals
	return string(b)
}

// parseScale reads back formatScale; a value it cannot read (only a
// damaged or hand-edited file has one) is no scale, the default.
func parseScale(s string) []app.ScaleStep {
	if s == "" {
		return nil
	}
	var out []app.ScaleStep
	if json.Unmarshal([]byte(s), &out) != nil {
		return nil
	}
	return out
}

func (r *historyRow) toApp() app.StatusChange {
	return app.StatusChange{Status: app.Status(r.Status), At: parseTime(r.At), Note: r.Note}
}

func toQuoteRow(q *app.Quote) *quoteRow {
	r := &quoteRow{ID: q.ID, Text: q.Text, Speaker: nullable(q.Speaker), Source: nullable(q.Source),
		Said: q.Said, Location: q.Location, Notes: q.Notes, Credibility: q.Credibility}
	if a := q.Anchor; a != nil {
		r.AnchorExact, r.AnchorPrefix, r.AnchorSuffix = &a.Exact, &a.Prefix, &a.Suffix
		r.AnchorStart, r.AnchorEnd = &a.Start, &a.End
	}
	return r
}

func (r *quoteRow) toApp() *app.Quote {
	q := &app.Quote{ID: r.ID, Text: r.Text, Speaker: deref(r.Speaker), Source: deref(r.Source),
		Said: r.Said, Location: r.Location, Notes: r.Notes, Credibility: r.Credibility}
	if r.AnchorExact != nil {
		q.Anchor = &app.Anchor{Exact: *r.AnchorExact, Prefix: deref(r.AnchorPrefix), Suffix: deref(r.AnchorSuffix)}
		if r.AnchorStart != nil {
			q.Anchor.Start = *r.AnchorStart
		}
		if r.AnchorEnd != nil {
			q.Anchor.End = *r.AnchorEnd
		}
	}
	return q
}

func (r *linkRow) toApp() *app.Link {
	return &app.Link{From: r.FromID, To: r.ToID, Relation: app.Relation(r.Relation), Note: r.Note}
}

// nullable maps "" to NULL, as foreign key columns need.
func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
