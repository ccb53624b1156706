package ui

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"slices"
	"time"

	"evidenceboard/app"
)

// memFile is an app.BoardFile held in memory, for tests of the window
// (the ui package never sees storage). It keeps a document, applies each
// edit to a copy, refuses the copy if it breaks a rule of the format, and
// keeps whole copies as undo steps.
type memFile struct {
	doc        *app.Document
	undo, redo []memStep
	path       string
	readOnly   bool
	seq        int
	closed     bool
	damage     error  // what Verify finds
	failOn     string // the label of edits that fail, for tests of failures
	log        []memLogged
}

type memStep struct {
	label string
	doc   *app.Document
	log   int // the step's index in the log
}

// memLogged is a step of the fake's change log: the boards before and after.
type memLogged struct {
	label         string
	at            time.Time
	undone        bool
	before, after *app.Document
}

var _ app.BoardFile = (*memFile)(nil)

func (f *memFile) Verify(context.Context) error { return f.damage }

func newMemFile(doc *app.Document) *memFile {
	return &memFile{doc: cloneDoc(doc), path: "/tmp/test.evboard"}
}

func cloneDoc(d *app.Document) *app.Document {
	b, err := json.Marshal(d)
	if err != nil {
		panic(err)
	}
	var out app.Document
	if err := json.Unmarshal(b, &out); err != nil {
		panic(err)
	}
	return &out
}

// edit applies fn to a copy and keeps it if the board stays valid.
func (f *memFile) edit(label string, fn func(d *app.Document) error) error {
	if f.readOnly {
		return app.Errorf(app.EINVALID, "the board is open read-only")
	}
	if label == f.failOn {
		return app.Errorf(app.EINTERNAL, "%s failed (test)", label)
	}
	d := cloneDoc(f.doc)
	if err := fn(d); err != nil {
		return err
	}
	if ps := app.ValidateDocument(d); len(ps) > 0 {
		return app.InvalidDocument(ps)
	}
	f.log = append(f.log, memLogged{label: label, at: time.Now().UTC(), before: f.doc, after: d})
	f.undo = append(f.undo, memStep{label, f.doc, len(f.log) - 1})
	f.redo = nil
	f.doc = d
	return nil
}

func (f *memFile) fresh(kind app.Kind, id *string) {
	if *id == "" {
		f.seq++
		*id = fmt.Sprintf("%c-test%d", kind[0], f.seq)
	}
}

// kindOf returns the kind of the item id in d, or ENOTFOUND, as the
// store does.
func kindOf(d *app.Document, id string) (app.Kind, error) {
	for _, s := range d.Sources {
		if s.ID == id {
			return app.KindSource, nil
		}
	}
	for _, p := range d.Parties {
		if p.ID == id {
			return app.KindParty, nil
		}
	}
	for _, c := range d.Claims {
		if c.ID == id {
			return app.KindClaim, nil
		}
	}
	for _, q := range d.Quotes {
		if q.ID == id {
			return app.KindQuote, nil
		}
	}
	return "", app.Errorf(app.ENOTFOUND, "there is no item with id %q", id)
}

// free returns ECONFLICT if id is taken, as the store does.
func free(d *app.Document, id string) error {
	if k, err := kindOf(d, id); err == nil {
		return app.Errorf(app.ECONFLICT, "the id %q is already used by a %s", id, k)
	}
	return nil
}

// addLink adds l after the store's checks.
func addLink(d *app.Document, l app.Link) error {
	if l.From == l.To {
		return app.Errorf(app.EINVALID, "a link cannot join an item to itself")
	}
	fk, err := kindOf(d, l.From)
	if err != nil {
		return err
	}
	tk, err := kindOf(d, l.To)
	if err != nil {
		return err
	}
	if err := app.CheckRelation(fk, tk, l.Relation); err != nil {
		return err
	}
	for _, o := range d.Links {
		if o.From == l.From && o.To == l.To && o.Relation == l.Relation {
			return app.Errorf(app.ECONFLICT, "%s already %s %s", l.From, l.Relation, l.To)
		}
	}
	d.Links = append(d.Links, l)
	return nil
}

