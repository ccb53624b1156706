package storage

import (
	"context"

	"gorm.io/gorm"

	"evidenceboard/app"
)

// Board implements app.BoardService.
func (db *DB) Board(ctx context.Context) (*app.Board, error) {
	var row boardRow
	if err := db.read(ctx).Take(&row).Error; err != nil {
		return nil, translate(err)
	}
	return row.toApp(), nil
}

// UpdateBoard implements app.BoardService.
func (db *DB) UpdateBoard(ctx context.Context, upd app.BoardUpdate) (*app.Board, error) {
	label := "Edit board"
	if upd.Scale != nil && upd.Title == nil && upd.Description == nil && upd.URL == nil && upd.Reviewer == nil {
		label = "Change rating scale"
	}
	err := db.write(ctx, label, func(tx *gorm.DB) error {
		return updateBoard(tx, func(b *app.Board) {
			set(&b.Title, upd.Title)
			set(&b.Description, upd.Description)
			set(&b.URL, upd.URL)
			if upd.Reviewer != nil {
				r := *upd.Reviewer
				b.Reviewer = &r
			}
			if upd.Scale != nil {
				b.Scale = append([]app.ScaleStep(nil), *upd.Scale...)
			}
		})
	})
	if err != nil {
		return nil, err
	}
	return db.Board(ctx)
}

// updateBoard changes the board's record as edit says and stores it,
// checked; a new scale must keep every label a verdict uses. Its times and
// exercise stay.
func updateBoard(tx *gorm.DB, edit func(*app.Board)) error {
	var row boardRow
	if err := tx.Take(&row).Error; err != nil {
		return err
	}
	b := row.toApp()
	edit(b)
	keep := row.toApp()
	b.Created, b.Updated = keep.Created, keep.Updated
	if err := b.Validate(); err != nil {
		return err
	}
	if formatScale(b.Scale) != row.Scale {
		if err := verdictsOnScale(tx, b.RatingScale()); err != nil {
			return err
		}
	}
	return tx.Select("*").Save(toBoardRow(b)).Error
}

// Stats implements app.BoardService.
func (db *DB) Stats(ctx context.Context) (*app.Stats, error) {
	s := &app.Stats{ByStatus: map[app.Status]int{}}
	type kindCount struct {
		Kind string
		N    int
	}
	var counts []kindCount
	tx := db.read(ctx)
	if err := tx.Raw("SELECT kind, count(*) AS n FROM items GROUP BY kind").Scan(&counts).Error; err != nil {
		return nil, translate(err)
	}
	for _, c := range counts {
		switch app.Kind(c.Kind) {
		case app.KindSource:
			s.Sources = c.N
		case app.KindParty:
			s.Parties = c.N
		case app.KindClaim:
			s.Claims = c.N
		case app.KindQuote:
			s.Quotes = c.N
		}
	}
	if err := tx.Raw("SELECT status AS kind, count(*) AS n FROM claims GROUP BY status").Scan(&counts).Error; err != nil {
		return nil, translate(err)
	}
	for _, c := range counts {
		s.ByStatus[app.Status(c.Kind)] = c.N
	}
	var links int64
	if err := tx.Model(&linkRow{}).Count(&links).Error; err != nil {
		return nil, translate(err)
	}
	s.Links = int(links)
	return s, nil
}
