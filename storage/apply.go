package storage

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"evidenceboard/app"
)

var _ app.ChangeLogService = (*DB)(nil)

// Apply implements app.ChangeLogService: the changes go through the same
// checks and the same code as the services' edits, in one write, so that
// they are one step. Every change is tried, so that every problem is
// listed; if any has one, nothing is kept.
func (db *DB) Apply(ctx context.Context, label string, changes []app.Change) (app.Step, error) {
	return db.apply(ctx, label, changes, nil)
}

// CheckChanges returns the problems the board finds with the changes, as
// Apply would, but applies none of them; those named in skip are left out
// (they could not be read).
func (db *DB) CheckChanges(ctx context.Context, changes []app.Change, skip map[int]bool) []app.Problem {
	if skip == nil {
		skip = map[int]bool{}
	}
	var ve *app.ValidationError
	_, err := db.apply(ctx, "check", changes, skip)
	if errors.As(err, &ve) {
		return ve.Problems
	}
	if err != nil && !errors.Is(err, errChecked) {
		return []app.Problem{{Path: "changes", Message: app.ErrorMessage(err)}}
	}
	return nil
}

// errChecked ends the transaction of a check, which keeps nothing.
var errChecked = errors.New("checked")

// apply applies the changes, or with skip set only checks them (those
// named in skip are left out), keeping nothing.
func (db *DB) apply(ctx context.Context, label string, changes []app.Change, skip map[int]bool) (app.Step, error) {
	if label == "" {
		label = "Apply changes"
	}
	if len(changes) == 0 {
		return app.Step{}, app.Errorf(app.EINVALID, "there are no changes to apply")
	}
	now := db.now().UTC()
	var probs []app.Problem
	conflicts := 0
	var step int64
	err := db.transact(ctx, func(tx *gorm.DB) error {
		var before string
		if err := tx.Raw("SELECT updated FROM board WHERE id = 1").Scan(&before).Error; err != nil {
			return err
		}
		for i, c := range changes {
			if skip[i] {
				continue
			}
			p := fmt.Sprintf("changes[%d]", i)
			// A savepoint each, so that a change that fails half-way
			// leaves nothing for the next to trip on.
			sp := fmt.Sprintf("change_%d", i)
			if err := tx.Exec("SAVEPOINT " + sp).Error; err != nil {
				return err
			}
			ps, err := db.applyOne(tx, p, c, now)
			if err != nil {
				return err
			}
			if len(ps) > 0 {
				if err := tx.Exec("ROLLBACK TO " + sp).Error; err != nil {
					return err
				}
				for _, pr := range ps {
					if pr.Conflict {
						conflicts++
					}
					probs = append(probs, pr.Problem)
				}
			}
			if err := tx.Exec("RELEASE " + sp).Error; err != nil {
				return err
			}
		}
		if len(probs) > 0 {
			return app.ChangeProblems(probs, conflicts == len(probs))
		}
		if skip != nil {
			return errChecked
		}
		if err := tx.Exec("UPDATE board SET updated = ? WHERE id = 1", formatTime(now)).Error; err != nil {
			return err
		}
		var err error
		step, err = db.recordStep(ctx, tx, label, now, before)
		return err
	})
	if err != nil {
		return app.Step{}, err
	}
	if skip != nil {
		return app.Step{}, nil
	}
	if step == 0 {
		return app.Step{Label: label, Author: db.authorOf(ctx), At: now}, nil
	}
	steps, err := db.logSteps(ctx, "WHERE step = ?", step)
	if err != nil || len(steps) == 0 {
		return app.Step{}, err
	}
	return steps[0], nil
}

// problem is a problem of one change, and whether it is a stale before.
type problem struct {
	app.Problem
	Conflict bool
}

