package storage

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"evidenceboard/app"
)

// Log implements app.ChangeLogService: each step's row changes, told as
// changes to items in the change format (app.Change).
func (db *DB) Log(ctx context.Context, f app.LogFilter) ([]app.Step, error) {
	where, args := "", []any{}
	if f.Item != "" {
		where = "WHERE step IN (SELECT step FROM change_items WHERE item = ?)"
		args = append(args, f.Item)
	}
	if f.Limit > 0 {
		where += fmt.Sprintf(" ORDER BY step DESC LIMIT %d", f.Limit)
	}
	steps, err := db.logSteps(ctx, where, args...)
	if err != nil {
		return nil, err
	}
	if f.Limit > 0 {
		for i, j := 0, len(steps)-1; i < j; i, j = i+1, j-1 {
			steps[i], steps[j] = steps[j], steps[i]
		}
	}
	return steps, nil
}

// logSteps reads and tells the steps that the SQL after FROM change_steps
// selects.
func (db *DB) logSteps(ctx context.Context, where string, args ...any) ([]app.Step, error) {
	tx := db.read(ctx)
	var rows []stepRow
	q := "SELECT step, label, author, at, undone, changes, updated_before FROM change_steps " + where
	if !strings.Contains(where, "ORDER BY") {
		q += " ORDER BY step"
	}
	if err := tx.Raw(q, args...).Scan(&rows).Error; err != nil {
		return nil, translate(err)
	}
	texts := textTimelines{tx: tx, cols: db.logCols, done: map[string]map[int64][2]string{}}
	out := make([]app.Step, 0, len(rows))
	for i := range rows {
		rcs, err := rows[i].rows(db.logCols)
		if err != nil {
			return nil, damaged(db.path, err.Error())
		}
		changes, err := tellChanges(rcs, rows[i].Step, &texts)
		if err != nil {
			return nil, translate(err)
		}
		out = append(out, app.Step{Seq: rows[i].Step, Label: rows[i].Label, Author: rows[i].Author,
			At: parseTime(rows[i].At), Undone: rows[i].Undone != undoneLive, Changes: changes})
	}
	return out, nil
}

