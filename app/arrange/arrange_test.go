package arrange

import (
	"fmt"
	"math"
	"reflect"
	"testing"

	"evidenceboard/app"
)

// degenerate are boards at the edges: none, one card, cards of one kind,
// no links, a star, a chain, quotes whose speakers have no links.
func degenerate() map[string]*app.Document {
	doc := func() *app.Document { return &app.Document{Format: app.FormatName, Version: app.FormatVersion} }
	out := map[string]*app.Document{}
	out["empty"] = doc()
	one := doc()
	one.Claims = []app.Claim{{ID: "c", Statement: "x", Status: app.StatusAlleged}}
	out["one card"] = one
	parties := doc()
	for i := 0; i < 19; i++ {
		parties.Parties = append(parties.Parties, app.Party{ID: fmt.Sprint("p", i), Name: "p", Kind: app.PartyPerson})
	}
	out["only parties"] = parties
	noLinks := Generate(3, BoardSize{Claims: 5, Quotes: 12, Parties: 6, Sources: 3})
	for i := range noLinks.Quotes {
		noLinks.Quotes[i].Speaker, noLinks.Quotes[i].Source = "", ""
	}
	out["no links"] = noLinks
	out["no links, speakers and sources"] = Generate(3, BoardSize{Claims: 5, Quotes: 12, Parties: 6, Sources: 3})
	two := doc()
	two.Claims = []app.Claim{{ID: "c", Statement: "x", Status: app.StatusAlleged}}
	two.Quotes = []app.Quote{{ID: "q", Text: "y"}}
	two.Links = []app.Link{{From: "q", To: "c", Relation: app.RelSupports}}
	out["two linked"] = two
	star := doc()
	star.Claims = []app.Claim{{ID: "c", Statement: "x", Status: app.StatusAlleged}}
	for i := 0; i < 30; i++ {
		id := fmt.Sprint("q", i)
		star.Quotes = append(star.Quotes, app.Quote{ID: id, Text: "y"})
		star.Links = append(star.Links, app.Link{From: id, To: "c", Relation: app.RelationsFor(app.KindQuote, app.KindClaim)[i%4]})
	}
	out["star"] = star
	chain := doc()
	for i := 0; i < 12; i++ {
		chain.Parties = append(chain.Parties, app.Party{ID: fmt.Sprint("p", i), Name: "p", Kind: app.PartyPerson})
		if i > 0 {
			chain.Links = append(chain.Links, app.Link{From: fmt.Sprint("p", i), To: fmt.Sprint("p", i-1), Relation: app.RelPartOf})
		}
	}
	out["chain"] = chain
	return out
}

// boards are the boards Arrange is tested on.
func boards(tb testing.TB) map[string]*app.Document {
	out := degenerate()
	out["sample"] = mustSample(tb)
	out["newsroom"] = Generate(1, Newsroom)
	out["scatter"] = Scatter(5, BoardSize{Claims: 20, Quotes: 60, Parties: 25, Sources: 8, Links: 150})
	return out
}

// checkLayout fails unless positions give each card of doc one whole-unit
// position, the cards keep CellGap-1 apart, and a board of two cards or
// more is between MinAspect and MaxAspect.
func checkLayout(t *testing.T, doc *app.Document, positions []app.Position, gap float64) {
	t.Helper()
	ids := cardIDs(doc)
	if len(positions) != len(ids) {
		t.Fatalf("%d positions for %d cards", len(positions), len(ids))
	}
	kind := map[string]app.Kind{}
	for _, c := range ids {
		kind[c.id] = c.kind
	}
	boxes := make([]box, len(positions))
	for i, p := range positions {
		k, ok := kind[p.Item]
		if !ok {
			t.Fatalf("position of %q, not a card or twice", p.Item)
		}
		delete(kind, p.Item)
		if p.X != math.Round(p.X) || p.Y != math.Round(p.Y) || math.Abs(p.X) > app.MaxCoordinate || math.Abs(p.Y) > app.MaxCoordinate {
			t.Fatalf("%s at %v, %v", p.Item, p.X, p.Y)
		}
		s := CardSizes[k]
		boxes[i] = box{p.X, p.Y, s.Width, s.Height}
	}
	for i := range boxes {
		for j := i + 1; j < len(boxes); j++ {
			a, b := boxes[i], boxes[j]
			grown := box{a.x - gap, a.y - gap, a.w + 2*gap, a.h + 2*gap}
			if overlap(grown, b) {
				t.Fatalf("%s %v and %s %v are less than %v apart", positions[i].Item, a, positions[j].Item, b, gap)
			}
		}
	}
	if f := Measure(doc, positions, CardSizes); len(ids) > 1 && (f.Aspect < MinAspect || f.Aspect > MaxAspect) {
		t.Errorf("aspect %.2f", f.Aspect)
	}
}

