package storage

import (
	"context"
	"math"
	"reflect"
	"testing"

	"evidenceboard/app"
)

func exportOf(t *testing.T, db *DB) *app.Document {
	t.Helper()
	doc, err := db.Export(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	doc.Board.Updated = doc.Board.Created // every edit stamps it, undo too
	return doc
}

func TestPinQuote_OneEditOneUndoStep(t *testing.T) {
	ctx := context.Background()
	db := MustSampleDB(t)
	before := exportOf(t, db)
	pin := &app.Pin{
		Quote:      &app.Quote{Text: "We never found malicious chips.", Said: "2018-10-04"},
		NewSpeaker: &app.Party{Name: "A new spokesperson", Kind: app.PartyPerson},
		NewSource:  &app.Source{Title: "A new statement"},
		Claims: []app.ClaimRelation{
			{Claim: before.Claims[0].ID, Relation: app.RelDenies},
			{Claim: before.Claims[1].ID, Relation: app.RelMentions},
		},
		QuoteAt: &app.Point{X: 10, Y: 20}, SpeakerAt: &app.Point{X: 10, Y: 200}, SourceAt: &app.Point{X: 10, Y: 300},
	}
	if err := db.PinQuote(ctx, pin); err != nil {
		t.Fatal(err)
	}
	q, err := db.FindQuoteByID(ctx, pin.Quote.ID)
	if err != nil {
		t.Fatal(err)
	}
	if q.Speaker != pin.NewSpeaker.ID || q.Source != pin.NewSource.ID || q.Speaker == "" || q.Source == "" {
		t.Fatalf("the quote's speaker %q and source %q are not the new ones", q.Speaker, q.Source)
	}
	links, _ := db.FindLinks(ctx, app.LinkFilter{From: q.ID})
	if len(links) != 2 {
		t.Fatalf("%d links from the pinned quote, want 2", len(links))
	}
	pos := map[string]app.Position{}
	ps, _ := db.Positions(ctx)
	for _, p := range ps {
		pos[p.Item] = p
	}
	for id, want := range map[string]app.Point{q.ID: *pin.QuoteAt, q.Speaker: *pin.SpeakerAt, q.Source: *pin.SourceAt} {
		if p, ok := pos[id]; !ok || p.X != want.X || p.Y != want.Y {
			t.Errorf("card of %s at %+v, want %+v", id, p, want)
		}
	}
	after := exportOf(t, db)
	if undo, _, _ := db.UndoState(ctx); undo != "Pin quote" {
		t.Fatalf("undo step %q, want \"Pin quote\"", undo)
	}
	if _, err := db.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if got := exportOf(t, db); !reflect.DeepEqual(got, before) {
		t.Fatal("one undo did not take the whole pin back")
	}
	if _, err := db.Redo(ctx); err != nil {
		t.Fatal(err)
	}
	if got := exportOf(t, db); !reflect.DeepEqual(got, after) {
		t.Fatal("one redo did not make the whole pin again")
	}
}

// A pin that fails at any step makes nothing, leaves the undo log as it
// was (an earlier edit is not folded into anything), and gives the
// caller's values back unchanged.
func TestPinQuote_FailureMakesNothing(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name string
		pin  func(doc *app.Document) *app.Pin
		code string
	}{
		{"a claim that is not there", func(doc *app.Document) *app.Pin {
			return &app.Pin{Quote: &app.Quote{Text: "words"}, NewSpeaker: &app.Party{Name: "New", Kind: app.PartyPerson},
				Claims: []app.ClaimRelation{{Claim: doc.Claims[0].ID, Relation: app.RelSupports}, {Claim: "no-such-claim", Relation: app.RelDenies}}}
		}, app.ENOTFOUND},
		{"a relation a quote cannot have", func(doc *app.Document) *app.Pin {
			return &app.Pin{Quote: &app.Quote{Text: "words"}, NewSource: &app.Source{Title: "New"},
				Claims: []app.ClaimRelation{{Claim: doc.Claims[0].ID, Relation: app.RelMadeBy}}}
		}, app.EINVALID},
		{"a card outside the board", func(doc *app.Document) *app.Pin {
			return &app.Pin{Quote: &app.Quote{Text: "words"}, NewSpeaker: &app.Party{Name: "New", Kind: app.PartyPerson},
				SpeakerAt: &app.Point{X: math.NaN()}}
		}, app.EINVALID},
		{"a speaker id already taken", func(doc *app.Document) *app.Pin {
			return &app.Pin{Quote: &app.Quote{Text: "words"}, NewSpeaker: &app.Party{ID: doc.Claims[0].ID, Name: "New", Kind: app.PartyPerson}}
		}, app.ECONFLICT},
		{"no words", func(doc *app.Document) *app.Pin {
			return &app.Pin{Quote: &app.Quote{Text: " "}}
		}, app.EINVALID},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db := MustSampleDB(t)
			if _, err := db.UpdateParty(ctx, "apple", app.PartyUpdate{Notes: ptr("an unrelated edit")}); err != nil {
				t.Fatal(err)
			}
			before := exportOf(t, db)
			pin := tc.pin(before)
			given := *pin.Quote
			err := db.PinQuote(ctx, pin)
			if app.ErrorCode(err) != tc.code {
				t.Fatalf("error %v (%s), want %s", err, app.ErrorCode(err), tc.code)
			}
			if got := exportOf(t, db); !reflect.DeepEqual(got, before) {
				t.Fatal("a failed pin changed the board")
			}
			if undo, redo, _ := db.UndoState(ctx); undo != "Edit party" || redo != "" {
				t.Fatalf("undo %q redo %q after a failed pin, want the earlier edit", undo, redo)
			}
			if *pin.Quote != given {
				t.Fatalf("the caller's quote changed: %+v", *pin.Quote)
			}
			if pin.NewSpeaker != nil && pin.NewSpeaker.ID != "" && pin.NewSpeaker.ID != before.Claims[0].ID {
				t.Fatalf("the new speaker kept the id %q of a failed pin", pin.NewSpeaker.ID)
			}
		})
	}
}

