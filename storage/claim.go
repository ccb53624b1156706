package storage

import (
	"context"
	"time"

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
	return db.writeAt(ctx, "New claim", at, func(tx *gorm.DB) error { return createClaim(tx, c, place) })
}

// createClaim adds c, validated, with its history, and places its card.
func createClaim(tx *gorm.DB, c *app.Claim, place *app.Point) error {
	if c.Verdict != nil {
		scale, err := boardScale(tx)
		if err != nil {
			return err
		}
		if err := app.CheckVerdict(c.Verdict, scale); err != nil {
			return err
		}
	}
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
}

// UpdateClaim implements app.ClaimService.
func (db *DB) UpdateClaim(ctx context.Context, id string, upd app.ClaimUpdate) (*app.Claim, error) {
	label := "Edit claim"
	var since time.Time
	if upd.Since != nil {
		var err error
		if since, err = pastOrNow(*upd.Since, db.now().UTC(), "a claim's first status"); err != nil {
			return nil, err
		}
		if upd.Statement == nil && upd.Notes == nil {
			label = "Date claim"
		}
	}
	err := db.write(ctx, label, func(tx *gorm.DB) error {
		if upd.Since != nil {
			if err := redateClaim(tx, id, since); err != nil {
				return err
			}
		}
		if upd.Statement == nil && upd.Notes == nil {
			return nil
		}
		return updateClaim(tx, id, func(c *app.Claim) {
			set(&c.Statement, upd.Statement)
			set(&c.Notes, upd.Notes)
		})
	})
	if err != nil {
		return nil, err
	}
	return db.FindClaimByID(ctx, id)
}

// updateClaim changes the statement and notes of the claim id as edit
// says and stores them, checked; its status, history and verdict stay.
func updateClaim(tx *gorm.DB, id string, edit func(*app.Claim)) error {
	var row claimRow
	if err := mustBe(tx, id, app.KindClaim); err != nil {
		return err
	}
	if err := tx.Where("id = ?", id).Take(&row).Error; err != nil {
		return err
	}
	c := row.toApp()
	edit(c)
	keep := row.toApp()
	c.ID, c.Status, c.Verdict = id, keep.Status, keep.Verdict
	if err := c.ValidateExercise(); err != nil { // an exercise's claim may be undecided; its status is not edited here
		return err
	}
	return tx.Select("*").Save(toClaimRow(c)).Error
}

// redateClaim gives the first status of the claim id the date at, by the
// rules of app.Redate.
func redateClaim(tx *gorm.DB, id string, at time.Time) error {
	c, err := findClaim(tx, id)
	if err != nil {
		return err
	}
	if err := app.Redate(c, at); err != nil {
		return err
	}
	return tx.Exec("UPDATE claim_history SET at = ? WHERE claim_id = ? AND seq = (SELECT min(seq) FROM claim_history WHERE claim_id = ?)",
		formatTime(at), id, id).Error
}

// SetClaimStatus implements app.ClaimService.
func (db *DB) SetClaimStatus(ctx context.Context, id string, change app.StatusChange) (*app.Claim, error) {
	if !change.Status.Valid() {
		return nil, app.Errorf(app.EINVALID, "%q is not a status (use alleged, denied or unconfirmed)", change.Status)
	}
	if err := (&app.Claim{Statement: "-", Status: change.Status, History: []app.StatusChange{change}}).Validate(); err != nil {
		return nil, err
	}
	now := db.now().UTC()
	at, err := pastOrNow(change.At, now, "a status change")
	if err != nil {
		return nil, err
	}
	err = db.writeAt(ctx, "Change claim status", now, func(tx *gorm.DB) error {
		return setClaimStatus(tx, id, change, at)
	})
	if err != nil {
		return nil, err
	}
	return db.FindClaimByID(ctx, id)
}

