package storage

import (
	"context"
	"testing"
	"time"

	"evidenceboard/app"
)

func ptr[T any](v T) *T { return &v }

func TestSources(t *testing.T) {
	ctx := context.Background()
	db := MustCreateDB(t)
	t.Run("OK", func(t *testing.T) {
		s := &app.Source{Title: "Statement", Published: "2018-10-04T10:00:00+01:00"}
		if err := db.CreateSource(ctx, s, nil); err != nil {
			t.Fatal(err)
		}
		if !app.ValidID(s.ID) || s.ID[:2] != "s-" {
			t.Fatalf("fresh id %q", s.ID)
		}
		got, err := db.FindSourceByID(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Published != "2018-10-04T09:00:00Z" {
			t.Fatalf("published = %q, want it in UTC", got.Published)
		}
		upd, err := db.UpdateSource(ctx, s.ID, app.SourceUpdate{Publisher: ptr("ZDNet")})
		if err != nil || upd.Publisher != "ZDNet" || upd.Title != "Statement" {
			t.Fatalf("update = %+v, %v", upd, err)
		}
	})
	t.Run("ErrTitleRequired", func(t *testing.T) {
		wantCode(t, db.CreateSource(ctx, &app.Source{Title: "  "}, nil), app.EINVALID, "title is required")
	})
	t.Run("ErrIDTaken", func(t *testing.T) {
		if err := db.CreateParty(ctx, &app.Party{ID: "apple", Name: "Apple", Kind: app.PartyOrganisation}, nil); err != nil {
			t.Fatal(err)
		}
		wantCode(t, db.CreateSource(ctx, &app.Source{ID: "apple", Title: "x"}, nil), app.ECONFLICT, `the id "apple" is already used by a party`)
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := db.FindSourceByID(ctx, "nope")
		wantCode(t, err, app.ENOTFOUND, "no source")
		_, err = db.UpdateSource(ctx, "apple", app.SourceUpdate{Title: ptr("x")})
		wantCode(t, err, app.ENOTFOUND, "no source with id \"apple\" (it is a party)")
		wantCode(t, db.DeleteSource(ctx, "nope"), app.ENOTFOUND, "no source")
	})
}

func TestClaims_StatusHistory(t *testing.T) {
	ctx := context.Background()
	db := MustCreateDB(t)
	c := &app.Claim{Statement: "Chips were implanted.", Status: app.StatusAlleged}
	if err := db.CreateClaim(ctx, c, nil); err != nil {
		t.Fatal(err)
	}
	got, err := db.SetClaimStatus(ctx, c.ID, app.StatusChange{Status: app.StatusDenied, Note: "Apple statement"})
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != app.StatusDenied || len(got.History) != 2 {
		t.Fatalf("claim = %+v", got)
	}
	h := got.History[1]
	if h.Status != app.StatusDenied || h.Note != "Apple statement" || h.At.Location() != time.UTC || !h.At.After(got.History[0].At) {
		t.Fatalf("history = %+v", got.History)
	}
	_, err = db.SetClaimStatus(ctx, c.ID, app.StatusChange{Status: "confirmed", Note: ""})
	wantCode(t, err, app.EINVALID, `"confirmed" is not a status`)
	_, err = db.SetClaimStatus(ctx, "nope", app.StatusChange{Status: app.StatusDenied, Note: ""})
	wantCode(t, err, app.ENOTFOUND, "no claim")

	denied, n, err := db.FindClaims(ctx, app.ItemFilter{Status: app.StatusDenied})
	if err != nil || n != 1 || len(denied) != 1 || len(denied[0].History) != 2 {
		t.Fatalf("FindClaims(denied) = %v, %d, %v", denied, n, err)
	}
	board, _ := db.Board(ctx)
	if !board.Updated.Equal(h.At) {
		t.Fatalf("board updated %v, want the last edit's time %v", board.Updated, h.At)
	}
}

func TestQuotes_References(t *testing.T) {
	ctx := context.Background()
	db := MustCreateDB(t)
	src := &app.Source{ID: "s1", Title: "Article", Text: "Apple says 🍎 «nothing» was found."}
	sp := &app.Party{ID: "apple", Name: "Apple", Kind: app.PartyOrganisation}
	if err := db.CreateSource(ctx, src, nil); err != nil {
		t.Fatal(err)
	}
	if err := db.CreateParty(ctx, sp, nil); err != nil {
		t.Fatal(err)
	}
	good := &app.Quote{Text: "«nothing» was found", Speaker: "apple", Source: "s1",
		Anchor: &app.Anchor{Exact: "«nothing» was found", Prefix: "Apple says 🍎 ", Suffix: ".", Start: 13, End: 32}}
	if err := db.CreateQuote(ctx, good, nil); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		q    app.Quote
		msg  string
	}{
		{"ErrSpeaker", app.Quote{Text: "x", Speaker: "p9"}, `speaker: there is no party with id "p9"`},
		{"ErrSpeakerKind", app.Quote{Text: "x", Speaker: "s1"}, `speaker: there is no party with id "s1" (it is a source)`},
		{"ErrSource", app.Quote{Text: "x", Source: "s9"}, `source: there is no source with id "s9"`},
		{"ErrAnchorNoSource", app.Quote{Text: "x", Anchor: &app.Anchor{Exact: "x", End: 1}}, "needs a source"},
		{"ErrAnchorMismatch", app.Quote{Text: "x", Source: "s1", Anchor: &app.Anchor{Exact: "Apple", Start: 1, End: 6}}, "does not match the source's text"},
		{"ErrEmpty", app.Quote{Text: ""}, "text is required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantCode(t, db.CreateQuote(ctx, &tt.q, nil), app.EINVALID, tt.msg)
		})
	}
	t.Run("DeleteSpeakerClearsIt", func(t *testing.T) {
		if err := db.DeleteParty(ctx, "apple"); err != nil {
			t.Fatal(err)
		}
		q, err := db.FindQuoteByID(ctx, good.ID)
		if err != nil || q.Speaker != "" || q.Source != "s1" {
			t.Fatalf("quote = %+v, %v", q, err)
		}
	})
}

