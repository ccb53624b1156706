package storage

import (
	"context"

	"gorm.io/gorm"

	"evidenceboard/app"
)

// ArrangeCards implements app.LayoutService. Cards placed for the first
// time go last in the layout's order, in the order given; moved cards keep
// their place. An item named twice ends where its last position says. No
// positions is no edit.
func (db *DB) ArrangeCards(ctx context.Context, positions []app.Position) error {
	if len(positions) == 0 {
		return nil
	}
	for _, p := range positions {
		if err := checkPoint(app.Point{X: p.X, Y: p.Y}); err != nil {
			return err
		}
	}
	return db.write(ctx, "Arrange board", func(tx *gorm.DB) error {
		for _, p := range positions {
			if _, err := kindOf(tx, p.Item); err != nil {
				return err
			}
			if err := placeCard(tx, p.Item, &app.Point{X: p.X, Y: p.Y}); err != nil {
				return err
			}
		}
		return nil
	})
}