func (f *memFile) Path() string                                 { return f.path }
func (f *memFile) ReadOnly() bool                               { return f.readOnly }
func (f *memFile) Notice() string                               { return "" }
func (f *memFile) Close() error                                 { f.closed = true; return nil }
func (f *memFile) SaveCopy(ctx context.Context, p string) error { return nil }
func (f *memFile) Board(context.Context) (*app.Board, error)    { b := f.doc.Board; return &b, nil }
func (f *memFile) Stats(context.Context) (*app.Stats, error)    { return &app.Stats{}, nil }
func (f *memFile) Import(context.Context, *app.Document) error {
	return app.Errorf(app.ECONFLICT, "not in tests")
}
func (f *memFile) Export(context.Context) (*app.Document, error) { return cloneDoc(f.doc), nil }

func (f *memFile) UpdateBoard(_ context.Context, u app.BoardUpdate) (*app.Board, error) {
	label := "Edit board"
	if u.Scale != nil && u.Title == nil && u.Description == nil && u.URL == nil && u.Reviewer == nil {
		label = "Change rating scale"
	}
	err := f.edit(label, func(d *app.Document) error {
		set(&d.Board.Title, u.Title)
		set(&d.Board.Description, u.Description)
		set(&d.Board.URL, u.URL)
		if u.Reviewer != nil {
			r := *u.Reviewer
			d.Board.Reviewer = &r
		}
		if u.Scale != nil {
			d.Board.Scale = append([]app.ScaleStep(nil), *u.Scale...)
		}
		return nil
	})
	b := f.doc.Board
	return &b, err
}

func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

func (f *memFile) FindSourceByID(_ context.Context, id string) (*app.Source, error) {
	for _, s := range f.doc.Sources {
		if s.ID == id {
			return &s, nil
		}
	}
	return nil, app.Errorf(app.ENOTFOUND, "no source %q", id)
}
func (f *memFile) FindSources(context.Context, app.ItemFilter) ([]*app.Source, int, error) {
	return nil, 0, nil
}
func (f *memFile) CreateSource(_ context.Context, s *app.Source, at *app.Point) error {
	f.fresh(app.KindSource, &s.ID)
	return f.edit("New source", func(d *app.Document) error {
		if err := free(d, s.ID); err != nil {
			return err
		}
		d.Sources = append(d.Sources, *s)
		return place(d, s.ID, at)
	})
}

// place stores the card of id at at, if at is set.
func place(d *app.Document, id string, at *app.Point) error {
	if at == nil {
		return nil
	}
	for _, v := range []float64{at.X, at.Y} {
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > app.MaxCoordinate {
			return app.Errorf(app.EINVALID, "%v is outside the board", v)
		}
	}
	if _, err := kindOf(d, id); err != nil {
		return err
	}
	for i := range d.Layout {
		if d.Layout[i].Item == id {
			d.Layout[i].X, d.Layout[i].Y = at.X, at.Y
			return nil
		}
	}
	d.Layout = append(d.Layout, app.Position{Item: id, X: at.X, Y: at.Y})
	return nil
}

// PinQuote makes the pin in one edit.
func (f *memFile) PinQuote(_ context.Context, pin *app.Pin) error {
	q := *pin.Quote
	var party *app.Party
	var source *app.Source
	if pin.NewSpeaker != nil {
		p := *pin.NewSpeaker
		f.fresh(app.KindParty, &p.ID)
		party, q.Speaker = &p, p.ID
	}
	if pin.NewSource != nil {
		s := *pin.NewSource
		f.fresh(app.KindSource, &s.ID)
		source, q.Source = &s, s.ID
	}
	f.fresh(app.KindQuote, &q.ID)
	err := f.edit("Pin quote", func(d *app.Document) error {
		ids := []string{q.ID}
		if party != nil {
			ids = append(ids, party.ID)
		}
		if source != nil {
			ids = append(ids, source.ID)
		}
		for _, id := range ids {
			if err := free(d, id); err != nil {
				return err
			}
		}
		if party != nil {
			d.Parties = append(d.Parties, *party)
			if err := place(d, party.ID, pin.SpeakerAt); err != nil {
				return err
			}
		}
		if source != nil {
			d.Sources = append(d.Sources, *source)
			if err := place(d, source.ID, pin.SourceAt); err != nil {
				return err
			}
		}
		d.Quotes = append(d.Quotes, q)
		for _, c := range pin.Claims {
			if err := addLink(d, app.Link{From: q.ID, To: c.Claim, Relation: c.Relation}); err != nil {
				return err
			}
		}
		return place(d, q.ID, pin.QuoteAt)
	})
	if err != nil {
		return err
	}
	*pin.Quote = q
	if party != nil {
		*pin.NewSpeaker = *party
	}
	if source != nil {
		*pin.NewSource = *source
	}
	return nil
}
func (f *memFile) UpdateSource(_ context.Context, id string, u app.SourceUpdate) (*app.Source, error) {
	var out app.Source
	err := f.edit("Edit source", func(d *app.Document) error {
		for i := range d.Sources {
			if s := &d.Sources[i]; s.ID == id {
				set(&s.Title, u.Title)
				set(&s.Publisher, u.Publisher)
				set(&s.Author, u.Author)
				set(&s.URL, u.URL)
				set(&s.Published, u.Published)
				set(&s.Retrieved, u.Retrieved)
				set(&s.Notes, u.Notes)
				set(&s.Reliability, u.Reliability)
				if u.Text != nil {
					s.Text = *u.Text
					for j := range d.Quotes {
						if q := &d.Quotes[j]; q.Source == id && q.Anchor != nil {
							q.Anchor, _ = app.Reanchor(q.Anchor, s.Text)
						}
					}
				}
				out = *s
				return nil
			}
		}
		return app.Errorf(app.ENOTFOUND, "no source %q", id)
	})
	return &out, err
}
func (f *memFile) DeleteSource(_ context.Context, id string) error {
	return f.deleteItem("Delete source", id)
}