func TestLinks(t *testing.T) {
	ctx := context.Background()
	db := MustSampleDB(t)
	quotes, _, _ := db.FindQuotes(ctx, app.ItemFilter{Limit: 1})
	claims, _, _ := db.FindClaims(ctx, app.ItemFilter{Limit: 2})
	parties, _, _ := db.FindParties(ctx, app.ItemFilter{Limit: 1})
	q, c, c2, p := quotes[0].ID, claims[0].ID, claims[1].ID, parties[0].ID

	wantCode(t, db.CreateLink(ctx, &app.Link{From: c, To: c2, Relation: app.RelSupports}), app.EINVALID, "a claim cannot be linked to a claim")
	wantCode(t, db.CreateLink(ctx, &app.Link{From: q, To: p, Relation: app.RelSupports}), app.EINVALID, "can only be linked to a party by mentions")
	wantCode(t, db.CreateLink(ctx, &app.Link{From: q, To: "ghost", Relation: app.RelSupports}), app.ENOTFOUND, `no item with id "ghost"`)
	wantCode(t, db.CreateLink(ctx, &app.Link{From: q, To: q, Relation: app.RelMentions}), app.EINVALID, "to itself")

	_ = db.DeleteLink(ctx, q, c2, app.RelContradicts)
	if err := db.CreateLink(ctx, &app.Link{From: q, To: c2, Relation: app.RelContradicts, Note: "n"}); err != nil {
		t.Fatal(err)
	}
	wantCode(t, db.CreateLink(ctx, &app.Link{From: q, To: c2, Relation: app.RelContradicts}), app.ECONFLICT, "already")
	ls, err := db.FindLinks(ctx, app.LinkFilter{From: q, To: c2})
	if err != nil || len(ls) == 0 || ls[len(ls)-1].Note != "n" {
		t.Fatalf("links = %v, %v", ls, err)
	}
	if err := db.DeleteLink(ctx, q, c2, app.RelContradicts); err != nil {
		t.Fatal(err)
	}
	wantCode(t, db.DeleteLink(ctx, q, c2, app.RelContradicts), app.ENOTFOUND, "no link")

	t.Run("DeleteClaimTakesItsLinks", func(t *testing.T) {
		before, _ := db.FindLinks(ctx, app.LinkFilter{Item: c})
		if len(before) == 0 {
			t.Fatal("sample claim has no links")
		}
		if err := db.DeleteClaim(ctx, c); err != nil {
			t.Fatal(err)
		}
		after, _ := db.FindLinks(ctx, app.LinkFilter{Item: c})
		var hist int
		db.gdb.Raw("SELECT count(*) FROM claim_history WHERE claim_id = ?", c).Scan(&hist)
		if len(after) != 0 || hist != 0 {
			t.Fatalf("left %d links and %d history rows", len(after), hist)
		}
		if problems, err := db.Check(ctx); err != nil || len(problems) != 0 {
			t.Fatalf("check: %v %v", problems, err)
		}
	})
}

