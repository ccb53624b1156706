package storage

import (
	"context"
	"math"

	"gorm.io/gorm"

	"evidenceboard/app"
)

// Positions implements app.LayoutService.
func (db *DB) Positions(ctx context.Context) ([]app.Position, error) {
	var rows []layoutRow
	if err := db.read(ctx).Order("seq").Find(&rows).Error; err != nil {
		return nil, translate(err)
	}
	out := make([]app.Position, len(rows))
	for i, r := range rows {
		out[i] = app.Position{Item: r.Item, X: r.X, Y: r.Y}
	}
	return out, nil
}

// MoveCard implements app.LayoutService. A card placed for the first time
// goes last in the layout's order; a moved card keeps its place.
func (db *DB) MoveCard(ctx context.Context, id string, x, y float64) error {
	for _, v := range []float64{x, y} {
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > app.MaxCoordinate {
			return app.Errorf(app.EINVALID, "%v is outside the board (at most %d either way)", v, app.MaxCoordinate)
		}
	}
	return db.write(ctx, "Move card", func(tx *gorm.DB) error {
		if _, err := kindOf(tx, id); err != nil {
			return err
		}
		return tx.Exec(`INSERT INTO layout (item, seq, x, y) VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM layout), ?, ?)
			ON CONFLICT (item) DO UPDATE SET x = excluded.x, y = excluded.y`, id, x, y).Error
	})
}
