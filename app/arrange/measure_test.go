package arrange

import (
	"bytes"
	"testing"

	"evidenceboard/app"
	"evidenceboard/app/report"
	"evidenceboard/assets"
)

// TestMeasure_Geometry counts figures on hand-made boards.
func TestMeasure_Geometry(t *testing.T) {
	sq := func(x, y float64) box { return box{x, y, 10, 10} }
	for _, tc := range []struct {
		name  string
		boxes []box
		edges [][2]int
		want  Figures
	}{
		{"empty", nil, nil, Figures{}},
		{"one card", []box{{0, 0, 20, 10}}, nil, Figures{Cards: 1, Aspect: 2}},
		{"an X crosses", []box{sq(0, 0), sq(100, 100), sq(100, 0), sq(0, 100)}, [][2]int{{0, 1}, {2, 3}},
			Figures{Cards: 4, Strings: 2, Crossings: 1, Aspect: 1}},
		{"strings at one card do not cross", []box{sq(0, 0), sq(100, 100), sq(100, 0)}, [][2]int{{0, 1}, {0, 2}},
			Figures{Cards: 3, Strings: 2, Aspect: 1}},
		{"parallel strings do not cross", []box{sq(0, 0), sq(100, 0), sq(0, 50), sq(100, 50)}, [][2]int{{0, 1}, {2, 3}},
			Figures{Cards: 4, Strings: 2, Aspect: 110.0 / 60}},
		{"a vertical string crosses a horizontal one", []box{sq(0, 0), sq(100, 0), sq(50, 50), sq(50, -50)}, [][2]int{{0, 1}, {2, 3}},
			// 2–3 runs from (55,55) to (55,-45), through (55,5) on 0–1; and it
			// passes through neither card 0 nor 1.
			Figures{Cards: 4, Strings: 2, Crossings: 1, Aspect: 110.0 / 110}},
		{"collinear strings that overlap do not cross, they pass through cards", []box{sq(0, 0), sq(100, 0), sq(50, 0), sq(150, 0)}, [][2]int{{0, 1}, {2, 3}},
			Figures{Cards: 4, Strings: 2, ThroughCards: 2, Aspect: 160.0 / 10}},
		{"a string ending on another does not cross it, it passes through the card", []box{sq(0, 0), sq(100, 0), sq(50, 0), sq(50, 100)}, [][2]int{{0, 1}, {2, 3}},
			Figures{Cards: 4, Strings: 2, ThroughCards: 1, Aspect: 110.0 / 110}},
		{"a string through a card", []box{sq(0, 0), sq(100, 0), {45, -20, 10, 30}}, [][2]int{{0, 1}},
			Figures{Cards: 3, Strings: 1, ThroughCards: 1, Aspect: 110.0 / 30}},
		{"a string grazing a card's corner meets it", []box{sq(0, 0), sq(100, 100), {60, 40, 10, 10}}, [][2]int{{0, 1}},
			// from (5,5) to (105,105): passes (60,60)? no: the card spans
			// x 60–70, y 40–50, and the string is at y = x there: no.
			Figures{Cards: 3, Strings: 1, Aspect: 1}},
		{"a string touching a card's corner meets it", []box{sq(0, 0), sq(100, 100), {55, 45, 10, 10}}, [][2]int{{0, 1}},
			Figures{Cards: 3, Strings: 1, ThroughCards: 1, Aspect: 1}},
		{"a string passing beside a card", []box{sq(0, 0), sq(100, 0), {45, 11, 10, 10}}, [][2]int{{0, 1}},
			Figures{Cards: 3, Strings: 1, Aspect: 110.0 / 21}},
		{"a string's own ends are not passed through", []box{{0, 0, 100, 100}, {50, 50, 100, 100}}, [][2]int{{0, 1}},
			Figures{Cards: 2, Strings: 1, Overlaps: 1, Aspect: 1}},
		{"touching cards do not overlap", []box{sq(0, 0), sq(10, 0), sq(0, 10)}, nil,
			Figures{Cards: 3, Aspect: 1}},
		{"stacked cards overlap, each pair once", []box{sq(0, 0), sq(0, 0), sq(5, 5)}, nil,
			Figures{Cards: 3, Overlaps: 3, Aspect: 1}},
		{"two links between the same cards count twice", []box{sq(0, 0), sq(100, 100), sq(100, 0), sq(0, 100), sq(50, 50)},
			[][2]int{{0, 1}, {0, 1}, {2, 3}},
			// each of the three passes through card 4 at the middle
			Figures{Cards: 5, Strings: 3, Crossings: 2, ThroughCards: 3, Aspect: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := measure(tc.boxes, tc.edges)
			got.Fill = 0
			if got != tc.want {
				t.Errorf("got  %v\nwant %v", got, tc.want)
			}
		})
	}
}

// TestMeasure_AsTheCanvasExport checks that Measure sees the board as the
// JSON Canvas export draws it, cards placed and unplaced.
func TestMeasure_AsTheCanvasExport(t *testing.T) {
	sample := mustSample(t)
	arranged := *sample
	arranged.Layout = Arrange(sample, CardSizes)
	partial := *sample
	partial.Layout = sample.Layout[:len(sample.Layout)/2]
	newsroom := Generate(1, Newsroom)
	for name, doc := range map[string]*app.Document{"sample": sample, "arranged": &arranged, "partial": &partial, "unplaced": newsroom} {
		var buf bytes.Buffer
		if err := report.WriteCanvas(&buf, doc, report.Options{}); err != nil {
			t.Fatal(err)
		}
		want, err := MeasureCanvas(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if got := Measure(doc, doc.Layout, CardSizes); got != want {
			t.Errorf("%s: Measure %v, on the canvas %v", name, got, want)
		}
	}
}

func mustSample(tb testing.TB) *app.Document {
	tb.Helper()
	doc, _, err := app.ParseDocument(assets.SampleJSON)
	if err != nil {
		tb.Fatal(err)
	}
	return doc
}

// TestMeasure_SampleAsShipped: the sample ships laid out by Arrange (its
// old hand layout, a tall column, measured 281 crossings and 114 strings
// through cards), within the targets sfdp sets on it (59 and 26).
func TestMeasure_SampleAsShipped(t *testing.T) {
	s := mustSample(t)
	f := Measure(s, s.Layout, CardSizes)
	if f.Crossings > 59 || f.ThroughCards > 26 || f.Overlaps != 0 || f.Aspect < MinAspect || f.Aspect > MaxAspect {
		t.Errorf("the sample as shipped: %v; want at most sfdp's 59 crossings and 26 through cards, no overlaps, a landscape shape", f)
	}
}
