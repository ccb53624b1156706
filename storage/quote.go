package storage

import (
	"context"

	"gorm.io/gorm"

	"evidenceboard/app"
)

// FindQuoteByID implements app.QuoteService.
func (db *DB) FindQuoteByID(ctx context.Context, id string) (*app.Quote, error) {
	qs, _, err := db.FindQuotes(ctx, app.ItemFilter{ID: id})
	if err != nil {
		return nil, err
	} else if len(qs) == 0 {
		return nil, app.Errorf(app.ENOTFOUND, "there is no quote with id %q", id)
	}
	return qs[0], nil
}

// FindQuotes implements app.QuoteService. Party selects the quotes that
// party spoke.
func (db *DB) FindQuotes(ctx context.Context, f app.ItemFilter) ([]*app.Quote, int, error) {
	var rows []quoteRow
	q := findItems(db.read(ctx), "quotes", f, "text", "location", "notes")
	if f.Party != "" {
		q = q.Where("quotes.speaker = ?", f.Party)
	}
	n, err := page(q, f, "quotes", &rows)
	if err != nil {
		return nil, 0, translate(err)
	}
	out := make([]*app.Quote, len(rows))
	for i := range rows {
		out[i] = rows[i].toApp()
	}
	return out, n, nil
}

// checkQuoteRefs checks the speaker and source of q exist with the right
// kinds, and that its anchor fits the source's text.
func checkQuoteRefs(tx *gorm.DB, q *app.Quote) error {
	if q.Speaker != "" {
		if err := mustBe(tx, q.Speaker, app.KindParty); err != nil {
			return app.Errorf(app.EINVALID, "speaker: %s", app.ErrorMessage(err))
		}
	}
	if q.Source != "" {
		if err := mustBe(tx, q.Source, app.KindSource); err != nil {
			return app.Errorf(app.EINVALID, "source: %s", app.ErrorMessage(err))
		}
	}
	if q.Anchor == nil {
		return nil
	}
	if q.Source == "" {
		return app.Errorf(app.EINVALID, "a quote with an anchor needs a source whose text it points into")
	}
	var text string
	text, err := sourceText(tx, q.Source)
	if err != nil {
		return err
	}
	return app.ValidateAnchor(q.Anchor, text)
}

// CreateQuote implements app.QuoteService.
func (db *DB) CreateQuote(ctx context.Context, q *app.Quote, at *app.Point) error {
	if err := prepareQuote(q); err != nil {
		return err
	}
	return db.write(ctx, "New quote", func(tx *gorm.DB) error {
		return createQuote(tx, q, at)
	})
}

// prepareQuote normalises the date of a new quote and validates it.
func prepareQuote(q *app.Quote) error {
	q.Said = app.NormalizeDateOrTime(q.Said)
	return q.Validate()
}

// createQuote adds q, prepared, after checking what it refers to, and
// places its card at at.
func createQuote(tx *gorm.DB, q *app.Quote, at *app.Point) error {
	if err := checkQuoteRefs(tx, q); err != nil {
		return err
	}
	if err := addItem(tx, app.KindQuote, &q.ID); err != nil {
		return err
	}
	if err := tx.Create(toQuoteRow(q)).Error; err != nil {
		return err
	}
	return placeCard(tx, q.ID, at)
}

// UpdateQuote implements app.QuoteService.
func (db *DB) UpdateQuote(ctx context.Context, id string, upd app.QuoteUpdate) (*app.Quote, error) {
	var out *app.Quote
	err := db.write(ctx, "Edit quote", func(tx *gorm.DB) (err error) {
		out, err = updateQuote(tx, id, func(q *app.Quote) {
			set(&q.Text, upd.Text)
			set(&q.Speaker, upd.Speaker)
			set(&q.Source, upd.Source)
			set(&q.Said, upd.Said)
			set(&q.Location, upd.Location)
			set(&q.Notes, upd.Notes)
			set(&q.Credibility, upd.Credibility)
			if upd.Anchor != nil {
				a := *upd.Anchor
				q.Anchor = &a
			}
			if upd.ClearAnchor {
				q.Anchor = nil
			}
		})
		return err
	})
	return out, err
}

// updateQuote changes the quote id as edit says and stores it, checked,
// with its speaker, source and anchor.
func updateQuote(tx *gorm.DB, id string, edit func(*app.Quote)) (*app.Quote, error) {
	var row quoteRow
	if err := mustBe(tx, id, app.KindQuote); err != nil {
		return nil, err
	}
	if err := tx.Where("id = ?", id).Take(&row).Error; err != nil {
		return nil, err
	}
	q := row.toApp()
	edit(q)
	q.ID = id
	q.Said = app.NormalizeDateOrTime(q.Said)
	if err := q.Validate(); err != nil {
		return nil, err
	}
	if err := checkQuoteRefs(tx, q); err != nil {
		return nil, err
	}
	return q, tx.Select("*").Save(toQuoteRow(q)).Error
}

// DeleteQuote implements app.QuoteService.
func (db *DB) DeleteQuote(ctx context.Context, id string) error {
	return db.deleteItem(ctx, app.KindQuote, id)
}
