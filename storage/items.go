package storage

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"errors"
	"strings"

	"gorm.io/gorm"

	"evidenceboard/app"
)

var idEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// freshID returns a new id of the interchange format's form: the kind's
// initial, a dash and 8 random characters.
func freshID(kind app.Kind) string {
	var b [5]byte
	_, _ = rand.Read(b[:])
	return string(kind[0]) + "-" + idEncoding.EncodeToString(b[:])
}

// addItem claims an id for a new item of kind (a fresh one if *id is empty)
// and puts it last in the board's order.
func addItem(tx *gorm.DB, kind app.Kind, id *string) error {
	if *id == "" {
		for {
			*id = freshID(kind)
			var n int64
			if err := tx.Model(&itemRow{}).Where("id = ?", *id).Count(&n).Error; err != nil {
				return err
			} else if n == 0 {
				break
			}
		}
	} else if !app.ValidID(*id) {
		return app.Errorf(app.EINVALID, "%q is not a valid id: use 1 to %d characters of A-Z a-z 0-9 . _ -", *id, app.MaxIDLength)
	} else if k, err := kindOf(tx, *id); err == nil {
		return app.Errorf(app.ECONFLICT, "the id %q is already used by a %s", *id, k)
	} else if app.ErrorCode(err) != app.ENOTFOUND {
		return err
	}
	return tx.Exec("INSERT INTO items (id, kind, seq) VALUES (?, ?, (SELECT coalesce(max(seq), 0) + 1 FROM items))", *id, string(kind)).Error
}

// kindOf returns the kind of the item with id, or ENOTFOUND.
func kindOf(tx *gorm.DB, id string) (app.Kind, error) {
	var row itemRow
	err := tx.Where("id = ?", id).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return "", app.Errorf(app.ENOTFOUND, "there is no item with id %q", id)
	}
	return app.Kind(row.Kind), err
}

// mustBe returns ENOTFOUND unless id is an item of kind.
func mustBe(tx *gorm.DB, id string, kind app.Kind) error {
	k, err := kindOf(tx, id)
	if err == nil && k != kind {
		return app.Errorf(app.ENOTFOUND, "there is no %s with id %q (it is a %s)", kind, id, k)
	} else if app.ErrorCode(err) == app.ENOTFOUND {
		return app.Errorf(app.ENOTFOUND, "there is no %s with id %q", kind, id)
	}
	return err
}

// deleteItem removes the item; the schema's cascades remove its own row,
// links, history and position, and clear it as a speaker or source.
func (db *DB) deleteItem(ctx context.Context, kind app.Kind, id string) error {
	return db.write(ctx, "Delete "+string(kind), func(tx *gorm.DB) error { return deleteItem(tx, kind, id) })
}

// deleteItem removes the item of kind with id, and with it what the
// schema's cascades take (see DB.deleteItem).
func deleteItem(tx *gorm.DB, kind app.Kind, id string) error {
	if kind == app.KindSource {
		// An anchor points into its source's text: it goes with it.
		err := tx.Exec(`UPDATE quotes SET anchor_exact = NULL, anchor_prefix = NULL, anchor_suffix = NULL,
			anchor_start = NULL, anchor_end = NULL WHERE source = ? AND anchor_exact IS NOT NULL`, id).Error
		if err != nil {
			return err
		}
	}
	res := tx.Exec("DELETE FROM items WHERE id = ? AND kind = ?", id, string(kind))
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return app.Errorf(app.ENOTFOUND, "there is no %s with id %q", kind, id)
	}
	return nil
}

// findItems starts a query over one kind's table in board order, narrowed
// by the filter's id and text; the caller adds kind-specific conditions.
func findItems(tx *gorm.DB, table string, f app.ItemFilter, textColumns ...string) *gorm.DB {
	q := tx.Table(table).Joins("JOIN items ON items.id = " + table + ".id").Order("items.seq")
	if f.ID != "" {
		q = q.Where(table+".id = ?", f.ID)
	}
	if f.Text != "" {
		like := "%" + escapeLike(f.Text) + "%"
		conds := make([]string, len(textColumns))
		args := make([]any, len(textColumns))
		for i, c := range textColumns {
			conds[i] = table + "." + c + ` LIKE ? ESCAPE '\'`
			if table == "sources" && c == "text" { // kept apart (see source_texts)
				conds[i] = `sources.id IN (SELECT id FROM source_texts WHERE text LIKE ? ESCAPE '\')`
			}
			args[i] = like
		}
		q = q.Where("("+strings.Join(conds, " OR ")+")", args...)
	}
	return q
}

// page counts the matches of q, then fetches the page the filter asks for
// into dest.
func page(q *gorm.DB, f app.ItemFilter, table string, dest any) (int, error) {
	var n int64
	if err := q.Session(&gorm.Session{}).Count(&n).Error; err != nil {
		return 0, err
	}
	if f.Offset > 0 {
		q = q.Offset(f.Offset)
	}
	if f.Limit > 0 {
		q = q.Limit(f.Limit)
	}
	return int(n), q.Select(table + ".*").Find(dest).Error
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
