package storage

import (
	"context"

	"gorm.io/gorm"

	"evidenceboard/app"
)

// FindSourceByID implements app.SourceService.
func (db *DB) FindSourceByID(ctx context.Context, id string) (*app.Source, error) {
	ss, _, err := db.FindSources(ctx, app.ItemFilter{ID: id})
	if err != nil {
		return nil, err
	} else if len(ss) == 0 {
		return nil, app.Errorf(app.ENOTFOUND, "there is no source with id %q", id)
	}
	return ss[0], nil
}

// FindSources implements app.SourceService.
func (db *DB) FindSources(ctx context.Context, f app.ItemFilter) ([]*app.Source, int, error) {
	var rows []sourceRow
	q := findItems(db.read(ctx), "sources", f, "title", "publisher", "author", "url", "notes", "text")
	n, err := page(q, f, "sources", &rows)
	if err != nil {
		return nil, 0, translate(err)
	}
	out := make([]*app.Source, len(rows))
	for i := range rows {
		out[i] = rows[i].toApp()
	}
	return out, n, nil
}

// CreateSource implements app.SourceService.
func (db *DB) CreateSource(ctx context.Context, s *app.Source, at *app.Point) error {
	if err := prepareSource(s); err != nil {
		return err
	}
	return db.write(ctx, "New source", func(tx *gorm.DB) error {
		return createSource(tx, s, at)
	})
}

// prepareSource normalises the dates of a new source and validates it.
func prepareSource(s *app.Source) error {
	s.Published, s.Retrieved = app.NormalizeDateOrTime(s.Published), app.NormalizeDateOrTime(s.Retrieved)
	return s.Validate()
}

// createSource adds s, prepared, and places its card at at.
func createSource(tx *gorm.DB, s *app.Source, at *app.Point) error {
	if err := addItem(tx, app.KindSource, &s.ID); err != nil {
		return err
	}
	if err := tx.Create(toSourceRow(s)).Error; err != nil {
		return err
	}
	return placeCard(tx, s.ID, at)
}

// UpdateSource implements app.SourceService.
func (db *DB) UpdateSource(ctx context.Context, id string, upd app.SourceUpdate) (*app.Source, error) {
	var out *app.Source
	err := db.write(ctx, "Edit source", func(tx *gorm.DB) error {
		var row sourceRow
		if err := mustBe(tx, id, app.KindSource); err != nil {
			return err
		}
		if err := tx.Where("id = ?", id).Take(&row).Error; err != nil {
			return err
		}
		s := row.toApp()
		set(&s.Title, upd.Title)
		set(&s.Publisher, upd.Publisher)
		set(&s.Author, upd.Author)
		set(&s.URL, upd.URL)
		set(&s.Published, upd.Published)
		set(&s.Retrieved, upd.Retrieved)
		set(&s.Text, upd.Text)
		set(&s.Notes, upd.Notes)
		set(&s.Reliability, upd.Reliability)
		s.Published, s.Retrieved = app.NormalizeDateOrTime(s.Published), app.NormalizeDateOrTime(s.Retrieved)
		if err := s.Validate(); err != nil {
			return err
		}
		out = s
		if err := tx.Select("*").Save(toSourceRow(s)).Error; err != nil {
			return err
		}
		if s.Text != row.Text {
			return reanchorQuotes(tx, s.ID, s.Text)
		}
		return nil
	})
	return out, err
}

// DeleteSource implements app.SourceService.
func (db *DB) DeleteSource(ctx context.Context, id string) error {
	return db.deleteItem(ctx, app.KindSource, id)
}

func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

// reanchorQuotes finds the passages of the source's quotes again in its new
// text; an anchor whose words are gone is removed, the quote kept.
func reanchorQuotes(tx *gorm.DB, sourceID, text string) error {
	var rows []quoteRow
	if err := tx.Where("source = ? AND anchor_exact IS NOT NULL", sourceID).Find(&rows).Error; err != nil {
		return err
	}
	for i := range rows {
		q := rows[i].toApp()
		q.Anchor, _ = app.Reanchor(q.Anchor, text)
		if text == "" {
			q.Anchor = nil
		}
		if err := tx.Select("*").Save(toQuoteRow(q)).Error; err != nil {
			return err
		}
	}
	return nil
}
