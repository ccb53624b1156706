package storage

import (
	"context"

	"gorm.io/gorm"

	"evidenceboard/app"
)

// FindPartyByID implements app.PartyService.
func (db *DB) FindPartyByID(ctx context.Context, id string) (*app.Party, error) {
	ps, _, err := db.FindParties(ctx, app.ItemFilter{ID: id})
	if err != nil {
		return nil, err
	} else if len(ps) == 0 {
		return nil, app.Errorf(app.ENOTFOUND, "there is no party with id %q", id)
	}
	return ps[0], nil
}

// FindParties implements app.PartyService. Party, when set, selects that
// party and the parties linked to it.
func (db *DB) FindParties(ctx context.Context, f app.ItemFilter) ([]*app.Party, int, error) {
	var rows []partyRow
	q := findItems(db.read(ctx), "parties", f, "name", "kind", "notes")
	if f.Party != "" {
		q = q.Where("parties.id = ? OR parties.id IN (SELECT to_id FROM links WHERE from_id = ?) OR parties.id IN (SELECT from_id FROM links WHERE to_id = ?)", f.Party, f.Party, f.Party)
	}
	n, err := page(q, f, "parties", &rows)
	if err != nil {
		return nil, 0, translate(err)
	}
	out := make([]*app.Party, len(rows))
	for i := range rows {
		out[i] = rows[i].toApp()
	}
	return out, n, nil
}

// CreateParty implements app.PartyService.
func (db *DB) CreateParty(ctx context.Context, p *app.Party, at *app.Point) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return db.write(ctx, "New party", func(tx *gorm.DB) error {
		return createParty(tx, p, at)
	})
}

// createParty adds p, already validated, and places its card at at.
func createParty(tx *gorm.DB, p *app.Party, at *app.Point) error {
	if err := addItem(tx, app.KindParty, &p.ID); err != nil {
		return err
	}
	if err := tx.Create(toPartyRow(p)).Error; err != nil {
		return err
	}
	return placeCard(tx, p.ID, at)
}

// UpdateParty implements app.PartyService.
func (db *DB) UpdateParty(ctx context.Context, id string, upd app.PartyUpdate) (*app.Party, error) {
	var out *app.Party
	err := db.write(ctx, "Edit party", func(tx *gorm.DB) (err error) {
		out, err = updateParty(tx, id, func(p *app.Party) {
			set(&p.Name, upd.Name)
			set(&p.Kind, upd.Kind)
			set(&p.Notes, upd.Notes)
			set(&p.Reliability, upd.Reliability)
		})
		return err
	})
	return out, err
}

// updateParty changes the party id as edit says and stores it, checked.
func updateParty(tx *gorm.DB, id string, edit func(*app.Party)) (*app.Party, error) {
	var row partyRow
	if err := mustBe(tx, id, app.KindParty); err != nil {
		return nil, err
	}
	if err := tx.Where("id = ?", id).Take(&row).Error; err != nil {
		return nil, err
	}
	p := row.toApp()
	edit(p)
	p.ID = id
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return p, tx.Select("*").Save(toPartyRow(p)).Error
}

// DeleteParty implements app.PartyService.
func (db *DB) DeleteParty(ctx context.Context, id string) error {
	return db.deleteItem(ctx, app.KindParty, id)
}
