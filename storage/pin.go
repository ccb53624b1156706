package storage

import (
	"context"

	"gorm.io/gorm"

	"evidenceboard/app"
)

// PinQuote implements app.PinService: the new speaker, the new source,
// the quote, its links and the cards are made in one write, so that they
// are one transaction and one undo step.
func (db *DB) PinQuote(ctx context.Context, pin *app.Pin) error {
	q := pin.Quote
	if q == nil {
		return app.Errorf(app.EINVALID, "there is no quote to pin")
	}
	if pin.NewSpeaker != nil {
		if err := pin.NewSpeaker.Validate(); err != nil {
			return app.Errorf(app.EINVALID, "speaker: %s", app.ErrorMessage(err))
		}
	}
	if pin.NewSource != nil {
		if err := prepareSource(pin.NewSource); err != nil {
			return app.Errorf(app.EINVALID, "source: %s", app.ErrorMessage(err))
		}
	}
	if err := prepareQuote(q); err != nil {
		return err
	}
	// A failed pin leaves the caller's values as they were, ids included.
	undo := keepIDs(q, pin.NewSpeaker, pin.NewSource)
	err := db.write(ctx, "Pin quote", func(tx *gorm.DB) error {
		if p := pin.NewSpeaker; p != nil {
			if err := createParty(tx, p, pin.SpeakerAt); err != nil {
				return err
			}
			q.Speaker = p.ID
		}
		if s := pin.NewSource; s != nil {
			if err := createSource(tx, s, pin.SourceAt); err != nil {
				return err
			}
			q.Source = s.ID
		}
		if err := createQuote(tx, q, pin.QuoteAt); err != nil {
			return err
		}
		for _, c := range pin.Claims {
			l := &app.Link{From: q.ID, To: c.Claim, Relation: c.Relation}
			if err := checkLink(l); err != nil {
				return err
			}
			if err := createLink(tx, l); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		undo()
	}
	return err
}

// keepIDs returns a function that puts back the ids, speaker and source
// the pin's items have now.
func keepIDs(q *app.Quote, p *app.Party, s *app.Source) func() {
	quote := *q
	var pid, sid string
	if p != nil {
		pid = p.ID
	}
	if s != nil {
		sid = s.ID
	}
	return func() {
		q.ID, q.Speaker, q.Source = quote.ID, quote.Speaker, quote.Source
		if p != nil {
			p.ID = pid
		}
		if s != nil {
			s.ID = sid
		}
	}
}
