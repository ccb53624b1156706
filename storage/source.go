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
	tx := db.read(ctx)
	q := findItems(tx.Table("sources"), "sources", f, "title", "publisher", "author", "url", "notes", "text")
	n, err := page(q, f, "sources", &rows)
	if err != nil {
		return nil, 0, translate(err)
	}
	if err := loadTexts(tx, rows); err != nil {
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
	if err := tx.Exec("INSERT INTO source_texts (id, text) VALUES (?, ?)", s.ID, s.Text).Error; err != nil {
		return err
	}
	return placeCard(tx, s.ID, at)
}

// UpdateSource implements app.SourceService.
func (db *DB) UpdateSource(ctx context.Context, id string, upd app.SourceUpdate) (*app.Source, error) {
	var out *app.Source
	err := db.write(ctx, "Edit source", func(tx *gorm.DB) (err error) {
		out, err = updateSource(tx, id, func(s *app.Source) {
			set(&s.Title, upd.Title)
			set(&s.Publisher, upd.Publisher)
			set(&s.Author, upd.Author)
			set(&s.URL, upd.URL)
			set(&s.Published, upd.Published)
			set(&s.Retrieved, upd.Retrieved)
			set(&s.Text, upd.Text)
			set(&s.Notes, upd.Notes)
			set(&s.Reliability, upd.Reliability)
		})
		return err
	})
	return out, err
}

// updateSource changes the source id as edit says and stores it, checked;
// when its text changes, its quotes' anchors are found again.
func updateSource(tx *gorm.DB, id string, edit func(*app.Source)) (*app.Source, error) {
	var row sourceRow
	if err := mustBe(tx, id, app.KindSource); err != nil {
		return nil, err
	}
	if err := tx.Where("id = ?", id).Take(&row).Error; err != nil {
		return nil, err
	}
	var err error
	if row.Text, err = sourceText(tx, id); err != nil {
		return nil, err
	}
	s := row.toApp()
	edit(s)
	s.ID = id
	s.Published, s.Retrieved = app.NormalizeDateOrTime(s.Published), app.NormalizeDateOrTime(s.Retrieved)
	if err := s.Validate(); err != nil {
		return nil, err
	}
	if err := tx.Select("*").Save(toSourceRow(s)).Error; err != nil {
		return nil, err
	}
	if s.Text != row.Text {
		if err := tx.Exec("INSERT INTO source_texts (id, text) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET text = excluded.text", s.ID, s.Text).Error; err != nil {
			return nil, err
		}
		return s, reanchorQuotes(tx, s.ID, s.Text)
	}
	return s, nil
}

// sourceText returns the text of the source id, "" if it has none.
func sourceText(tx *gorm.DB, id string) (string, error) {
	var texts []string
	err := tx.Raw("SELECT text FROM source_texts WHERE id = ?", id).Scan(&texts).Error
	if len(texts) == 0 {
		return "", err
	}
	return texts[0], err
}

// loadTexts fills in the texts of the sources rows.
func loadTexts(tx *gorm.DB, rows []sourceRow) error {
	at := make(map[string]int, len(rows))
	ids := make([]string, len(rows))
	for i := range rows {
		at[rows[i].ID], ids[i] = i, rows[i].ID
	}
	for start := 0; start < len(ids); start += 500 {
		var texts []struct{ ID, Text string }
		if err := tx.Raw("SELECT id, text FROM source_texts WHERE id IN ?", ids[start:min(start+500, len(ids))]).Scan(&texts).Error; err != nil {
			return err
		}
		for _, t := range texts {
			rows[at[t.ID]].Text = t.Text
		}
	}
	return nil
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
