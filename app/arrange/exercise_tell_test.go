package arrange

import (
	"math"
	"testing"

	"evidenceboard/app"
	"evidenceboard/assets"
)

// tells counts how often an exercise's layout gives away the answer links
// it removed (the key's quote-to-claim supports, denies and contradicts):
// by side, a supporting quote whose card's centre is left of its claim's
// or a denying one right of it (Arrange's habit on a key); by nearest
// claim, a quote whose nearest claim card (centre to centre) is the claim
// it answered. n is the number of links.
func tells(key *app.Document, layout []app.Position) (side, nearest, n int) {
	kind := map[string]app.Kind{}
	for _, c := range key.Claims {
		kind[c.ID] = app.KindClaim
	}
	for _, q := range key.Quotes {
		kind[q.ID] = app.KindQuote
	}
	centre := map[string][2]float64{}
	for _, p := range layout {
		if s, ok := CardSizes[kind[p.Item]]; ok {
			centre[p.Item] = [2]float64{p.X + s.Width/2, p.Y + s.Height/2}
		}
	}
	for _, l := range key.Links {
		if !app.IsAnswerLink(l, kind) {
			continue
		}
		q, okq := centre[l.From]
		c, okc := centre[l.To]
		if !okq || !okc {
			continue
		}
		n++
		if (l.Relation == app.RelSupports) == (q[0] < c[0]) {
			side++
		}
		best, bestD := "", math.Inf(1)
		for _, k := range key.Claims {
			p, ok := centre[k.ID]
			if !ok {
				continue
			}
			if d := math.Hypot(p[0]-q[0], p[1]-q[1]); d < bestD {
				best, bestD = k.ID, d
			}
		}
		if best == l.To {
			nearest++
		}
	}
	return side, nearest, n
}

// exerciseBoards are the boards the tell is measured on: the sample, laid
// out as it ships, and boards generated here, never seen by Arrange's
// tuning, laid out by Arrange as a key would be.
func exerciseBoards(t *testing.T) map[string]*app.Document {
	t.Helper()
	sample, _, err := app.ParseDocument(assets.SampleJSON)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*app.Document{"sample": sample}
	for _, seed := range []int64{11, 12, 13} {
		d := Generate(seed, Newsroom)
		d.Layout = Arrange(d, CardSizes)
		out["generated newsroom "+string(rune('a'+seed-11))] = d
	}
	return out
}

// TestExerciseLayoutTellsNothing: an exercise that asks for links, laid out
// anew without them (as app.MakeExerciseFile does), tells the side of a
// removed link no more than 65% of the time (chance is half), and its
// nearest claim no more often than the program's own layout of the key
// with the answer links taken out, plus 10 points. The key's own layout,
// kept, tells far more: the figures are logged (go test -run
// TestExerciseLayoutTellsNothing -v ./app/arrange).
func TestExerciseLayoutTellsNothing(t *testing.T) {
	var keySide, keyNear, exSide, exNear, baseNear, all int
	for name, key := range exerciseBoards(t) {
		ex, _, err := app.MakeExercise(key, app.ExerciseOptions{Links: true})
		if err != nil {
			t.Fatal(err)
		}
		kept := ex.Layout // the key's layout, as exercises had it
		ex.Layout = Arrange(ex, CardSizes)
		ks, kn, n := tells(key, kept)
		es, en, _ := tells(key, ex.Layout)
		// The baseline: the key, its answer links taken out, laid out.
		stripped := *key
		stripped.Links = ex.Links
		_, bn, _ := tells(key, Arrange(&stripped, CardSizes))
		t.Logf("%s: %d removed links; key's layout kept: side %d, nearest claim %d; laid out anew: side %d, nearest %d; baseline nearest %d",
			name, n, ks, kn, es, en, bn)
		keySide, keyNear, exSide, exNear, baseNear, all = keySide+ks, keyNear+kn, exSide+es, exNear+en, baseNear+bn, all+n
	}
	pct := func(k int) float64 { return 100 * float64(k) / float64(all) }
	t.Logf("all %d removed links: key's layout kept tells side %.0f%%, nearest %.0f%%; laid out anew side %.0f%%, nearest %.0f%%; baseline nearest %.0f%%",
		all, pct(keySide), pct(keyNear), pct(exSide), pct(exNear), pct(baseNear))
	if all == 0 {
		t.Fatal("no answer links to measure")
	}
	if pct(exSide) > 65 {
		t.Errorf("the side tells %.0f%% of the removed links, over 65%%", pct(exSide))
	}
	if pct(exNear) > pct(baseNear)+10 {
		t.Errorf("the nearest claim tells %.0f%%, over the baseline's %.0f%% plus 10", pct(exNear), pct(baseNear))
	}
}
