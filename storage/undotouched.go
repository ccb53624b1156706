package storage

import (
	"sort"

	"gorm.io/gorm"

	"evidenceboard/app"
)

// touchedItems gathers the items the rows of an undo step name.
type touchedItems struct {
	ids   map[string]bool
	board bool
}

// note records the items the statements' rows name as they stand now.
func (t *touchedItems) note(tx *gorm.DB, stmts []undoStmt) error {
	for _, st := range stmts {
		if st.table == "board" {
			t.board = true
			continue
		}
		var cols string
		switch st.table {
		case "claim_history":
			cols = "claim_id"
		case "links":
			cols = "from_id, to_id"
		case "layout":
			cols = "item"
		default: // items and the tables of each kind
			cols = "id"
		}
		rows, err := tx.Raw(`SELECT `+cols+` FROM "`+st.table+`" WHERE rowid = ?`, st.rowid).Rows()
		if err != nil {
			return err
		}
		for rows.Next() {
			ids := make([]any, 0, 2)
			var a, b string
			ids = append(ids, &a)
			if st.table == "links" {
				ids = append(ids, &b)
			}
			if err := rows.Scan(ids...); err != nil {
				rows.Close()
				return err
			}
			t.ids[a] = true
			if b != "" {
				t.ids[b] = true
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

// describe fills ch with the items, their kinds and positions now.
func (t *touchedItems) describe(tx *gorm.DB, ch *app.Changes) error {
	ch.Board = t.board
	ids := make([]string, 0, len(t.ids))
	for id := range t.ids {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	kinds := map[string]app.Kind{}
	for start := 0; start < len(ids); start += 500 {
		part := ids[start:min(start+500, len(ids))]
		var rows []struct{ ID, Kind string }
		if err := tx.Raw("SELECT id, kind FROM items WHERE id IN ?", part).Scan(&rows).Error; err != nil {
			return err
		}
		for _, r := range rows {
			kinds[r.ID] = app.Kind(r.Kind)
		}
		var pos []layoutRow
		if err := tx.Raw("SELECT item, x, y FROM layout WHERE item IN ? ORDER BY seq", part).Scan(&pos).Error; err != nil {
			return err
		}
		for _, p := range pos {
			ch.Positions = append(ch.Positions, app.Position{Item: p.Item, X: p.X, Y: p.Y})
		}
	}
	for _, id := range ids {
		ch.Items = append(ch.Items, app.ItemKind{ID: id, Kind: kinds[id]})
	}
	return nil
}