func TestArrange_NoOverlapsAndLandscape(t *testing.T) {
	for name, doc := range boards(t) {
		t.Run(name, func(t *testing.T) {
			checkLayout(t, doc, Arrange(doc, CardSizes), CellGap-1)
		})
	}
}

func TestArrange_Deterministic(t *testing.T) {
	for _, name := range []string{"sample", "newsroom", "no links, speakers and sources"} {
		doc := boards(t)[name]
		a, b := Arrange(doc, CardSizes), Arrange(doc, CardSizes)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: two layouts of the same board differ", name)
		}
	}
}

// TestArrange_TellsTheStory checks that the layout shows what the links
// say: supporting quotes left of their claim, denying and contradicting
// ones right of it, and speakers near what they said.
func TestArrange_TellsTheStory(t *testing.T) {
	for _, name := range []string{"sample", "newsroom"} {
		doc := boards(t)[name]
		at := map[string]app.Position{}
		for _, p := range Arrange(doc, CardSizes) {
			at[p.Item] = p
		}
		right, sided := 0, 0
		for _, l := range doc.Links {
			side := map[app.Relation]float64{app.RelSupports: -1, app.RelDenies: 1, app.RelContradicts: 1}[l.Relation]
			if side == 0 {
				continue
			}
			sided++
			if (at[l.From].X-at[l.To].X)*side > 0 {
				right++
			}
		}
		if float64(right) < 0.7*float64(sided) {
			t.Errorf("%s: %d of %d quotes on their side of the claim", name, right, sided)
		}
		near, spoken := 0, 0
		for _, q := range doc.Quotes {
			if q.Speaker == "" {
				continue
			}
			spoken++
			if math.Hypot(at[q.ID].X-at[q.Speaker].X, at[q.ID].Y-at[q.Speaker].Y) < 4*320 {
				near++
			}
		}
		if float64(near) < 0.6*float64(spoken) {
			t.Errorf("%s: %d of %d quotes within four cards of their speaker", name, near, spoken)
		}
	}
}