// tellChanges tells a step's row changes as changes to items: a create or a
// delete gathers the rows of its item (the item's own row, its history, its
// links, position and the quotes it was cleared from); an update names
// only the fields that changed, before and after.
func tellChanges(rcs []rowChange, step int64, texts *textTimelines) ([]app.Change, error) {
	created := map[string]*app.Change{}
	deleted := map[string]*app.Change{}
	kinds := map[string]app.Kind{}
	var out []*app.Change
	str := func(m map[string]any, k string) string { s, _ := m[k].(string); return s }
	for i := range rcs {
		if rc := &rcs[i]; rc.Table == "items" {
			switch rc.Op {
			case "i":
				c := &app.Change{Op: app.OpCreate, Kind: app.Kind(str(rc.New, "kind")), ID: str(rc.New, "id")}
				created[c.ID], kinds[c.ID] = c, c.Kind
				out = append(out, c)
			case "d":
				c := &app.Change{Op: app.OpDelete, Kind: app.Kind(str(rc.Old, "kind")), ID: str(rc.Old, "id")}
				deleted[c.ID], kinds[c.ID] = c, c.Kind
				out = append(out, c)
			}
		}
	}
	statusOf := map[string]*app.Change{}
	var claimStatus []*rowChange
	for i := range rcs {
		rc := &rcs[i]
		switch rc.Table {
		case "items":
		case "source_texts":
			id := str(rc.Key, "id")
			switch {
			case rc.Op == "i" && created[id] != nil:
				mergeField(created[id], "text", rc.New["text"])
			case rc.Op == "d" && deleted[id] != nil:
				mergeField(deleted[id], "text", rc.Old["text"])
			case rc.Op == "u":
				c, err := tellUpdate(rc, step, texts)
				if err != nil {
					return nil, err
				}
				out = append(out, c)
			}
		case "sources", "parties", "claims", "quotes":
			id := str(rc.Key, "id")
			switch rc.Op {
			case "i":
				item, err := itemJSON(rc.Table, rc.New, nil)
				if err != nil {
					return nil, err
				}
				if c := created[id]; c != nil {
					c.Item = withText(item, c.Item)
				} else {
					out = append(out, &app.Change{Op: app.OpCreate, Kind: tableKind[rc.Table], ID: id, Item: item})
				}
			case "d":
				item, err := itemJSON(rc.Table, rc.Old, nil)
				if err != nil {
					return nil, err
				}
				if c := deleted[id]; c != nil {
					c.Item = withText(item, c.Item)
				} else {
					out = append(out, &app.Change{Op: app.OpDelete, Kind: tableKind[rc.Table], ID: id, Item: item})
				}
			case "u":
				if rc.Table == "quotes" && clearedBy(rc, deleted, out) {
					continue
				}
				if rc.Table == "claims" && onlyStatus(rc) {
					claimStatus = append(claimStatus, rc)
					continue
				}
				c, err := tellUpdate(rc, step, texts)
				if err != nil {
					return nil, err
				}
				out = append(out, c)
			}
		case "board":
			if rc.Op == "u" {
				c, err := tellUpdate(rc, step, texts)
				if err != nil {
					return nil, err
				}
				out = append(out, c)
			}
		case "claim_history":
			claim := str(rc.Key, "claim_id")
			switch {
			case rc.Op == "i" && created[claim] != nil:
				// The history of a new claim is its item's.
				addHistory(created[claim], rc.New)
			case rc.Op == "i":
				h := historyOf(rc.New)
				note := h.Note
				c := &app.Change{Op: app.OpStatus, ID: claim, Status: h.Status, Note: &note, At: formatTime(h.At)}
				statusOf[claim] = c
				out = append(out, c)
			case rc.Op == "d" && deleted[claim] != nil:
				deleted[claim].History = append(deleted[claim].History, historyOf(rc.Old))
			}
		case "links":
			row := rc.New
			if rc.Op == "d" {
				row = rc.Old
			}
			l := app.Link{From: str(row, "from_id"), To: str(row, "to_id"), Relation: app.Relation(str(row, "relation")), Note: str(row, "note")}
			switch {
			case rc.Op == "d" && deleted[l.From] != nil:
				deleted[l.From].Links = append(deleted[l.From].Links, l)
			case rc.Op == "d" && deleted[l.To] != nil:
				deleted[l.To].Links = append(deleted[l.To].Links, l)
			case rc.Op == "d":
				out = append(out, linkChange(app.OpUnlink, l))
			case rc.Op == "i":
				out = append(out, linkChange(app.OpLink, l))
			}
		case "layout":
			id := str(rc.Key, "item")
			switch rc.Op {
			case "d":
				if c := deleted[id]; c != nil {
					c.Position = &app.Point{X: number(rc.Old["x"]), Y: number(rc.Old["y"])}
				}
			case "i":
				x, y := number(rc.New["x"]), number(rc.New["y"])
				out = append(out, &app.Change{Op: app.OpMove, ID: id, X: &x, Y: &y})
			case "u":
				x, y := number(rc.New["x"]), number(rc.New["y"])
				c := &app.Change{Op: app.OpMove, ID: id, X: &x, Y: &y}
				c.Before = map[string]json.RawMessage{"x": mustJSON(number(rc.Old["x"])), "y": mustJSON(number(rc.Old["y"]))}
				out = append(out, c)
			}
		}
	}
	// A claim's status follows its history: it is told with the status
	// change, as what it was before.
	for _, rc := range claimStatus {
		id := str(rc.Key, "id")
		if c := statusOf[id]; c != nil {
			c.Before = map[string]json.RawMessage{"status": mustJSON(rc.Old["status"])}
			continue
		}
		c, err := tellUpdate(rc, step, texts)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	list := make([]app.Change, len(out))
	for i, c := range out {
		list[i] = *c
	}
	return list, nil
}

func onlyStatus(rc *rowChange) bool {
	_, ok := rc.New["status"]
	return ok && len(rc.New) == 1 && len(rc.Delta) == 0
}

// clearedBy reports, and notes on the delete, a quote update that only
// clears what a delete of the same step took: its speaker, source or
// anchor.
func clearedBy(rc *rowChange, deleted map[string]*app.Change, out []*app.Change) bool {
	id, _ := rc.Key["id"].(string)
	var notes []struct {
		c     *app.Change
		field string
	}
	for col, v := range rc.New {
		if v != nil {
			return false
		}
		old, _ := rc.Old[col].(string)
		switch {
		case col == "speaker" || col == "source":
			d := deleted[old]
			if d == nil {
				return false
			}
			notes = append(notes, struct {
				c     *app.Change
				field string
			}{d, col})
		case strings.HasPrefix(col, "anchor_"):
			if col != "anchor_exact" {
				continue
			}
			var d *app.Change
			for _, c := range out {
				if c.Op == app.OpDelete && c.Kind == app.KindSource {
					d = c
				}
			}
			if d == nil {
				return false
			}
			notes = append(notes, struct {
				c     *app.Change
				field string
			}{d, "anchor"})
		default:
			return false
		}
	}
	for _, n := range notes {
		n.c.Cleared = append(n.c.Cleared, app.Cleared{Quote: id, Field: n.field})
	}
	return len(notes) > 0
}

// withText keeps the text an item already has (a source's, merged first
// if its row came first) in the item's row.
func withText(item, had json.RawMessage) json.RawMessage {
	var old map[string]any
	if json.Unmarshal(had, &old) != nil || old["text"] == nil {
		return item
	}
	var m map[string]any
	if json.Unmarshal(item, &m) != nil {
		return item
	}
	m["text"] = old["text"]
	return mustJSON(m)
}

func linkChange(op string, l app.Link) *app.Change {
	c := &app.Change{Op: op, From: l.From, To: l.To, Relation: l.Relation}
	if l.Note != "" {
		note := l.Note
		c.Note = &note
	}
	return c
}

func historyOf(row map[string]any) app.StatusChange {
	var h historyRow
	remarshal(row, &h)
	return h.toApp()
}

// mergeField sets a field of the item of a create or a delete (a source's
// text, which is kept in a table of its own); "" is left out, as the
// format does.
func mergeField(c *app.Change, name string, v any) {
	var m map[string]any
	if c.Item == nil {
		m = map[string]any{"id": c.ID}
	} else if json.Unmarshal(c.Item, &m) != nil || m == nil {
		return
	}
	if s, ok := v.(string); ok && s != "" {
		m[name] = s
	}
	c.Item = mustJSON(m)
}

// addHistory adds a history entry to the item of a create.
func addHistory(c *app.Change, row map[string]any) {
	var m map[string]any
	if json.Unmarshal(c.Item, &m) != nil || m == nil {
		return
	}
	h := historyOf(row)
	list, _ := m["history"].([]any)
	var entry map[string]any
	remarshal(h, &entry)
	m["history"] = append(list, entry)
	c.Item = mustJSON(m)
}

// tellUpdate tells an update of a kind's row, or of the board's, as the
// fields it changed, after (set) and before; long texts are given whole.
func tellUpdate(rc *rowChange, step int64, texts *textTimelines) (*app.Change, error) {
	c := &app.Change{Op: app.OpUpdate}
	if rc.Table == "board" {
		c.Kind = app.KindBoard
	} else {
		c.Kind, c.ID = tableKind[rc.Table], fmt.Sprint(rc.Key["id"])
	}
	cols := sortedKeys(rc.New)
	for col := range rc.Delta {
		cols = append(cols, col)
	}
	after := map[string]any{}
	before := map[string]any{}
	for _, col := range cols {
		if d, ok := rc.Delta[col]; ok {
			b, a, err := texts.around(rc.Table, rc.Key, col, step, d)
			if err != nil {
				return nil, err
			}
			before[col], after[col] = b, a
			continue
		}
		before[col], after[col] = rc.Old[col], rc.New[col]
	}
	fields := map[string]bool{}
	for _, col := range cols {
		fields[fieldOf(rc.Table, []string{col})] = true
	}
	set, err := itemFields(rc.Table, after, fields)
	if err != nil {
		return nil, err
	}
	was, err := itemFields(rc.Table, before, fields)
	if err != nil {
		return nil, err
	}
	c.Set, c.Before = set, was
	return c, nil
}

// itemFields returns the named fields of a row's columns as the
// interchange format writes them (null for one it leaves out).
func itemFields(table string, cols map[string]any, fields map[string]bool) (map[string]json.RawMessage, error) {
	raw, err := itemJSON(table, cols, nil)
	if err != nil {
		return nil, err
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(raw, &all); err != nil {
		return nil, err
	}
	out := map[string]json.RawMessage{}
	for f := range fields {
		if v, ok := all[f]; ok {
			out[f] = v
		} else if table == "board" && f == "exercise" {
			s, _ := cols["exercise"].(string)
			if s == "" {
				s = "null"
			}
			out[f] = json.RawMessage(s)
		} else {
			out[f] = json.RawMessage("null")
		}
	}
	return out, nil
}

// itemJSON returns a row as its item in the interchange format.
func itemJSON(table string, row map[string]any, _ any) (json.RawMessage, error) {
	var item any
	switch table {
	case "sources", "source_texts":
		var r sourceRow
		remarshal(row, &r)
		item = r.toApp()
	case "parties":
		var r partyRow
		remarshal(row, &r)
		item = r.toApp()
	case "claims":
		var r claimRow
		remarshal(row, &r)
		item = r.toApp()
	case "quotes":
		var r quoteRow
		remarshal(row, &r)
		item = r.toApp()
	case "board":
		var r boardRow
		remarshal(row, &r)
		b := r.toApp()
		m := map[string]any{}
		remarshal(b, &m)
		delete(m, "created")
		delete(m, "updated")
		if _, ok := row["created"]; ok {
			m["created"] = row["created"]
		}
		item = m
	default:
		return nil, fmt.Errorf("no item is kept in %s", table)
	}
	return json.Marshal(item)
}

func remarshal(from, to any) {
	b, _ := json.Marshal(from)
	_ = json.Unmarshal(b, to)
}

func mustJSON(v any) json.RawMessage {
	b, _ := json.Marshal(v)
	return b
}

func number(v any) float64 {
	if n, ok := v.(json.Number); ok {
		f, _ := n.Float64()
		return f
	}
	f, _ := v.(float64)
	return f
}

// textTimelines gives back the whole texts of the deltas in the log: a
// long text's value after each step that changed it, found by walking back
// from what the row holds now through the steps in effect.
type textTimelines struct {
	tx   *gorm.DB
	cols map[string][]string
	done map[string]map[int64][2]string // table|key|col -> step -> before, after
}

// around returns the text of the column before and after step.
func (t *textTimelines) around(table string, key map[string]any, col string, step int64, d textDelta) (string, string, error) {
	id := table + "|" + keyString(table, key) + col
	if _, ok := t.done[id]; !ok {
		m, err := t.walk(table, key, col)
		if err != nil {
			return "", "", err
		}
		t.done[id] = m
	}
	if v, ok := t.done[id][step]; ok {
		return v[0], v[1], nil
	}
	return d.Old, d.New, nil // not to be had: what changed, at least
}

func (t *textTimelines) walk(table string, key map[string]any, col string) (map[int64][2]string, error) {
	out := map[int64][2]string{}
	cond := make([]string, 0, 2)
	args := []any{}
	for _, k := range tableKey[table] {
		cond = append(cond, k+" = ?")
		args = append(args, sqlValue(key[k]))
	}
	var now []string
	if err := t.tx.Raw("SELECT "+col+" FROM "+table+" WHERE "+strings.Join(cond, " AND "), args...).Scan(&now).Error; err != nil {
		return nil, err
	}
	cur := ""
	if len(now) > 0 {
		cur = now[0]
	}
	probe := rowChange{Table: table, Op: "u", Key: key}
	items := probe.itemsOf()
	var steps []stepRow
	if err := t.tx.Raw(`SELECT s.step, s.undone, s.changes FROM change_steps s JOIN change_items i ON i.step = s.step
		WHERE i.item = ? ORDER BY s.step DESC`, items[0]).Scan(&steps).Error; err != nil {
		return nil, err
	}
	want := keyString(table, key)
	for i := range steps {
		rcs, err := steps[i].rows(t.cols)
		if err != nil {
			return nil, err
		}
		for j := len(rcs) - 1; j >= 0; j-- {
			rc := rcs[j]
			if rc.Table != table || keyString(table, rc.Key) != want {
				continue
			}
			live := steps[i].Undone == undoneLive
			var before, after string
			switch {
			case rc.Op == "u":
				if d, ok := rc.Delta[col]; ok {
					if live {
						after = cur
						before, _ = d.apply(cur, true)
					} else {
						before = cur
						after, _ = d.apply(cur, false)
					}
				} else if v, ok := rc.New[col]; ok {
					after, _ = v.(string)
					before, _ = rc.Old[col].(string)
				} else {
					continue
				}
			case rc.Op == "i":
				after, _ = rc.New[col].(string)
			case rc.Op == "d":
				before, _ = rc.Old[col].(string)
			}
			out[steps[i].Step] = [2]string{before, after}
			if live {
				cur = before
			}
		}
	}
	return out, nil
}
