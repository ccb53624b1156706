package arrange

import (
	"context"

	"evidenceboard/app"
)

// Arranger is the store Board lays out: it reads the board, and stores a
// whole layout as one edit (app.LayoutService's ArrangeCards).
type Arranger interface {
	Export(ctx context.Context) (*app.Document, error)
	ArrangeCards(ctx context.Context, positions []app.Position) error
}

// Board is the use case "arrange the board", for the window and the
// command line alike: it reads the board, lays every card out anew
// (Arrange, with the program's card sizes), stores the layout as one
// edit, one undo step (none when nothing moves), and returns what the new
// layout measures. Errors are the store's.
func Board(ctx context.Context, s Arranger) (Figures, error) {
	doc, err := s.Export(ctx)
	if err != nil {
		return Figures{}, err
	}
	ps := Arrange(doc, CardSizes)
	if err := s.ArrangeCards(ctx, ps); err != nil {
		return Figures{}, err
	}
	return Measure(doc, ps, CardSizes), nil
}
