package storage

import (
	"context"
	"unicode/utf8"

	"gorm.io/gorm"

	"evidenceboard/app"
)

// FindLinks implements app.LinkService.
func (db *DB) FindLinks(ctx context.Context, f app.LinkFilter) ([]*app.Link, error) {
	q := db.read(ctx).Order("seq")
	if f.Item != "" {
		q = q.Where("from_id = ? OR to_id = ?", f.Item, f.Item)
	}
	if f.From != "" {
		q = q.Where("from_id = ?", f.From)
	}
	if f.To != "" {
		q = q.Where("to_id = ?", f.To)
	}
	if f.Relation != "" {
		q = q.Where("relation = ?", string(f.Relation))
	}
	var rows []linkRow
	if err := q.Find(&rows).Error; err != nil {
		return nil, translate(err)
	}
	out := make([]*app.Link, len(rows))
	for i := range rows {
		out[i] = rows[i].toApp()
	}
	return out, nil
}

// CreateLink implements app.LinkService.
func (db *DB) CreateLink(ctx context.Context, l *app.Link) error {
	if err := checkLink(l); err != nil {
		return err
	}
	return db.write(ctx, "New link", func(tx *gorm.DB) error { return createLink(tx, l) })
}

// checkLink checks what can be checked of l without the database.
func checkLink(l *app.Link) error {
	if l.From == l.To {
		return app.Errorf(app.EINVALID, "a link cannot join an item to itself")
	}
	if utf8.RuneCountInString(l.Note) > app.MaxNotes {
		return app.Errorf(app.EINVALID, "the link's note is over the limit of %d characters", app.MaxNotes)
	}
	return nil
}

// createLink adds l, checked, after checking its ends and relation.
func createLink(tx *gorm.DB, l *app.Link) error {
	fk, err := kindOf(tx, l.From)
	if err != nil {
		return err
	}
	tk, err := kindOf(tx, l.To)
	if err != nil {
		return err
	}
	if err := app.CheckRelation(fk, tk, l.Relation); err != nil {
		return err
	}
	var n int64
	if err := tx.Model(&linkRow{}).Where("from_id = ? AND to_id = ? AND relation = ?", l.From, l.To, string(l.Relation)).Count(&n).Error; err != nil {
		return err
	} else if n > 0 {
		return app.Errorf(app.ECONFLICT, "%s already %s %s", l.From, l.Relation, l.To)
	}
	return tx.Create(&linkRow{FromID: l.From, ToID: l.To, Relation: string(l.Relation), Note: l.Note}).Error
}

// DeleteLink implements app.LinkService.
func (db *DB) DeleteLink(ctx context.Context, from, to string, relation app.Relation) error {
	return db.write(ctx, "Delete link", func(tx *gorm.DB) error { return deleteLink(tx, from, to, relation) })
}

// deleteLink removes the link from, to, relation.
func deleteLink(tx *gorm.DB, from, to string, relation app.Relation) error {
	res := tx.Where("from_id = ? AND to_id = ? AND relation = ?", from, to, string(relation)).Delete(&linkRow{})
	if res.Error != nil {
		return res.Error
	} else if res.RowsAffected == 0 {
		return app.Errorf(app.ENOTFOUND, "there is no link %s %s %s", from, relation, to)
	}
	return nil
}
