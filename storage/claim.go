package storage

import (
	"context"

	"gorm.io/gorm"

	"evidenceboard/app"
)

// FindClaimByID implements app.ClaimService.
func (db *DB) FindClaimByID(ctx context.Context, id string) (*app.Claim, error) {
	cs, _, err := db.FindClaims(ctx, app.ItemFilter{ID: id})
	if err != nil {
		return nil, err
	} else if len(cs) == 0 {
		return nil, app.Errorf(app.ENOTFOUND, "there is no claim with id %q", id)
	}
	return cs[0], nil
}

// FindClaims implements app.ClaimService.
func (db *DB) FindClaims(ctx context.Context, f app.ItemFilter) ([]*app.Claim, int, error) {
	var rows []claimRow
	tx := db.read(ctx)
	q := findItems(tx, "claims", f, "statement", "notes")
	if f.Status != "" {
		q = q.Where("claims.status = ?", string(f.Status))
	}
	if f.Party != "" {
		q = q.Where(`claims.id IN (SELECT from_id FROM links WHERE to_id = ?)
			OR claims.id IN (SELECT l.to_id FROM links l JOIN quotes qt ON qt.id = l.from_id WHERE qt.speaker = ?)`, f.Party, f.Party)
	}
	n, err := page(q, f, "claims", &rows)
	if err != nil {
		return nil, 0, translate(err)
	}
	out := make([]*app.Claim, len(rows))
	byID := make(map[string]*app.Claim, len(rows))
	ids := make([]string, len(rows))
	for i := range rows {
		out[i] = rows[i].toApp()
		byID[rows[i].ID], ids[i] = out[i], rows[i].ID
	}
	var hist []historyRow
	hq := tx.Order("claim_id, seq")
	if len(ids) <= 500 {
		hq = hq.Where("claim_id IN ?", ids)
	}
	if len(ids) > 0 {
		if err := hq.Find(&hist).Error; err != nil {
			return nil, 0, translate(err)
		}
	}
	for i := range hist {
		if c := byID[hist[i].ClaimID]; c != nil {
			c.History = append(c.History, hist[i].toApp())
		}
	}
	return out, n, nil
}

// CreateClaim implements app.ClaimService.
func (db *DB) CreateClaim(ctx context.Context, c *app.Claim, place *app.Point) error {
	at := db.now().UTC()
	if len(c.History) == 0 {
		c.History = []app.StatusChange{{Status: c.Status, At: at, Note: "created"}}
	}
	if err := c.Validate(); err != nil {
		return err
	}
	return db.writeAt(ctx, "New claim", at, func(tx *gorm.DB) error {
		if err := addItem(tx, app.KindClaim, &c.ID); err != nil {
			return err
		}
		if err := tx.Create(toClaimRow(c)).Error; err != nil {
			return err
		}
		for i, h := range c.History {
			row := historyRow{ClaimID: c.ID, Seq: i + 1, Status: string(h.Status), At: formatTime(h.At), Note: h.Note}
			if err := tx.Create(&row).Error; err != nil {
				return err
			}
		}
		return placeCard(tx, c.ID, place)
	})
}

// UpdateClaim implements app.ClaimService.
func (db *DB) UpdateClaim(ctx context.Context, id string, upd app.ClaimUpdate) (*app.Claim, error) {
	err := db.write(ctx, "Edit claim", func(tx *gorm.DB) error {
		var row claimRow
		if err := mustBe(tx, id, app.KindClaim); err != nil {
			return err
		}
		if err := tx.Where("id = ?", id).Take(&row).Error; err != nil {
			return err
		}
		c := row.toApp()
		set(&c.Statement, upd.Statement)
		set(&c.Notes, upd.Notes)
		if err := c.Validate(); err != nil {
			return err
		}
		return tx.Select("*").Save(toClaimRow(c)).Error
	})
	if err != nil {
		return nil, err
	}
	return db.FindClaimByID(ctx, id)
}

// SetClaimStatus implements app.ClaimService.
func (db *DB) SetClaimStatus(ctx context.Context, id string, status app.Status, note string) (*app.Claim, error) {
	if !status.Valid() {
		return nil, app.Errorf(app.EINVALID, "%q is not a status (use alleged, denied or unconfirmed)", status)
	}
	if err := (&app.Claim{Statement: "-", Status: status, History: []app.StatusChange{{Status: status, Note: note}}}).Validate(); err != nil {
		return nil, err
	}
	at := db.now()
	err := db.writeAt(ctx, "Change claim status", at, func(tx *gorm.DB) error {
		if err := mustBe(tx, id, app.KindClaim); err != nil {
			return err
		}
		if err := tx.Model(&claimRow{}).Where("id = ?", id).Update("status", string(status)).Error; err != nil {
			return err
		}
		return tx.Exec(`INSERT INTO claim_history (claim_id, seq, status, at, note)
			VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM claim_history WHERE claim_id = ?), ?, ?, ?)`,
			id, id, string(status), formatTime(at), note).Error
	})
	if err != nil {
		return nil, err
	}
	return db.FindClaimByID(ctx, id)
}

// DeleteClaim implements app.ClaimService.
func (db *DB) DeleteClaim(ctx context.Context, id string) error {
	return db.deleteItem(ctx, app.KindClaim, id)
}
