package arrange

import "testing"

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
