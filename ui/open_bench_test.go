package ui

import (
	"context"
	"fmt"
	"testing"

	"evidenceboard/app/arrange"
)

// BenchmarkOpenCrowded reads a board into the window's model, as opening
// it does before the first frame (the whole board, the model, stacked
// cards shown clear of each other), for boards of the big board's
// proportions (a tenth, three tenths, all of 10,000 quotes, 2,000 claims,
// 500 parties, 200 sources) whose cards are stored on a grid of 0.8 × the
// card size, each on its neighbours, as a script may write them; "apart"
// is the 10,000-quote board on a grid of 1.3 × the card size, no card on
// another, the yardstick a crowded board must open as fast as.
func BenchmarkOpenCrowded(b *testing.B) {
	for _, tc := range []struct {
		quotes int
		pitch  float64
		name   string
	}{{1000, 0.8, "crowded"}, {3000, 0.8, "crowded"}, {10000, 0.8, "crowded"}, {10000, 1.3, "apart"}} {
		q := tc.quotes
		doc := arrange.Scatter(1, arrange.BoardSize{Quotes: q, Claims: q / 5, Parties: q / 20, Sources: q / 50, Links: q * 22 / 10})
		doc.Layout = arrange.Crowd(doc, arrange.CardSizes, tc.pitch)
		f := newMemFile(doc)
		b.Run(fmt.Sprintf("%s/cards=%d", tc.name, len(doc.Layout)), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := loadModel(context.Background(), f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