// setClaimStatus records change, checked, at at in the history of the
// claim id, and sets its status to that of the history's last entry.
func setClaimStatus(tx *gorm.DB, id string, change app.StatusChange, at time.Time) error {
	if err := mustBe(tx, id, app.KindClaim); err != nil {
		return err
	}
	var hist []historyRow
	if err := tx.Where("claim_id = ?", id).Order("seq").Find(&hist).Error; err != nil {
		return err
	}
	if len(hist) > 0 {
		if err := app.CheckStatusDate(&app.Claim{History: []app.StatusChange{hist[0].toApp()}}, at); err != nil {
			return err
		}
	}
	// The new entry goes after every entry of its time or earlier.
	k := len(hist)
	for k > 0 && parseTime(hist[k-1].At).After(at) {
		k--
	}
	if k < len(hist) {
		// Make room at seq k+1: through negative numbers, so that no
		// step of the UPDATE collides with a row not yet moved.
		if err := tx.Exec(`UPDATE claim_history SET seq = -(seq + 1) WHERE claim_id = ? AND seq > ?`, id, hist[k].Seq-1).Error; err != nil {
			return err
		}
		if err := tx.Exec(`UPDATE claim_history SET seq = -seq WHERE claim_id = ? AND seq < 0`, id).Error; err != nil {
			return err
		}
	}
	seq := 1
	if k > 0 {
		seq = hist[k-1].Seq + 1
	}
	row := historyRow{ClaimID: id, Seq: seq, Status: string(change.Status), At: formatTime(at), Note: change.Note}
	if err := tx.Create(&row).Error; err != nil {
		return err
	}
	status := change.Status
	if k < len(hist) {
		status = app.Status(hist[len(hist)-1].Status)
	}
	return tx.Model(&claimRow{}).Where("id = ?", id).Update("status", string(status)).Error
}

// SetClaimVerdict implements app.ClaimService.
func (db *DB) SetClaimVerdict(ctx context.Context, id string, v *app.Verdict) (*app.Claim, error) {
	now := db.now().UTC()
	var verdict *app.Verdict
	if v != nil {
		at, err := pastOrNow(v.At, now, "a verdict")
		if err != nil {
			return nil, err
		}
		verdict = &app.Verdict{Label: v.Label, Note: v.Note, At: at}
	}
	label := "Give verdict"
	if v == nil {
		label = "Remove verdict"
	}
	err := db.writeAt(ctx, label, now, func(tx *gorm.DB) error { return setClaimVerdict(tx, id, verdict) })
	if err != nil {
		return nil, err
	}
	return db.FindClaimByID(ctx, id)
}

// setClaimVerdict gives the claim id the verdict, checked against the
// board's scale, or removes its verdict if verdict is nil.
func setClaimVerdict(tx *gorm.DB, id string, verdict *app.Verdict) error {
	if err := mustBe(tx, id, app.KindClaim); err != nil {
		return err
	}
	if verdict != nil {
		scale, err := boardScale(tx)
		if err != nil {
			return err
		}
		if err := app.CheckVerdict(verdict, scale); err != nil {
			return err
		}
		c, err := findClaim(tx, id)
		if err != nil {
			return err
		}
		if err := app.CheckVerdictDate(c, verdict); err != nil {
			return err
		}
	}
	r := toClaimRow(&app.Claim{Verdict: verdict})
	return tx.Model(&claimRow{}).Where("id = ?", id).Updates(map[string]any{
		"verdict_label": r.VerdictLabel, "verdict_note": r.VerdictNote, "verdict_at": r.VerdictAt}).Error
}

// pastOrNow returns at, or now if at is zero; what is at a time after now
// is refused: a change cannot be dated in the future.
func pastOrNow(at, now time.Time, what string) (time.Time, error) {
	if at.IsZero() {
		return now, nil
	}
	if at.After(now) {
		return time.Time{}, app.Errorf(app.EINVALID, "%s cannot be dated %s, after now (%s)",
			what, at.UTC().Format(time.RFC3339), now.Format(time.RFC3339))
	}
	return at.UTC(), nil
}

// boardScale returns the board's rating scale, its own or the default.
func boardScale(tx *gorm.DB) ([]app.ScaleStep, error) {
	var row boardRow
	if err := tx.Take(&row).Error; err != nil {
		return nil, err
	}
	return row.toApp().RatingScale(), nil
}

// verdictsOnScale returns EINVALID, naming the first claim, if a claim's
// verdict has a label the scale lacks.
func verdictsOnScale(tx *gorm.DB, scale []app.ScaleStep) error {
	labels := make([]string, len(scale))
	for i, s := range scale {
		labels[i] = s.Label
	}
	var rows []claimRow
	if err := tx.Where("verdict_label IS NOT NULL AND verdict_label NOT IN ?", labels).Limit(1).Find(&rows).Error; err != nil {
		return err
	}
	if len(rows) > 0 {
		return app.Errorf(app.EINVALID, "the scale has no label %q, which is the verdict on claim %q (“%s”): change that verdict first",
			*rows[0].VerdictLabel, rows[0].ID, app.ClipWords(rows[0].Statement, 80))
	}
	return nil
}

// DeleteClaim implements app.ClaimService.
func (db *DB) DeleteClaim(ctx context.Context, id string) error {
	return db.deleteItem(ctx, app.KindClaim, id)
}