func (f *memFile) FindPartyByID(_ context.Context, id string) (*app.Party, error) {
	for _, p := range f.doc.Parties {
		if p.ID == id {
			return &p, nil
		}
	}
	return nil, app.Errorf(app.ENOTFOUND, "no party %q", id)
}
func (f *memFile) FindParties(context.Context, app.ItemFilter) ([]*app.Party, int, error) {
	return nil, 0, nil
}
func (f *memFile) CreateParty(_ context.Context, p *app.Party, at *app.Point) error {
	f.fresh(app.KindParty, &p.ID)
	return f.edit("New party", func(d *app.Document) error {
		if err := free(d, p.ID); err != nil {
			return err
		}
		d.Parties = append(d.Parties, *p)
		return place(d, p.ID, at)
	})
}
func (f *memFile) UpdateParty(_ context.Context, id string, u app.PartyUpdate) (*app.Party, error) {
	var out app.Party
	err := f.edit("Edit party", func(d *app.Document) error {
		for i := range d.Parties {
			if p := &d.Parties[i]; p.ID == id {
				set(&p.Name, u.Name)
				set(&p.Kind, u.Kind)
				set(&p.Notes, u.Notes)
				set(&p.Reliability, u.Reliability)
				out = *p
				return nil
			}
		}
		return app.Errorf(app.ENOTFOUND, "no party %q", id)
	})
	return &out, err
}
func (f *memFile) DeleteParty(_ context.Context, id string) error {
	return f.deleteItem("Delete party", id)
}