// A new item with its card is one edit and one undo step.
func TestCreate_WithPositionIsOneStep(t *testing.T) {
	ctx := context.Background()
	at := &app.Point{X: 120, Y: -40}
	cases := []struct {
		label  string
		create func(db *DB) (string, error)
	}{
		{"New claim", func(db *DB) (string, error) {
			c := &app.Claim{Statement: "s", Status: app.StatusAlleged}
			err := db.CreateClaim(ctx, c, at)
			return c.ID, err
		}},
		{"New party", func(db *DB) (string, error) {
			p := &app.Party{Name: "p", Kind: app.PartyPerson}
			err := db.CreateParty(ctx, p, at)
			return p.ID, err
		}},
		{"New source", func(db *DB) (string, error) {
			s := &app.Source{Title: "s"}
			err := db.CreateSource(ctx, s, at)
			return s.ID, err
		}},
		{"New quote", func(db *DB) (string, error) {
			q := &app.Quote{Text: "q"}
			err := db.CreateQuote(ctx, q, at)
			return q.ID, err
		}},
	}
	for _, tc := range cases {
		t.Run(tc.label, func(t *testing.T) {
			db := MustSampleDB(t)
			before := exportOf(t, db)
			id, err := tc.create(db)
			if err != nil {
				t.Fatal(err)
			}
			ps, _ := db.Positions(ctx)
			if last := ps[len(ps)-1]; last.Item != id || last.X != at.X || last.Y != at.Y {
				t.Fatalf("last card %+v, want %s at %+v", last, id, *at)
			}
			if undo, _, _ := db.UndoState(ctx); undo != tc.label {
				t.Fatalf("undo step %q, want %q", undo, tc.label)
			}
			if _, err := db.Undo(ctx); err != nil {
				t.Fatal(err)
			}
			if got := exportOf(t, db); !reflect.DeepEqual(got, before) {
				t.Fatal("one undo did not take back the item and its card")
			}
		})
	}
	t.Run("outside the board", func(t *testing.T) {
		db := MustSampleDB(t)
		before := exportOf(t, db)
		err := db.CreateClaim(ctx, &app.Claim{Statement: "s", Status: app.StatusAlleged}, &app.Point{X: math.Inf(1)})
		if app.ErrorCode(err) != app.EINVALID {
			t.Fatalf("error %v, want EINVALID", err)
		}
		if got := exportOf(t, db); !reflect.DeepEqual(got, before) {
			t.Fatal("a refused new claim changed the board")
		}
	})
}
