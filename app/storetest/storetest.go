// Package storetest is the contract every app.Store keeps, as one suite of
// tests that each implementation runs against itself: storage's SQLite
// store, and the in-memory store the window's tests use. A rule the
// window relies on is written here once, so the two cannot drift apart.
package storetest

import (
	"context"
	"math"
	"reflect"
	"testing"
	"time"

	"evidenceboard/app"
	"evidenceboard/assets"
)

// Factory makes a store holding a copy of doc, for one test.
type Factory func(t *testing.T, doc *app.Document) app.Store

// Sample returns the built-in sample board.
func Sample(t testing.TB) *app.Document {
	t.Helper()
	doc, _, err := app.ParseDocument(assets.SampleJSON)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// Run runs the contract against the stores open makes.
func Run(t *testing.T, open Factory) {
	for _, c := range contract {
		t.Run(c.name, func(t *testing.T) {
			c.test(t, &env{t: t, s: open(t, Sample(t)), ctx: context.Background()})
		})
	}
}

type env struct {
	t   *testing.T
	s   app.Store
	ctx context.Context
}

// doc exports the board, with the board's own times cleared: every edit
// stamps them, undo too, and stores keep time differently.
func (e *env) doc() *app.Document {
	e.t.Helper()
	d, err := e.s.Export(e.ctx)
	if err != nil {
		e.t.Fatal(err)
	}
	d.Board.Updated, d.Board.Created = time.Time{}, time.Time{}
	return d
}

func (e *env) undoLabel() string {
	e.t.Helper()
	u, _, err := e.s.UndoState(e.ctx)
	if err != nil {
		e.t.Fatal(err)
	}
	return u
}

// same fails unless the board is as it was.
func (e *env) same(before *app.Document, what string) {
	e.t.Helper()
	if got := e.doc(); !reflect.DeepEqual(got, before) {
		e.t.Fatalf("%s changed the board", what)
	}
}

// code fails unless err has the code want.
func (e *env) code(err error, want, what string) {
	e.t.Helper()
	if app.ErrorCode(err) != want {
		e.t.Fatalf("%s: error %v (%q), want %s", what, err, app.ErrorCode(err), want)
	}
}

// oneStep checks that the last edit, named label, is one undo step that
// takes the board back to before, and that redo makes it again.
func (e *env) oneStep(label string, before *app.Document) {
	e.t.Helper()
	after := e.doc()
	if got := e.undoLabel(); got != label {
		e.t.Fatalf("undo step %q, want %q", got, label)
	}
	if _, err := e.s.Undo(e.ctx); err != nil {
		e.t.Fatal(err)
	}
	if got := e.doc(); !reflect.DeepEqual(got, before) {
		e.t.Fatalf("one undo of %q did not give back the board as it was", label)
	}
	if _, err := e.s.Redo(e.ctx); err != nil {
		e.t.Fatal(err)
	}
	if got := e.doc(); !reflect.DeepEqual(got, after) {
		e.t.Fatalf("one redo of %q did not make it again", label)
	}
}

func (e *env) cardOf(id string) (app.Position, bool) {
	e.t.Helper()
	ps, err := e.s.Positions(e.ctx)
	if err != nil {
		e.t.Fatal(err)
	}
	for _, p := range ps {
		if p.Item == id {
			return p, true
		}
	}
	return app.Position{}, false
}

func ptr[T any](v T) *T { return &v }

var contract = []struct {
	name string
	test func(t *testing.T, e *env)
}{
	{"export gives back what was imported", func(t *testing.T, e *env) {
		want := Sample(t)
		want.Board.Updated, want.Board.Created = time.Time{}, time.Time{}
		if got := e.doc(); !reflect.DeepEqual(got, want) {
			t.Fatal("the board exported is not the board imported")
		}
	}},
	{"a new claim with its card is one step", func(t *testing.T, e *env) {
		before := e.doc()
		c := &app.Claim{Statement: "A new claim", Status: app.StatusAlleged}
		if err := e.s.CreateClaim(e.ctx, c, &app.Point{X: 40, Y: -60}); err != nil {
			t.Fatal(err)
		}
		if c.ID == "" {
			t.Fatal("the new claim got no id")
		}
		if p, ok := e.cardOf(c.ID); !ok || p.X != 40 || p.Y != -60 {
			t.Fatalf("card at %+v (%v), want 40,-60", p, ok)
		}
		got, err := e.s.FindClaimByID(e.ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.History) != 1 || got.History[0].Status != app.StatusAlleged {
			t.Fatalf("a claim made with no history has history %+v, want its first status", got.History)
		}
		e.oneStep("New claim", before)
	}},
	{"new items without a card are placed by the program", func(t *testing.T, e *env) {
		p := &app.Party{Name: "Someone", Kind: app.PartyPerson}
		if err := e.s.CreateParty(e.ctx, p, nil); err != nil {
			t.Fatal(err)
		}
		if _, ok := e.cardOf(p.ID); ok {
			t.Fatal("a party made with no position has a stored card")
		}
	}},
	{"refused new items change nothing", func(t *testing.T, e *env) {
		before, label := e.doc(), e.undoLabel()
		e.code(e.s.CreateClaim(e.ctx, &app.Claim{Statement: " ", Status: app.StatusAlleged}, nil), app.EINVALID, "an empty statement")
		e.code(e.s.CreateClaim(e.ctx, &app.Claim{Statement: "s", Status: "true"}, nil), app.EINVALID, "an unknown status")
		e.code(e.s.CreateParty(e.ctx, &app.Party{ID: before.Claims[0].ID, Name: "n", Kind: app.PartyPerson}, nil), app.ECONFLICT, "an id taken")
		e.code(e.s.CreateSource(e.ctx, &app.Source{Title: "t"}, &app.Point{X: math.NaN()}), app.EINVALID, "a card at NaN")
		e.code(e.s.CreateQuote(e.ctx, &app.Quote{Text: "q", Speaker: "no-such-party"}, nil), app.EINVALID, "a speaker that is not a party")
		e.same(before, "refused new items")
		if e.undoLabel() != label {
			t.Fatal("a refused edit became an undo step")
		}
	}},
	{"a pin is one step, all or nothing", func(t *testing.T, e *env) {
		before := e.doc()
		claim := before.Claims[0].ID
		bad := &app.Pin{Quote: &app.Quote{Text: "words"}, NewSpeaker: &app.Party{Name: "New", Kind: app.PartyPerson},
			Claims: []app.ClaimRelation{{Claim: claim, Relation: app.RelSupports}, {Claim: "no-such-claim", Relation: app.RelDenies}}}
		e.code(e.s.PinQuote(e.ctx, bad), app.ENOTFOUND, "a pin to a claim that is not there")
		e.same(before, "a failed pin")
		pin := &app.Pin{Quote: &app.Quote{Text: "words", Said: "2018-10-04"}, NewSpeaker: &app.Party{Name: "New", Kind: app.PartyPerson},
			NewSource: &app.Source{Title: "A statement"}, Claims: []app.ClaimRelation{{Claim: claim, Relation: app.RelDenies}},
			QuoteAt: &app.Point{X: 1, Y: 2}, SpeakerAt: &app.Point{X: 1, Y: 200}}
		if err := e.s.PinQuote(e.ctx, pin); err != nil {
			t.Fatal(err)
		}
		q, err := e.s.FindQuoteByID(e.ctx, pin.Quote.ID)
		if err != nil {
			t.Fatal(err)
		}
		if q.Speaker == "" || q.Speaker != pin.NewSpeaker.ID || q.Source == "" || q.Source != pin.NewSource.ID {
			t.Fatalf("quote %+v: speaker and source are not the new ones", q)
		}
		if _, ok := e.cardOf(pin.NewSource.ID); ok {
			t.Fatal("the new source got a card it was not given")
		}
		if p, ok := e.cardOf(q.Speaker); !ok || p.Y != 200 {
			t.Fatal("the new speaker's card is not where the pin put it")
		}
		e.oneStep("Pin quote", before)
	}},
	{"links keep their rules", func(t *testing.T, e *env) {
		d := e.doc()
		l := d.Links[0]
		q, c := d.Quotes[0].ID, d.Claims[0].ID
		e.code(e.s.CreateLink(e.ctx, &l), app.ECONFLICT, "the same link twice")
		e.code(e.s.CreateLink(e.ctx, &app.Link{From: q, To: "no-such-item", Relation: app.RelSupports}), app.ENOTFOUND, "a link to nothing")
		e.code(e.s.CreateLink(e.ctx, &app.Link{From: q, To: c, Relation: app.RelMadeBy}), app.EINVALID, "a relation the kinds do not allow")
		e.code(e.s.CreateLink(e.ctx, &app.Link{From: q, To: q, Relation: app.RelSupports}), app.EINVALID, "a link to itself")
		e.code(e.s.DeleteLink(e.ctx, q, "no-such-item", app.RelSupports), app.ENOTFOUND, "deleting a link that is not there")
		e.same(d, "refused links")
		if err := e.s.DeleteLink(e.ctx, l.From, l.To, l.Relation); err != nil {
			t.Fatal(err)
		}
		e.oneStep("Delete link", d)
	}},
	{"deleting a party keeps its quotes' words", func(t *testing.T, e *env) {
		before := e.doc()
		party := ""
		for _, q := range before.Quotes {
			if q.Speaker != "" {
				party = q.Speaker
				break
			}
		}
		if err := e.s.DeleteParty(e.ctx, party); err != nil {
			t.Fatal(err)
		}
		after := e.doc()
		if len(after.Quotes) != len(before.Quotes) {
			t.Fatal("deleting a party deleted quotes")
		}
		for _, q := range after.Quotes {
			if q.Speaker == party {
				t.Fatal("a quote still names the deleted party")
			}
		}
		for _, l := range after.Links {
			if l.From == party || l.To == party {
				t.Fatal("a link of the deleted party is left")
			}
		}
		if _, ok := e.cardOf(party); ok {
			t.Fatal("the deleted party's card is left")
		}
		e.code(e.s.DeleteParty(e.ctx, party), app.ENOTFOUND, "deleting it again")
		e.oneStep("Delete party", before)
	}},
	{"a status change is history", func(t *testing.T, e *env) {
		before := e.doc()
		c := before.Claims[0]
		got, err := e.s.SetClaimStatus(e.ctx, c.ID, app.StatusChange{Status: app.StatusDenied, Note: "Denied on the record"})
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != app.StatusDenied || len(got.History) != len(c.History)+1 || got.History[len(got.History)-1].Note != "Denied on the record" {
			t.Fatalf("after the change: %+v", got)
		}
		if n := len(got.History); n > 1 && got.History[n-1].At.Before(got.History[n-2].At) {
			t.Fatal("the new history entry is older than the one before it")
		}
		e.code(func() error {
			_, err := e.s.SetClaimStatus(e.ctx, "no-such-claim", app.StatusChange{Status: app.StatusDenied, Note: ""})
			return err
		}(), app.ENOTFOUND, "an unknown claim")
		e.code(func() error {
			_, err := e.s.SetClaimStatus(e.ctx, c.ID, app.StatusChange{Status: "true", Note: ""})
			return err
		}(), app.EINVALID, "an unknown status")
		e.oneStep("Change claim status", before)
	}},
	{"a status change can be back-dated", func(t *testing.T, e *env) {
		before := e.doc()
		var c app.Claim
		for _, cc := range before.Claims {
			if len(cc.History) > 0 {
				c = cc
				break
			}
		}
		if c.ID == "" {
			t.Fatal("the sample has no claim with history")
		}
		last := c.History[len(c.History)-1]
		other := app.StatusDenied
		if last.Status == other {
			other = app.StatusUnconfirmed
		}
		at := last.At.Add(-time.Hour)
		got, err := e.s.SetClaimStatus(e.ctx, c.ID, app.StatusChange{Status: other, At: at, Note: "entered later"})
		if err != nil {
			t.Fatal(err)
		}
		n := len(got.History)
		if n != len(c.History)+1 || !got.History[n-2].At.Equal(at) || got.History[n-2].Status != other {
			t.Fatalf("the back-dated change is not in time order: %+v", got.History)
		}
		if got.Status != last.Status {
			t.Fatalf("status = %q: a change dated before the last one became the status (want %q)", got.Status, last.Status)
		}
		e.oneStep("Change claim status", before)
		e.code(func() error {
			_, err := e.s.SetClaimStatus(e.ctx, c.ID, app.StatusChange{Status: other, At: time.Now().Add(48 * time.Hour)})
			return err
		}(), app.EINVALID, "a change dated in the future")
	}},
	{"a verdict is on the board's scale", func(t *testing.T, e *env) {
		before := e.doc()
		c := before.Claims[0]
		at := time.Date(2018, 10, 9, 12, 0, 0, 0, time.UTC)
		got, err := e.s.SetClaimVerdict(e.ctx, c.ID, &app.Verdict{Label: "Unproven", Note: "no one confirms it on the record", At: at})
		if err != nil {
			t.Fatal(err)
		}
		if v := got.Verdict; v == nil || v.Label != "Unproven" || !v.At.Equal(at) || v.Note != "no one confirms it on the record" {
			t.Fatalf("verdict = %+v", got.Verdict)
		}
		e.oneStep("Give verdict", before)
		e.code(func() error {
			_, err := e.s.SetClaimVerdict(e.ctx, c.ID, &app.Verdict{Label: "Pants on fire"})
			return err
		}(), app.EINVALID, "a label not on the scale")
		e.code(func() error {
			_, err := e.s.SetClaimVerdict(e.ctx, "no-such-claim", &app.Verdict{Label: "True"})
			return err
		}(), app.ENOTFOUND, "an unknown claim")

		if _, err := e.s.SetClaimVerdict(e.ctx, c.ID, &app.Verdict{Label: "Unproven"}); err != nil {
			t.Fatal(err)
		}
		own := []app.ScaleStep{{Label: "Fabricated", Value: 0}, {Label: "Unsupported", Value: 1}, {Label: "Supported", Value: 2}}
		e.code(func() error {
			_, err := e.s.UpdateBoard(e.ctx, app.BoardUpdate{Scale: &own})
			return err
		}(), app.EINVALID, "a scale without a label in use")
		own = append(own[:2], app.ScaleStep{Label: "Unproven", Value: 2}, app.ScaleStep{Label: "Supported", Value: 3})
		b, err := e.s.UpdateBoard(e.ctx, app.BoardUpdate{Scale: &own})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(b.Scale, own) {
			t.Fatalf("scale = %+v", b.Scale)
		}
		bad := []app.ScaleStep{{Label: "Good", Value: 2}, {Label: "Bad", Value: 1}}
		e.code(func() error {
			_, err := e.s.UpdateBoard(e.ctx, app.BoardUpdate{Scale: &bad})
			return err
		}(), app.EINVALID, "a scale whose values fall")
		got, err = e.s.SetClaimVerdict(e.ctx, c.ID, nil)
		if err != nil || got.Verdict != nil {
			t.Fatalf("removing the verdict: %+v, %v", got, err)
		}
	}},
	{"grades are kept", func(t *testing.T, e *env) {
		d := e.doc()
		p, s, q := d.Parties[0], d.Sources[0], d.Quotes[0]
		if _, err := e.s.UpdateParty(e.ctx, p.ID, app.PartyUpdate{Reliability: ptr(app.Reliability("B"))}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.s.UpdateSource(e.ctx, s.ID, app.SourceUpdate{Reliability: ptr(app.Reliability("F"))}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.s.UpdateQuote(e.ctx, q.ID, app.QuoteUpdate{Credibility: ptr(5)}); err != nil {
			t.Fatal(err)
		}
		e.code(func() error {
			_, err := e.s.UpdateParty(e.ctx, p.ID, app.PartyUpdate{Reliability: ptr(app.Reliability("G"))})
			return err
		}(), app.EINVALID, "reliability G")
		e.code(func() error {
			_, err := e.s.UpdateQuote(e.ctx, q.ID, app.QuoteUpdate{Credibility: ptr(7)})
			return err
		}(), app.EINVALID, "credibility 7")
		after := e.doc()
		if after.Parties[0].Reliability != "B" || after.Sources[0].Reliability != "F" || after.Quotes[0].Credibility != 5 {
			t.Fatalf("grades after the edits: %q %q %d", after.Parties[0].Reliability, after.Sources[0].Reliability, after.Quotes[0].Credibility)
		}
	}},
	{"edits name what they change", func(t *testing.T, e *env) {
		before := e.doc()
		p := before.Parties[0]
		got, err := e.s.UpdateParty(e.ctx, p.ID, app.PartyUpdate{Notes: ptr("new notes")})
		if err != nil {
			t.Fatal(err)
		}
		if got.Notes != "new notes" || got.Name != p.Name {
			t.Fatalf("after the edit: %+v", got)
		}
		e.oneStep("Edit party", before)
		_, err = e.s.UpdateParty(e.ctx, "no-such-party", app.PartyUpdate{Notes: ptr("x")})
		e.code(err, app.ENOTFOUND, "an unknown party")
		_, err = e.s.UpdateParty(e.ctx, p.ID, app.PartyUpdate{Name: ptr("")})
		e.code(err, app.EINVALID, "an empty name")
		_, err = e.s.FindQuoteByID(e.ctx, "no-such-quote")
		e.code(err, app.ENOTFOUND, "finding an unknown quote")
	}},
	{"cards move within the board", func(t *testing.T, e *env) {
		before := e.doc()
		id := before.Claims[0].ID
		e.code(e.s.MoveCard(e.ctx, "no-such-item", 1, 2), app.ENOTFOUND, "moving the card of nothing")
		e.code(e.s.MoveCard(e.ctx, id, math.Inf(1), 0), app.EINVALID, "moving a card to infinity")
		e.code(e.s.MoveCard(e.ctx, id, 0, 1e12), app.EINVALID, "moving a card off the board")
		e.same(before, "refused moves")
		if err := e.s.MoveCard(e.ctx, id, 12, 34); err != nil {
			t.Fatal(err)
		}
		e.oneStep("Move card", before)
	}},
	{"undo and redo keep to the log", func(t *testing.T, e *env) {
		_, err := e.s.Redo(e.ctx)
		e.code(err, app.ENOTFOUND, "redo with nothing undone")
		first := e.doc()
		if _, err := e.s.UpdateBoard(e.ctx, app.BoardUpdate{Title: ptr("Renamed")}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.s.Undo(e.ctx); err != nil {
			t.Fatal(err)
		}
		e.same(first, "undoing the rename")
		if _, err := e.s.UpdateBoard(e.ctx, app.BoardUpdate{Description: ptr("Another edit")}); err != nil {
			t.Fatal(err)
		}
		_, err = e.s.Redo(e.ctx)
		e.code(err, app.ENOTFOUND, "redo after a new edit")
		if _, err := e.s.Undo(e.ctx); err != nil {
			t.Fatal(err)
		}
		_, err = e.s.Undo(e.ctx)
		e.code(err, app.ENOTFOUND, "undo past the first edit")
		e.same(first, "undoing every edit")
	}},
	{"apply is one step, all or nothing", func(t *testing.T, e *env) {
		before := e.doc()
		steps, err := e.s.Log(e.ctx, app.LogFilter{})
		if err != nil {
			t.Fatal(err)
		}
		x, y := 120.0, -40.0
		note := "Supermicro statement"
		claim := before.Claims[0].ID
		batch := []app.Change{
			{Op: app.OpCreate, Kind: app.KindParty, Item: []byte(`{"id":"p-contract","name":"FBI","kind":"organisation"}`)},
			{Op: app.OpStatus, ID: claim, Status: app.StatusDenied, Note: &note},
			{Op: app.OpLink, From: claim, To: "p-contract", Relation: app.RelAbout},
			{Op: app.OpMove, ID: "p-contract", X: &x, Y: &y},
		}
		// A batch with one bad change keeps none of them.
		bad := append(append([]app.Change{}, batch...), app.Change{Op: app.OpLink, From: claim, To: "no-such-item", Relation: app.RelAbout})
		_, err = e.s.Apply(e.ctx, "Bad batch", bad)
		if err == nil {
			t.Fatal("a link to an unknown item was applied")
		}
		e.same(before, "a refused batch")
		if again, _ := e.s.Log(e.ctx, app.LogFilter{}); len(again) != len(steps) {
			t.Fatalf("a refused batch left %d steps in the log", len(again)-len(steps))
		}
		st, err := e.s.Apply(e.ctx, "Add the FBI", batch)
		if err != nil {
			t.Fatal(err)
		}
		if st.Label != "Add the FBI" || len(st.Changes) == 0 {
			t.Fatalf("apply returned the step %+v", st)
		}
		if p, ok := e.cardOf("p-contract"); !ok || p.X != x || p.Y != y {
			t.Fatalf("the new party's card is at %+v (%v)", p, ok)
		}
		mine, err := e.s.Log(e.ctx, app.LogFilter{Item: "p-contract"})
		if err != nil || len(mine) != 1 || mine[0].Label != "Add the FBI" {
			t.Fatalf("the log of the new party: %+v %v", mine, err)
		}
		e.oneStep("Add the FBI", before)
	}},
	{"a claim's first status can be dated, and nothing comes before it", func(t *testing.T, e *env) {
		var c *app.Claim
		for i := range e.doc().Claims {
			if cl := e.doc().Claims[i]; len(cl.History) == 1 {
				c = &cl
				break
			}
		}
		if c == nil {
			t.Fatal("the sample has no claim with a single status")
		}
		first := c.History[0].At
		_, err := e.s.SetClaimStatus(e.ctx, c.ID, app.StatusChange{Status: app.StatusDenied, At: first.Add(-time.Hour)})
		e.code(err, app.EINVALID, "a status change before the claim was first recorded")
		_, err = e.s.SetClaimVerdict(e.ctx, c.ID, &app.Verdict{Label: "False", At: first.Add(-time.Hour)})
		e.code(err, app.EINVALID, "a verdict before the claim was first recorded")
		before := e.doc()
		earlier := first.Add(-48 * time.Hour)
		if _, err := e.s.UpdateClaim(e.ctx, c.ID, app.ClaimUpdate{Since: &earlier}); err != nil {
			t.Fatal(err)
		}
		for _, got := range e.doc().Claims {
			if got.ID == c.ID && !got.History[0].At.Equal(earlier) {
				t.Fatalf("the first status is dated %v, want %v", got.History[0].At, earlier)
			}
		}
		e.oneStep("Date claim", before)
		if _, err := e.s.SetClaimStatus(e.ctx, c.ID, app.StatusChange{Status: app.StatusDenied, At: first.Add(-time.Hour)}); err != nil {
			t.Fatalf("a change after the new first date: %v", err)
		}
		late := first
		_, err = e.s.UpdateClaim(e.ctx, c.ID, app.ClaimUpdate{Since: &late})
		e.code(err, app.EINVALID, "a first status dated after a later change")
	}},
	{"the key's record of its exercises is no step", func(t *testing.T, e *env) {
		_, rec, err := app.MakeExercise(e.doc(), app.ExerciseOptions{Links: true})
		if err != nil {
			t.Fatal(err)
		}
		label := e.undoLabel()
		steps, err := e.s.Log(e.ctx, app.LogFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if err := e.s.SetExerciseKey(e.ctx, rec); err != nil {
			t.Fatal(err)
		}
		got, err := e.s.ExerciseKey(e.ctx)
		if err != nil || !reflect.DeepEqual(got, rec) {
			t.Fatalf("ExerciseKey = %+v, %v; want %+v", got, err, rec)
		}
		if again, _ := e.s.Log(e.ctx, app.LogFilter{}); len(again) != len(steps) || e.undoLabel() != label {
			t.Fatalf("keeping the record made a step (%d steps, was %d; undo %q)", len(again), len(steps), e.undoLabel())
		}
		if _, err := e.s.UpdateBoard(e.ctx, app.BoardUpdate{Title: ptr("Term 2")}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.s.Undo(e.ctx); err != nil {
			t.Fatal(err)
		}
		if got, _ := e.s.ExerciseKey(e.ctx); !reflect.DeepEqual(got, rec) {
			t.Fatalf("after an undo the record is %+v", got)
		}
		bad := *rec
		bad.Secret = "short"
		e.code(e.s.SetExerciseKey(e.ctx, &bad), app.EINVALID, "a secret too short")
	}},
}
