package arrange

import (
	"fmt"
	"testing"
)

// BenchmarkArrange lays out boards with no layout: the sample (62 cards)
// and a newsroom's board (166 cards, 182 links).
func BenchmarkArrange(b *testing.B) {
	for _, tc := range []struct {
		name string
		size BoardSize
	}{
		{"newsroom", Newsroom},
		{"large", BoardSize{Claims: 60, Quotes: 180, Parties: 60, Sources: 24, Links: 380}},
	} {
		doc := Generate(1, tc.size)
		b.Run(tc.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				Arrange(doc, CardSizes)
			}
		})
	}
	doc := mustSample(b)
	b.Run("sample", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			Arrange(doc, CardSizes)
		}
	})
}

// BenchmarkSeparate separates boards of the big board's proportions (a
// tenth, three tenths, all of 10,000 quotes, 2,000 claims, 500 parties,
// 200 sources) whose cards were all stored on a grid of 0.8 × the card
// size, each on its neighbours: what the window does before it first
// shows such a board.
func BenchmarkSeparate(b *testing.B) {
	for _, quotes := range []int{1000, 3000, 10000} {
		doc := Scatter(1, BoardSize{Quotes: quotes, Claims: quotes / 5, Parties: quotes / 20, Sources: quotes / 50, Links: quotes * 22 / 10})
		layout := Crowd(doc, CardSizes, 0.8)
		b.Run(fmt.Sprintf("cards=%d", len(layout)), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				Separate(doc, layout, CardSizes)
			}
		})
	}
}