func TestMoveCard(t *testing.T) {
	ctx := context.Background()
	db := MustCreateDB(t)
	for _, id := range []string{"a", "b"} {
		if err := db.CreateParty(ctx, &app.Party{ID: id, Name: id, Kind: app.PartyPerson}, nil); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range []app.Position{{Item: "b", X: 1, Y: 2}, {Item: "a", X: 3.5, Y: -4}, {Item: "b", X: 10, Y: 20}} {
		if err := db.MoveCard(ctx, m.Item, m.X, m.Y); err != nil {
			t.Fatal(err)
		}
	}
	got, err := db.Positions(ctx)
	want := []app.Position{{Item: "b", X: 10, Y: 20}, {Item: "a", X: 3.5, Y: -4}}
	if err != nil || len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("positions = %v, %v; want %v", got, err, want)
	}
	wantCode(t, db.MoveCard(ctx, "zz", 0, 0), app.ENOTFOUND, "no item")
	wantCode(t, db.MoveCard(ctx, "a", 1e12, 0), app.EINVALID, "outside the board")
}

func TestFind_TextAndPaging(t *testing.T) {
	ctx := context.Background()
	db := MustSampleDB(t)
	qs, n, err := db.FindQuotes(ctx, app.ItemFilter{Text: "MALICIOUS chips"})
	if err != nil || n == 0 || len(qs) != n {
		t.Fatalf("quotes matching: %d, %v", n, err)
	}
	page, total, err := db.FindParties(ctx, app.ItemFilter{Offset: 2, Limit: 3})
	all, _, _ := db.FindParties(ctx, app.ItemFilter{})
	if err != nil || len(page) != 3 || total != len(all) || page[0].ID != all[2].ID {
		t.Fatalf("page = %v, total %d, %v", page, total, err)
	}
	none, n, err := db.FindClaims(ctx, app.ItemFilter{Text: `100%_\`})
	if err != nil || n != 0 || len(none) != 0 {
		t.Fatalf("LIKE wildcards leaked: %d, %v", n, err)
	}
}

func TestImport_ErrNotEmpty(t *testing.T) {
	db := MustSampleDB(t)
	doc, _ := db.Export(context.Background())
	wantCode(t, db.Import(context.Background(), doc), app.ECONFLICT, "already holds")
}

func TestReadOnly(t *testing.T) {
	db := MustSampleDB(t)
	db.Close()
	ro, err := Open(db.Path(), Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.Export(context.Background()); err != nil {
		t.Fatal(err)
	}
	wantCode(t, ro.CreateParty(context.Background(), &app.Party{Name: "x", Kind: app.PartyPerson}, nil), app.EINVALID, "read-only")
}

func TestSaveCopy(t *testing.T) {
	ctx := context.Background()
	db := MustSampleDB(t)
	db.MoveCard(ctx, "apple", 5, 5) // in the write-ahead log, not yet in the file
	want, _ := db.Export(ctx)
	path := db.Path() + ".copy.evboard"
	if err := db.SaveCopy(ctx, path); err != nil {
		t.Fatal(err)
	}
	wantCode(t, db.SaveCopy(ctx, path), app.ECONFLICT, "already exists")
	cp, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	got, _ := cp.Export(ctx)
	if !sameJSON(t, got, want) {
		t.Fatal("the copy differs")
	}
	if problems, err := cp.Check(ctx); err != nil || len(problems) > 0 {
		t.Fatalf("check of the copy: %v %v", problems, err)
	}
}

func TestUpdateSource_Reanchors(t *testing.T) {
	ctx := context.Background()
	db := MustCreateDB(t)
	db.CreateSource(ctx, &app.Source{ID: "s", Title: "t", Text: "Apple said no. Amazon said no."}, nil)
	a, _ := app.NewAnchor("Apple said no. Amazon said no.", 22, 29)
	if err := db.CreateQuote(ctx, &app.Quote{ID: "q", Text: "said no", Source: "s", Anchor: a}, nil); err != nil {
		t.Fatal(err)
	}
	db.CreateQuote(ctx, &app.Quote{ID: "q2", Text: "Apple", Source: "s", Anchor: &app.Anchor{Exact: "Apple", End: 5}}, nil)
	if _, err := db.UpdateSource(ctx, "s", app.SourceUpdate{Text: ptr("Update: Amazon said no. Apple said no.")}); err != nil {
		t.Fatal(err)
	}
	q, _ := db.FindQuoteByID(ctx, "q")
	if q.Anchor == nil || q.Anchor.Start != 15 {
		t.Fatalf("anchor = %+v, want it moved to 15", q.Anchor)
	}
	db.UpdateSource(ctx, "s", app.SourceUpdate{Text: ptr("Amazon said no.")})
	q2, _ := db.FindQuoteByID(ctx, "q2")
	if q2.Anchor != nil {
		t.Fatalf("anchor = %+v, want none (its words are gone)", q2.Anchor)
	}
	if problems, err := db.Check(ctx); err != nil || len(problems) > 0 {
		t.Fatalf("check: %v %v", problems, err)
	}
}