// applyOne applies change c at path p. Problems with the change come back
// as problems; an error is the database's.
func (db *DB) applyOne(tx *gorm.DB, p string, c app.Change, now time.Time) ([]problem, error) {
	var ps []problem
	say := func(path string, err error) {
		ps = append(ps, problem{Problem: app.Problem{Path: path, Message: app.ErrorMessage(err)}})
	}
	fail := func(path string, err error) ([]problem, error) {
		if app.ErrorCode(err) == app.EINTERNAL {
			return nil, err
		}
		say(path, err)
		return ps, nil
	}
	switch c.Op {
	case app.OpCreate:
		item, inner := app.CreatedItem(c.Kind, p+".item", c.Item)
		if len(inner) > 0 {
			return wrapProblems(inner), nil
		}
		var err error
		switch it := item.(type) {
		case *app.Source:
			err = createSource(tx, it, nil)
		case *app.Party:
			err = createParty(tx, it, nil)
		case *app.Claim:
			if len(it.History) == 0 {
				it.History = []app.StatusChange{{Status: it.Status, At: now, Note: "created"}}
			}
			err = createClaim(tx, it, nil)
		case *app.Quote:
			err = createQuote(tx, it, nil)
		}
		if err != nil {
			return fail(p+".item", err)
		}
	case app.OpUpdate:
		return db.applyUpdate(tx, p, c)
	case app.OpDelete:
		k, err := kindOf(tx, c.ID)
		if err != nil {
			return fail(p+".id", err)
		}
		if err := deleteItem(tx, k, c.ID); err != nil {
			return fail(p+".id", err)
		}
	case app.OpStatus:
		ch := app.StatusChange{Status: c.Status}
		if c.Note != nil {
			ch.Note = *c.Note
		}
		at := now
		if c.At != "" {
			t, err := time.Parse(time.RFC3339Nano, c.At)
			if err == nil {
				at, err = pastOrNow(t, now, "a status change")
			}
			if err != nil {
				return fail(p+".at", err)
			}
		}
		if len(c.Before) > 0 {
			cl, err := findClaim(tx, c.ID)
			if err != nil {
				return fail(p+".id", err)
			}
			cur, _ := json.Marshal(cl.Status)
			if b, ok := c.Before["status"]; ok && !app.SameJSON(b, cur) {
				return db.stale(tx, p+".before.status", "claims", map[string]any{"id": c.ID}, []string{"status"}, cur, b), nil
			}
		}
		if err := setClaimStatus(tx, c.ID, ch, at); err != nil {
			return fail(p+".id", err)
		}
	case app.OpLink:
		l := &app.Link{From: c.From, To: c.To, Relation: c.Relation}
		if c.Note != nil {
			l.Note = *c.Note
		}
		if err := checkLink(l); err != nil {
			return fail(p, err)
		}
		if err := createLink(tx, l); err != nil {
			return fail(p, err)
		}
	case app.OpUnlink:
		if err := deleteLink(tx, c.From, c.To, c.Relation); err != nil {
			return fail(p, err)
		}
	case app.OpMove:
		if _, err := kindOf(tx, c.ID); err != nil {
			return fail(p+".id", err)
		}
		if len(c.Before) > 0 {
			var rows []layoutRow
			if err := tx.Where("item = ?", c.ID).Find(&rows).Error; err != nil {
				return nil, err
			}
			cur := map[string]json.RawMessage{}
			if len(rows) > 0 {
				cur["x"], _ = json.Marshal(rows[0].X)
				cur["y"], _ = json.Marshal(rows[0].Y)
			}
			for _, f := range sortedKeys(c.Before) {
				if !app.SameJSON(c.Before[f], cur[f]) {
					return db.stale(tx, p+".before."+f, "layout", map[string]any{"item": c.ID}, []string{"x", "y"}, cur[f], c.Before[f]), nil
				}
			}
		}
		if err := placeCard(tx, c.ID, &app.Point{X: *c.X, Y: *c.Y}); err != nil {
			return fail(p, err)
		}
	}
	return ps, nil
}

func wrapProblems(in []app.Problem) []problem {
	out := make([]problem, len(in))
	for i, p := range in {
		out[i] = problem{Problem: p}
	}
	return out
}

