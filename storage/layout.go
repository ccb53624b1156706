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
	if err := checkPoint(app.Point{X: x, Y: y}); err != nil {
		return err
	}
	return db.write(ctx, "Move card", func(tx *gorm.DB) error {
		if _, err := kindOf(tx, id); err != nil {
			return err
		}
		return placeCard(tx, id, &app.Point{X: x, Y: y})
	})
}

// checkPoint returns EINVALID if p is not a finite point within the
// board's limits.
func checkPoint(p app.Point) error {
	for _, v := range []float64{p.X, p.Y} {
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > app.MaxCoordinate {
			return app.Errorf(app.EINVALID, "%v is outside the board (at most %d either way)", v, app.MaxCoordinate)
		}
	}
	return nil
}

// placeCard stores the card position of the item id at at; a nil at
// leaves the card to the program's placing.
func placeCard(tx *gorm.DB, id string, at *app.Point) error {
	if at == nil {
		return nil
	}
	if err := checkPoint(*at); err != nil {
		return err
	}
	return tx.Exec(`INSERT INTO layout (item, seq, x, y) VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM layout), ?, ?)
			ON CONFLICT (item) DO UPDATE SET x = excluded.x, y = excluded.y`, id, at.X, at.Y).Error
}
