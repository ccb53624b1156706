package ui

import (
	"context"
	"reflect"
	"testing"

	"fyne.io/fyne/v2"

	"evidenceboard/app"
)

// newTestSession opens the sample in a session, with no window.
func newTestSession(t *testing.T) (*session, *memFile) {
	f := newMemFile(sampleDoc(t))
	return &session{ctx: context.Background(), file: f, model: newBoardModel(cloneDoc(f.doc))}, f
}

// sessionMatchesFile checks the session's model against a fresh reading.
func sessionMatchesFile(t *testing.T, s *session, f *memFile) {
	t.Helper()
	modelMatchesFile(t, &boardWindow{session: *s}, f)
}

// Each edit of the session leaves its model as a fresh reading of the
// file would be, and so do undo and redo of it.
func TestSession_EditsKeepTheModelInStep(t *testing.T) {
	cases := []struct {
		name string
		edit func(s *session) error
	}{
		{"rename a party", func(s *session) error { return s.updateParty("apple", app.PartyUpdate{Name: ptrTo("Apple Inc.")}) }},
		{"change a status", func(s *session) error {
			return s.setClaimStatus("c-pla-chips", app.StatusChange{Status: app.StatusDenied, Note: "denied on the record"})
		}},
		{"delete a party that spoke", func(s *session) error { return s.deleteItem("apple") }},
		{"delete a source quotes came from", func(s *session) error { return s.deleteItem(s.model.doc.Sources[0].ID) }},
		{"delete a link", func(s *session) error { return s.deleteLink(s.model.doc.Links[0]) }},
		{"a new claim", func(s *session) error {
			_, err := s.create(app.KindClaim, fyne.NewPos(10, 20), func(at *app.Point) (string, error) {
				c := &app.Claim{Statement: "New", Status: app.StatusAlleged}
				err := s.file.CreateClaim(s.ctx, c, at)
				return c.ID, err
			})
			return err
		}},
		{"a pin with a new speaker", func(s *session) error {
			return s.pin(&app.Pin{Quote: &app.Quote{Text: "words"}, NewSpeaker: &app.Party{Name: "New", Kind: app.PartyPerson},
				Claims: []app.ClaimRelation{{Claim: "c-pla-chips", Relation: app.RelDenies}}, QuoteAt: point(fyne.NewPos(5, 5)), SpeakerAt: point(fyne.NewPos(5, 200))})
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, f := newTestSession(t)
			if err := tc.edit(s); err != nil {
				t.Fatal(err)
			}
			sessionMatchesFile(t, s, f)
			err := s.undo()
			if err != nil && err != errReload {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(f.doc, cloneDoc(sampleDoc(t))) {
				t.Fatal("undo did not give back the sample")
			}
			if err == nil {
				sessionMatchesFile(t, s, f)
			} else { // the window reads the whole board
				s.model = newBoardModel(cloneDoc(f.doc))
			}
			if err := s.redo(); err != nil && err != errReload {
				t.Fatal(err)
			}
			sessionMatchesFile(t, s, f)
		})
	}
}

// A failed pin leaves the model as it was.
func TestSession_FailedPinChangesNothing(t *testing.T) {
	s, f := newTestSession(t)
	before := cloneDoc(s.model.doc)
	err := s.pin(&app.Pin{Quote: &app.Quote{Text: "words"}, Claims: []app.ClaimRelation{{Claim: "no-such-claim", Relation: app.RelDenies}}})
	if app.ErrorCode(err) != app.ENOTFOUND {
		t.Fatalf("error %v, want ENOTFOUND", err)
	}
	if !reflect.DeepEqual(s.model.doc, before) || len(f.undo) != 0 {
		t.Fatal("a failed pin changed the model or the file")
	}
}

func ptrTo[T any](v T) *T { return &v }
