package storage

import (
	"context"
	"fmt"

	"evidenceboard/app"
)

// Check runs SQLite's integrity_check and foreign_key_check and the board's
// own invariants (every item has its row of its kind, and the board as a
// document passes every rule of the interchange format). It returns the
// problems found, none for a sound board; the error is for a check that
// could not run at all.
func (db *DB) Check(ctx context.Context) ([]string, error) {
	var problems []string
	tx := db.read(ctx)
	var integrity []string
	if err := tx.Raw("PRAGMA integrity_check").Scan(&integrity).Error; err != nil {
		if app.ErrorCode(translate(err)) == app.EINVALID { // SQLite says the file is corrupt
			return []string{"integrity: " + app.ErrorMessage(translate(err)) + " (" + err.Error() + ")"}, nil
		}
		return nil, translate(err)
	}
	for _, s := range integrity {
		if s != "ok" {
			problems = append(problems, "integrity: "+s)
		}
	}
	type fkRow struct {
		Table  string
		Rowid  int64
		Parent string
	}
	var fks []fkRow
	if err := tx.Raw(`SELECT "table", rowid, parent FROM pragma_foreign_key_check`).Scan(&fks).Error; err != nil {
		return nil, translate(err)
	}
	for _, f := range fks {
		problems = append(problems, fmt.Sprintf("foreign key: row %d of %s points to a missing row of %s", f.Rowid, f.Table, f.Parent))
	}
	if len(problems) > 0 {
		return problems, nil // the invariants below assume a sound file
	}
	var orphans []struct{ ID, Kind, Problem string }
	err := tx.Raw(`
		SELECT i.id, i.kind, 'has no row of its kind' AS problem FROM items i
		WHERE (i.kind = 'source' AND i.id NOT IN (SELECT id FROM sources))
		   OR (i.kind = 'party' AND i.id NOT IN (SELECT id FROM parties))
		   OR (i.kind = 'claim' AND i.id NOT IN (SELECT id FROM claims))
		   OR (i.kind = 'quote' AND i.id NOT IN (SELECT id FROM quotes))
		UNION ALL SELECT id, 'source', 'is in the wrong table' FROM sources WHERE id NOT IN (SELECT id FROM items WHERE kind = 'source')
		UNION ALL SELECT id, 'party', 'is in the wrong table' FROM parties WHERE id NOT IN (SELECT id FROM items WHERE kind = 'party')
		UNION ALL SELECT id, 'claim', 'is in the wrong table' FROM claims WHERE id NOT IN (SELECT id FROM items WHERE kind = 'claim')
		UNION ALL SELECT id, 'quote', 'is in the wrong table' FROM quotes WHERE id NOT IN (SELECT id FROM items WHERE kind = 'quote')`).Scan(&orphans).Error
	if err != nil {
		return nil, translate(err)
	}
	for _, o := range orphans {
		problems = append(problems, fmt.Sprintf("item %q (%s) %s", o.ID, o.Kind, o.Problem))
	}
	var boards int64
	if err := tx.Model(&boardRow{}).Count(&boards).Error; err != nil {
		return nil, translate(err)
	} else if boards != 1 {
		problems = append(problems, fmt.Sprintf("the board record is missing (%d rows)", boards))
		return problems, nil
	}
	doc, err := db.Export(ctx)
	if err != nil {
		return nil, err
	}
	for _, p := range app.ValidateDocument(doc) {
		problems = append(problems, p.String())
	}
	return problems, nil
}