func (f *memFile) FindClaimByID(_ context.Context, id string) (*app.Claim, error) {
	for _, c := range f.doc.Claims {
		if c.ID == id {
			c.History = slices.Clone(c.History)
			return &c, nil
		}
	}
	return nil, app.Errorf(app.ENOTFOUND, "no claim %q", id)
}
func (f *memFile) FindClaims(context.Context, app.ItemFilter) ([]*app.Claim, int, error) {
	return nil, 0, nil
}
func (f *memFile) CreateClaim(_ context.Context, c *app.Claim, at *app.Point) error {
	f.fresh(app.KindClaim, &c.ID)
	if len(c.History) == 0 { // as the store does, at its clock
		c.History = []app.StatusChange{{Status: c.Status, At: time.Now().UTC().Truncate(time.Second), Note: "created"}}
	}
	return f.edit("New claim", func(d *app.Document) error {
		if err := free(d, c.ID); err != nil {
			return err
		}
		d.Claims = append(d.Claims, *c)
		return place(d, c.ID, at)
	})
}
func (f *memFile) UpdateClaim(_ context.Context, id string, u app.ClaimUpdate) (*app.Claim, error) {
	var out app.Claim
	label := "Edit claim"
	if u.Since != nil && u.Statement == nil && u.Notes == nil {
		label = "Date claim"
	}
	if u.Since != nil && u.Since.After(time.Now()) {
		return nil, app.Errorf(app.EINVALID, "a claim's first status cannot be dated in the future")
	}
	err := f.edit(label, func(d *app.Document) error {
		for i := range d.Claims {
			if c := &d.Claims[i]; c.ID == id {
				set(&c.Statement, u.Statement)
				set(&c.Notes, u.Notes)
				if u.Since != nil {
					if err := app.Redate(c, u.Since.UTC()); err != nil {
						return err
					}
				}
				out = *c
				return nil
			}
		}
		return app.Errorf(app.ENOTFOUND, "no claim %q", id)
	})
	return &out, err
}
func (f *memFile) SetClaimStatus(_ context.Context, id string, ch app.StatusChange) (*app.Claim, error) {
	if !ch.Status.Valid() {
		return nil, app.Errorf(app.EINVALID, "%q is not a status", ch.Status)
	}
	if ch.At.After(time.Now()) {
		return nil, app.Errorf(app.EINVALID, "a status change cannot be dated in the future")
	}
	var out app.Claim
	err := f.edit("Change claim status", func(d *app.Document) error {
		for i := range d.Claims {
			if c := &d.Claims[i]; c.ID == id {
				if ch.At.IsZero() {
					ch.At = d.Board.Updated.Add(1)
					if n := len(c.History); n > 0 && c.History[n-1].At.After(ch.At) {
						ch.At = c.History[n-1].At.Add(1)
					}
				}
				if err := app.CheckStatusDate(c, ch.At); err != nil {
					return err
				}
				app.RecordStatus(c, ch)
				out = *c
				return nil
			}
		}
		return app.Errorf(app.ENOTFOUND, "no claim %q", id)
	})
	return &out, err
}
func (f *memFile) SetClaimVerdict(_ context.Context, id string, v *app.Verdict) (*app.Claim, error) {
	if v != nil {
		if err := app.CheckVerdict(v, f.doc.Board.RatingScale()); err != nil {
			return nil, err
		}
		if v.At.After(time.Now()) {
			return nil, app.Errorf(app.EINVALID, "a verdict cannot be dated in the future")
		}
	}
	var out app.Claim
	label := "Give verdict"
	if v == nil {
		label = "Remove verdict"
	}
	err := f.edit(label, func(d *app.Document) error {
		for i := range d.Claims {
			if c := &d.Claims[i]; c.ID == id {
				c.Verdict = nil
				if v != nil {
					vv := *v
					if vv.At.IsZero() {
						vv.At = d.Board.Updated
						if first, ok := app.FirstRecorded(c); ok && vv.At.Before(first) {
							vv.At = first
						}
					}
					if err := app.CheckVerdictDate(c, &vv); err != nil {
						return err
					}
					c.Verdict = &vv
				}
				out = *c
				return nil
			}
		}
		return app.Errorf(app.ENOTFOUND, "no claim %q", id)
	})
	return &out, err
}
func (f *memFile) DeleteClaim(_ context.Context, id string) error {
	return f.deleteItem("Delete claim", id)
}

func (f *memFile) FindQuoteByID(_ context.Context, id string) (*app.Quote, error) {
	for _, q := range f.doc.Quotes {
		if q.ID == id {
			if q.Anchor != nil {
				a := *q.Anchor
				q.Anchor = &a
			}
			return &q, nil
		}
	}
	return nil, app.Errorf(app.ENOTFOUND, "no quote %q", id)
}
func (f *memFile) FindQuotes(context.Context, app.ItemFilter) ([]*app.Quote, int, error) {
	return nil, 0, nil
}
func (f *memFile) CreateQuote(_ context.Context, q *app.Quote, at *app.Point) error {
	f.fresh(app.KindQuote, &q.ID)
	return f.edit("New quote", func(d *app.Document) error {
		if err := free(d, q.ID); err != nil {
			return err
		}
		d.Quotes = append(d.Quotes, *q)
		return place(d, q.ID, at)
	})
}
func (f *memFile) UpdateQuote(_ context.Context, id string, u app.QuoteUpdate) (*app.Quote, error) {
	var out app.Quote
	err := f.edit("Edit quote", func(d *app.Document) error {
		for i := range d.Quotes {
			if q := &d.Quotes[i]; q.ID == id {
				set(&q.Text, u.Text)
				set(&q.Speaker, u.Speaker)
				set(&q.Source, u.Source)
				set(&q.Said, u.Said)
				set(&q.Location, u.Location)
				set(&q.Notes, u.Notes)
				set(&q.Credibility, u.Credibility)
				out = *q
				return nil
			}
		}
		return app.Errorf(app.ENOTFOUND, "no quote %q", id)
	})
	return &out, err
}
func (f *memFile) DeleteQuote(_ context.Context, id string) error {
	return f.deleteItem("Delete quote", id)
}