func TestPlace_NeverOverlaps(t *testing.T) {
	for _, name := range []string{"sample", "arranged newsroom", "empty"} {
		t.Run(name, func(t *testing.T) {
			var doc *app.Document
			switch name {
			case "sample":
				doc = mustSample(t)
			case "arranged newsroom":
				doc = Generate(1, Newsroom)
				doc.Layout = Arrange(doc, CardSizes)
			default:
				doc = degenerate()["empty"]
				doc.Claims = []app.Claim{{ID: "c-new", Statement: "x", Status: app.StatusAlleged}}
				doc.Layout = []app.Position{Place(doc, CardSizes, "c-new")}
			}
			claim := doc.Claims[0].ID
			sided := 0
			var news []string
			// Pin quotes with a new speaker and a new source, one by one, as
			// the window does, then a party linked to nothing.
			for i := 0; i < 6; i++ {
				p := app.Party{ID: fmt.Sprint("new-p", i), Name: "p", Kind: app.PartyPerson}
				s := app.Source{ID: fmt.Sprint("new-s", i), Title: "s"}
				q := app.Quote{ID: fmt.Sprint("new-q", i), Text: "q", Speaker: p.ID, Source: s.ID}
				rel := []app.Relation{app.RelSupports, app.RelDenies}[i%2]
				doc.Quotes = append(doc.Quotes, q)
				doc.Links = append(doc.Links, app.Link{From: q.ID, To: claim, Relation: rel})
				pq := Place(doc, CardSizes, q.ID)
				doc.Layout = append(doc.Layout, pq)
				doc.Parties = append(doc.Parties, p)
				doc.Layout = append(doc.Layout, Place(doc, CardSizes, p.ID))
				doc.Sources = append(doc.Sources, s)
				doc.Layout = append(doc.Layout, Place(doc, CardSizes, s.ID))
				var c app.Position
				for _, l := range doc.Layout {
					if l.Item == claim {
						c = l
					}
				}
				if d := math.Hypot(pq.X-c.X, pq.Y-c.Y); d > 1500 {
					t.Errorf("quote %d is %.0f from its claim", i, d)
				}
				if (pq.X-c.X)*[]float64{-1, 1}[i%2] > 0 {
					sided++
				}
				news = append(news, pq.Item, p.ID, s.ID)
			}
			if sided < 4 {
				t.Errorf("%d of 6 quotes on their side of the claim", sided)
			}
			doc.Parties = append(doc.Parties, app.Party{ID: "lonely", Name: "p", Kind: app.PartyPerson})
			doc.Layout = append(doc.Layout, Place(doc, CardSizes, "lonely"))
			news = append(news, "lonely")
			// Every new card keeps clear of every other card.
			boxes := placedBoxes(newGraph(doc, CardSizes), doc.Layout)
			g := newGraph(doc, CardSizes)
			for _, id := range news {
				a := boxes[g.index[id]]
				grown := box{a.x - CellGap + 1, a.y - CellGap + 1, a.w + 2*CellGap - 2, a.h + 2*CellGap - 2}
				for v, b := range boxes {
					if v != g.index[id] && overlap(grown, b) {
						t.Errorf("new card %s %v is less than %d from %s %v", id, a, CellGap-1, g.ids[v], b)
					}
				}
			}
		})
	}
}

func TestSeparate(t *testing.T) {
	doc := mustSample(t)
	stacked := append([]app.Position(nil), doc.Layout...)
	// Six cards dropped on others, one of them exactly, as old boards have.
	for i, j := range map[int]int{3: 10, 11: 12, 20: 21, 30: 31, 40: 41, 50: 0} {
		stacked[j].X, stacked[j].Y = stacked[i].X+float64(j%3)*10, stacked[i].Y+float64(j%2)*20
	}
	got := Separate(doc, stacked, CardSizes)
	if f := Measure(doc, got, CardSizes); f.Overlaps != 0 {
		t.Fatalf("%d overlaps left", f.Overlaps)
	}
	before := Measure(doc, stacked, CardSizes)
	if before.Overlaps == 0 {
		t.Fatal("the test stacks no cards")
	}
	moved := 0
	for i := range got {
		if got[i] != stacked[i] {
			moved++
			if d := math.Hypot(got[i].X-stacked[i].X, got[i].Y-stacked[i].Y); d > 1000 {
				t.Errorf("%s moved %.0f", got[i].Item, d)
			}
		}
	}
	if moved > 6 {
		t.Errorf("%d cards moved for six on others", moved)
	}
	// A board with no overlaps is left as it is.
	if again := Separate(doc, got, CardSizes); !reflect.DeepEqual(again, got) {
		t.Error("Separate moved cards on a board with no overlaps")
	}
	// Positions of no card, and positions no edit could store, pass.
	odd := []app.Position{{Item: "nothing", X: 1, Y: 2}, {Item: doc.Claims[0].ID, X: math.NaN(), Y: 0}}
	if got := Separate(doc, odd, CardSizes); got[0] != odd[0] || got[1].Item != odd[1].Item || !math.IsNaN(got[1].X) {
		t.Errorf("Separate changed positions it cannot place: %v", got)
	}
	if got := Separate(doc, nil, CardSizes); len(got) != 0 {
		t.Errorf("Separate of nothing: %v", got)
	}
	// Every card on one spot.
	heap := make([]app.Position, len(doc.Layout))
	for i, p := range doc.Layout {
		heap[i] = app.Position{Item: p.Item}
	}
	if f := Measure(doc, Separate(doc, heap, CardSizes), CardSizes); f.Overlaps != 0 {
		t.Errorf("a heap of cards: %d overlaps left", f.Overlaps)
	}
}