// applyUpdate applies an update: the item's fields as the interchange
// format writes them, with set over them, checked by the format's rules
// and stored through the kind's own update.
func (db *DB) applyUpdate(tx *gorm.DB, p string, c app.Change) ([]problem, error) {
	kind := c.Kind
	table := "board"
	key := map[string]any{"id": json.Number("1")}
	if kind != app.KindBoard {
		k, err := kindOf(tx, c.ID)
		if err != nil {
			return []problem{{Problem: app.Problem{Path: p + ".id", Message: app.ErrorMessage(err)}}}, nil
		}
		if kind != "" && kind != k {
			return []problem{{Problem: app.Problem{Path: p + ".kind", Message: fmt.Sprintf("%s is a %s, not a %s", c.ID, k, kind)}}}, nil
		}
		kind = k
		table = kindTable[kind]
		key = map[string]any{"id": c.ID}
	}
	var current any
	var err error
	switch kind {
	case app.KindBoard:
		var row boardRow
		err = tx.Take(&row).Error
		current = row.toApp()
	case app.KindSource:
		var row sourceRow
		if err = tx.Where("id = ?", c.ID).Take(&row).Error; err == nil {
			row.Text, err = sourceText(tx, c.ID) // kept apart, in source_texts
		}
		current = row.toApp()
	case app.KindParty:
		var row partyRow
		err = tx.Where("id = ?", c.ID).Take(&row).Error
		current = row.toApp()
	case app.KindClaim:
		current, err = findClaim(tx, c.ID)
	case app.KindQuote:
		var row quoteRow
		err = tx.Where("id = ?", c.ID).Take(&row).Error
		current = row.toApp()
	}
	if err != nil {
		return nil, err
	}
	// before: every field it names must still hold its value.
	if len(c.Before) > 0 {
		have := fieldsOf(current)
		var ps []problem
		for _, f := range sortedKeys(c.Before) {
			if !containsString(app.UpdatableFields(kind), f) {
				ps = append(ps, problem{Problem: app.Problem{Path: p + ".before." + f, Message: fmt.Sprintf("a %s has no field %s that an update can set", kind, f)}})
				continue
			}
			if !app.SameJSON(c.Before[f], have[f]) {
				t := table
				if t == "sources" && f == "text" {
					t = "source_texts"
				}
				ps = append(ps, db.stale(tx, p+".before."+f, t, key, columnsOf(t, f), have[f], c.Before[f])...)
			}
		}
		if len(ps) > 0 {
			return ps, nil
		}
	}
	item, inner := app.UpdatedItem(kind, p+".set", current, c.Set)
	if len(inner) > 0 {
		return wrapProblems(inner), nil
	}
	switch it := item.(type) {
	case *app.Board:
		err = updateBoard(tx, func(b *app.Board) {
			b.Title, b.Description, b.URL, b.Reviewer, b.Scale = it.Title, it.Description, it.URL, it.Reviewer, it.Scale
		})
	case *app.Source:
		_, err = updateSource(tx, c.ID, func(s *app.Source) { *s = *it })
	case *app.Party:
		_, err = updateParty(tx, c.ID, func(y *app.Party) { *y = *it })
	case *app.Claim:
		if _, ok := c.Set["verdict"]; ok {
			if err = setClaimVerdict(tx, c.ID, it.Verdict); err != nil {
				break
			}
		}
		err = updateClaim(tx, c.ID, func(cl *app.Claim) { cl.Statement, cl.Notes = it.Statement, it.Notes })
	case *app.Quote:
		_, err = updateQuote(tx, c.ID, func(q *app.Quote) { *q = *it })
	}
	if err != nil {
		if app.ErrorCode(err) == app.EINTERNAL {
			return nil, err
		}
		return []problem{{Problem: app.Problem{Path: p + ".set", Message: app.ErrorMessage(err)}}}, nil
	}
	return nil, nil
}

// kindTable is the table of each kind's own rows.
var kindTable = map[app.Kind]string{app.KindSource: "sources", app.KindParty: "parties", app.KindClaim: "claims", app.KindQuote: "quotes"}

// fieldsOf returns an item's fields as the interchange format writes them.
func fieldsOf(item any) map[string]json.RawMessage {
	raw, _ := json.Marshal(item)
	var m map[string]json.RawMessage
	_ = json.Unmarshal(raw, &m)
	return m
}

// columnsOf returns the columns that hold a field.
func columnsOf(table, f string) []string {
	switch f {
	case "anchor":
		return columnGroups["quotes"][0]
	case "verdict":
		return columnGroups["claims"][0]
	case "reviewer":
		return columnGroups["board"][0]
	}
	return []string{f}
}

// stale is the conflict of a before that no longer holds: what the field
// is now, and who changed it last.
func (db *DB) stale(tx *gorm.DB, path, table string, key map[string]any, cols []string, now, want json.RawMessage) []problem {
	msg := fmt.Sprintf("is now %s, not %s", clipJSON(now), clipJSON(want))
	if author, at, ok := whoChanged(tx, db.logCols, 0, table, key, cols); ok {
		msg += fmt.Sprintf(": changed last by %s on %s", author, at.UTC().Format("2 Jan 2006 at 15:04 UTC"))
	}
	return []problem{{Problem: app.Problem{Path: path, Message: msg}, Conflict: true}}
}

func clipJSON(b json.RawMessage) string {
	if len(b) == 0 {
		return "empty"
	}
	s := string(b)
	if len(s) > 80 {
		s = s[:77] + "…"
	}
	return s
}

// findClaim returns the claim id with its history, within tx.
func findClaim(tx *gorm.DB, id string) (*app.Claim, error) {
	if err := mustBe(tx, id, app.KindClaim); err != nil {
		return nil, err
	}
	var row claimRow
	if err := tx.Where("id = ?", id).Take(&row).Error; err != nil {
		return nil, err
	}
	c := row.toApp()
	var hist []historyRow
	if err := tx.Where("claim_id = ?", id).Order("seq").Find(&hist).Error; err != nil {
		return nil, err
	}
	for i := range hist {
		c.History = append(c.History, hist[i].toApp())
	}
	return c, nil
}