// deleteItem removes an item with what storage's cascades remove.
func (f *memFile) deleteItem(label, id string) error {
	return f.edit(label, func(d *app.Document) error {
		found := false
		d.Sources = filter(d.Sources, func(s app.Source) bool { found = found || s.ID == id; return s.ID != id })
		d.Parties = filter(d.Parties, func(s app.Party) bool { found = found || s.ID == id; return s.ID != id })
		d.Claims = filter(d.Claims, func(s app.Claim) bool { found = found || s.ID == id; return s.ID != id })
		d.Quotes = filter(d.Quotes, func(s app.Quote) bool { found = found || s.ID == id; return s.ID != id })
		if !found {
			return app.Errorf(app.ENOTFOUND, "no item %q", id)
		}
		d.Links = filter(d.Links, func(l app.Link) bool { return l.From != id && l.To != id })
		d.Layout = filter(d.Layout, func(p app.Position) bool { return p.Item != id })
		for i := range d.Quotes {
			if q := &d.Quotes[i]; q.Speaker == id {
				q.Speaker = ""
			} else if q.Source == id {
				q.Source, q.Anchor = "", nil
			}
		}
		return nil
	})
}

func filter[T any](s []T, keep func(T) bool) []T {
	var out []T
	for _, v := range s {
		if keep(v) {
			out = append(out, v)
		}
	}
	return out
}

func (f *memFile) FindLinks(_ context.Context, lf app.LinkFilter) ([]*app.Link, error) {
	var out []*app.Link
	for _, l := range f.doc.Links {
		if (lf.Item == "" || l.From == lf.Item || l.To == lf.Item) && (lf.From == "" || l.From == lf.From) &&
			(lf.To == "" || l.To == lf.To) && (lf.Relation == "" || l.Relation == lf.Relation) {
			out = append(out, &l)
		}
	}
	return out, nil
}
func (f *memFile) CreateLink(_ context.Context, l *app.Link) error {
	return f.edit("New link", func(d *app.Document) error { return addLink(d, *l) })
}
func (f *memFile) DeleteLink(_ context.Context, from, to string, r app.Relation) error {
	return f.edit("Delete link", func(d *app.Document) error {
		n := len(d.Links)
		d.Links = filter(d.Links, func(l app.Link) bool { return !(l.From == from && l.To == to && l.Relation == r) })
		if len(d.Links) == n {
			return app.Errorf(app.ENOTFOUND, "there is no link %s %s %s", from, r, to)
		}
		return nil
	})
}

func (f *memFile) Positions(context.Context) ([]app.Position, error) { return f.doc.Layout, nil }
func (f *memFile) MoveCard(_ context.Context, id string, x, y float64) error {
	return f.edit("Move card", func(d *app.Document) error {
		if _, err := kindOf(d, id); err != nil {
			return err
		}
		return place(d, id, &app.Point{X: x, Y: y})
	})
}

func (f *memFile) Undo(context.Context) (app.Changes, error) {
	if len(f.undo) == 0 {
		return app.Changes{}, app.Errorf(app.ENOTFOUND, "there is nothing to undo")
	}
	s := f.undo[len(f.undo)-1]
	f.undo = f.undo[:len(f.undo)-1]
	f.redo = append(f.redo, memStep{s.label, f.doc, s.log})
	f.log[s.log].undone = true
	before := f.doc
	f.doc = s.doc
	f.doc.ExerciseKey = before.ExerciseKey // kept outside the steps, as the store keeps it
	return changesBetween(s.label, before, f.doc), nil
}

func (f *memFile) Redo(context.Context) (app.Changes, error) {
	if len(f.redo) == 0 {
		return app.Changes{}, app.Errorf(app.ENOTFOUND, "there is nothing to redo")
	}
	s := f.redo[len(f.redo)-1]
	f.redo = f.redo[:len(f.redo)-1]
	f.undo = append(f.undo, memStep{s.label, f.doc, s.log})
	f.log[s.log].undone = false
	before := f.doc
	f.doc = s.doc
	f.doc.ExerciseKey = before.ExerciseKey // kept outside the steps, as the store keeps it
	return changesBetween(s.label, before, f.doc), nil
}