func TestArrange_StoredLayoutIgnored(t *testing.T) {
	doc := mustSample(t)
	bare := *doc
	bare.Layout = nil
	if !reflect.DeepEqual(Arrange(doc, CardSizes), Arrange(&bare, CardSizes)) {
		t.Error("Arrange reads doc.Layout")
	}
}

// TestSeparate_Crowded separates boards whose every card was stored on
// others: a grid tighter than the cards (as a script may write a board),
// a grid of half that, and every card on one spot. No two cards end less
// than CellGap-1 from a card that moved, none on another; a card on no
// card before it stays; on a grid, no card goes farther than out of the
// crowd (to its nearest edge) and through twice the band the moved cards
// would make around it, plus a card and the gap.
func TestSeparate_Crowded(t *testing.T) {
	doc := Scatter(3, BoardSize{Quotes: 300, Claims: 60, Parties: 15, Sources: 6, Links: 600})
	heap := Crowd(doc, CardSizes, 0)
	for _, tc := range []struct {
		name   string
		layout []app.Position
		grid   bool
	}{
		{"grid of 0.8 cards", Crowd(doc, CardSizes, 0.8), true},
		{"grid of 0.4 cards", Crowd(doc, CardSizes, 0.4), true},
		{"all on one spot", heap, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Separate(doc, tc.layout, CardSizes)
			checkApart(t, doc, tc.layout, got)
			kind := map[string]app.Kind{}
			for _, c := range cardIDs(doc) {
				kind[c.id] = c.kind
			}
			stored := make([]box, len(tc.layout))
			for i, p := range tc.layout {
				s := CardSizes[kind[p.Item]]
				stored[i] = box{p.X, p.Y, s.Width, s.Height}
			}
			x0, y0, x1, y1 := bounds(stored)
			area := 0.0 // of the cards that move, with their gaps
			for i := range got {
				if got[i] != tc.layout[i] {
					area += (stored[i].w + CellGap) * (stored[i].h + CellGap)
				}
			}
			band := area / (2 * (x1 - x0 + y1 - y0))
			for i, p := range tc.layout {
				onEarlier := false
				for _, o := range stored[:i] {
					onEarlier = onEarlier || overlap(stored[i], o)
				}
				if !onEarlier && got[i] != p {
					t.Fatalf("%s lies on no card before it but moved from %v to %v", p.Item, p, got[i])
				}
				b := stored[i]
				out := min(b.cx()-x0, x1-b.cx(), b.cy()-y0, y1-b.cy()) + 2*band + math.Hypot(b.w, b.h) + CellGap
				if d := math.Hypot(got[i].X-p.X, got[i].Y-p.Y); tc.grid && d > out {
					t.Errorf("%s moved %.0f, farther than out of the crowd (%.0f)", p.Item, d, out)
				}
			}
		})
	}
}

// checkApart fails unless no card of positions lies on another and every
// card that moved from where stored has it keeps CellGap-1 from the others.
func checkApart(t *testing.T, doc *app.Document, stored, positions []app.Position) {
	t.Helper()
	kind := map[string]app.Kind{}
	for _, c := range cardIDs(doc) {
		kind[c.id] = c.kind
	}
	for i, p := range positions {
		gap := 0.0
		if p != stored[i] {
			gap = CellGap - 1
		}
		s := CardSizes[kind[p.Item]]
		a := box{p.X - gap, p.Y - gap, s.Width + 2*gap, s.Height + 2*gap}
		for j, q := range positions {
			if o := CardSizes[kind[q.Item]]; j != i && overlap(a, box{q.X, q.Y, o.Width, o.Height}) {
				t.Fatalf("%s %v and %s %v are less than %v apart", p.Item, p, q.Item, q, gap)
			}
		}
	}
}
