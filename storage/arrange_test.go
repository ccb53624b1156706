package storage

import (
	"context"
	"math"
	"testing"

	"evidenceboard/app"
)

func TestArrangeCards_OneUndoStep(t *testing.T) {
	ctx := context.Background()
	db := MustSampleDB(t)
	if err := db.CreateClaim(ctx, &app.Claim{ID: "new-claim", Statement: "Unplaced", Status: app.StatusAlleged}, nil); err != nil {
		t.Fatal(err)
	}
	before, err := db.Export(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []app.Position{
		{Item: "apple", X: 10, Y: 20},
		{Item: "c-pla-chips", X: -300, Y: 400.5},
		{Item: "new-claim", X: 1000, Y: 0},
	}
	if err := db.ArrangeCards(ctx, want); err != nil {
		t.Fatal(err)
	}
	got, err := db.Positions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	at := map[string]app.Position{}
	for _, p := range got {
		at[p.Item] = p
	}
	for _, w := range want {
		if at[w.Item] != w {
			t.Errorf("%s at %v, want %v", w.Item, at[w.Item], w)
		}
	}
	if len(got) != len(before.Layout)+1 || got[len(got)-1].Item != "new-claim" {
		t.Errorf("%d positions, last %v; want %d, the new card last", len(got), got[len(got)-1], len(before.Layout)+1)
	}
	if u, _, _ := db.UndoState(ctx); u != "Arrange board" {
		t.Fatalf("undo step = %q", u)
	}
	ch, err := db.Undo(ctx)
	if err != nil || ch.Label != "Arrange board" {
		t.Fatalf("undo = %q, %v", ch.Label, err)
	}
	after, err := db.Export(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !sameJSON(t, after, before) {
		t.Fatal("one undo does not take the whole arrangement back")
	}
	if u, _, _ := db.UndoState(ctx); u != "New claim" {
		t.Fatalf("after one undo the next step is %q, want New claim", u)
	}
}

func TestArrangeCards_FailureStoresNothing(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name      string
		positions []app.Position
		code, msg string
	}{
		{"outside", []app.Position{{Item: "apple", X: 1, Y: 2}, {Item: "c-pla-chips", X: app.MaxCoordinate + 1, Y: 0}}, app.EINVALID, "outside the board"},
		{"nan", []app.Position{{Item: "apple", X: 1, Y: 2}, {Item: "c-pla-chips", X: 0, Y: math.NaN()}}, app.EINVALID, "outside the board"},
		{"inf", []app.Position{{Item: "apple", X: math.Inf(-1), Y: 2}}, app.EINVALID, "outside the board"},
		{"missing", []app.Position{{Item: "apple", X: 1, Y: 2}, {Item: "no-such", X: 0, Y: 0}}, app.ENOTFOUND, `"no-such"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := MustSampleDB(t)
			before, err := db.Export(ctx)
			if err != nil {
				t.Fatal(err)
			}
			wantCode(t, db.ArrangeCards(ctx, tc.positions), tc.code, tc.msg)
			after, err := db.Export(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if !sameJSON(t, after, before) {
				t.Fatal("a failed arrangement changed the board")
			}
			if u, _, _ := db.UndoState(ctx); u != "" {
				t.Fatalf("a failed arrangement left an undo step %q", u)
			}
		})
	}
}

func TestArrangeCards_Empty(t *testing.T) {
	db := MustSampleDB(t)
	if err := db.ArrangeCards(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	if u, _, _ := db.UndoState(context.Background()); u != "" {
		t.Fatalf("arranging nothing left an undo step %q", u)
	}
}