// changesBetween says what differs between two boards, as the store's
// undo does: every item whose fields, links or position differ.
func changesBetween(label string, before, after *app.Document) app.Changes {
	type item struct {
		kind app.Kind
		data string
	}
	index := func(d *app.Document) map[string]*item {
		out := map[string]*item{}
		add := func(id string, k app.Kind, v any) {
			b, _ := json.Marshal(v)
			if out[id] == nil {
				out[id] = &item{}
			}
			if k != "" {
				out[id].kind = k
			}
			out[id].data += string(b)
		}
		for _, v := range d.Sources {
			add(v.ID, app.KindSource, v)
		}
		for _, v := range d.Parties {
			add(v.ID, app.KindParty, v)
		}
		for _, v := range d.Claims {
			add(v.ID, app.KindClaim, v)
		}
		for _, v := range d.Quotes {
			add(v.ID, app.KindQuote, v)
		}
		for _, l := range d.Links {
			add(l.From, "", l)
			add(l.To, "", l)
		}
		for _, p := range d.Layout {
			add(p.Item, "", p)
		}
		return out
	}
	a, b := index(before), index(after)
	ch := app.Changes{Label: label, Board: !reflect.DeepEqual(before.Board, after.Board)}
	ids := map[string]bool{}
	for id := range a {
		if b[id] == nil || b[id].data != a[id].data {
			ids[id] = true
		}
	}
	for id := range b {
		if a[id] == nil || a[id].data != b[id].data {
			ids[id] = true
		}
	}
	for _, id := range sortedIDs(ids) {
		var k app.Kind
		if b[id] != nil {
			k = b[id].kind
		}
		ch.Items = append(ch.Items, app.ItemKind{ID: id, Kind: k})
	}
	for _, p := range after.Layout {
		if ids[p.Item] {
			ch.Positions = append(ch.Positions, p)
		}
	}
	return ch
}

func (f *memFile) UndoState(context.Context) (string, string, error) {
	u, r := "", ""
	if len(f.undo) > 0 {
		u = f.undo[len(f.undo)-1].label
	}
	if len(f.redo) > 0 {
		r = f.redo[len(f.redo)-1].label
	}
	return u, r, nil
}

func (f *memFile) Backup(context.Context, string) (app.Backup, error) { return app.Backup{}, nil }

// memFiles serves one memFile.
type memFiles struct{ f *memFile }

func (m memFiles) OpenReadOnly(string) (app.BoardFile, error) {
	m.f.readOnly = true
	return m.f, nil
}
func (m memFiles) Backups(string) ([]app.Backup, error) { return nil, nil }
func (m memFiles) Restore(string, string) error         { return nil }

func (m memFiles) Open(string) (app.BoardFile, error)              { return m.f, nil }
func (m memFiles) Create(string, app.Board) (app.BoardFile, error) { return m.f, nil }
func (m memFiles) Import(string, *app.Document, bool) error        { return nil }

func (f *memFile) ArrangeCards(_ context.Context, ps []app.Position) error {
	return f.edit("Arrange board", func(d *app.Document) error {
		for _, p := range ps {
			if err := place(d, p.Item, &app.Point{X: p.X, Y: p.Y}); err != nil {
				return err
			}
		}
		return nil
	})
}

func (f *memFile) Exercise(context.Context) (*app.Exercise, error) {
	if f.doc.Exercise == nil {
		return nil, nil
	}
	e := *f.doc.Exercise
	return &e, nil
}

func (f *memFile) SetStudent(_ context.Context, name string) (*app.Exercise, error) {
	if err := app.ValidateStudent(name); err != nil {
		return nil, err
	}
	err := f.edit("Give your name", func(d *app.Document) error {
		if d.Exercise == nil {
			return app.Errorf(app.EINVALID, "this board is not an exercise: it has no student")
		}
		d.Exercise.Student = name
		return nil
	})
	if err != nil {
		return nil, err
	}
	return f.Exercise(context.Background())
}

func (f *memFile) ExerciseKey(context.Context) (*app.ExerciseKey, error) {
	return cloneDoc(f.doc).ExerciseKey, nil
}

// SetExerciseKey keeps the record outside the undo steps, as the store does.
func (f *memFile) SetExerciseKey(_ context.Context, k *app.ExerciseKey) error {
	if f.readOnly {
		return app.Errorf(app.EINVALID, "the board is open read-only: changes are not saved")
	}
	if f.doc.Exercise != nil {
		return app.Errorf(app.EINVALID, "this board is an exercise: only the board with the answers keeps the record of its exercises")
	}
	if k != nil {
		if err := app.ValidateExerciseKey(k); err != nil {
			return err
		}
		c := *k
		c.Made = append([]app.ExerciseMade(nil), k.Made...)
		k = &c
	}
	f.doc.ExerciseKey = k
	return nil
}

func (m memFiles) ReadSnapshot(string) (*app.Document, error) { return cloneDoc(m.f.doc), nil }
