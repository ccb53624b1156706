package storage

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"gorm.io/gorm"

	"evidenceboard/app"
)

var _ app.UndoService = (*DB)(nil)

// stepRow is a row of change_steps.
type stepRow struct {
	Step          int64
	Label         string
	Author        string
	At            string
	Undone        int
	Changes       string
	UpdatedBefore string
}

// rows reads the step's row changes. The log is part of the file, so it
// may come from anyone: a table or a column the board does not have (cols)
// is refused, and nothing of the step runs.
func (s *stepRow) rows(cols map[string][]string) ([]rowChange, error) {
	dec := json.NewDecoder(strings.NewReader(s.Changes))
	dec.UseNumber()
	var rcs []rowChange
	if err := dec.Decode(&rcs); err != nil {
		return nil, fmt.Errorf("step %d of the change log cannot be read: %w", s.Step, err)
	}
	for _, rc := range rcs {
		if _, ok := tableKey[rc.Table]; !ok || (rc.Op != "i" && rc.Op != "u" && rc.Op != "d") {
			return nil, fmt.Errorf("step %d of the change log names %.40q, which is no table of a board", s.Step, rc.Table)
		}
		known := cols[rc.Table]
		for _, m := range []map[string]any{rc.Key, rc.Old, rc.New} {
			for c := range m {
				if !containsString(known, c) {
					return nil, fmt.Errorf("step %d of the change log names a column %.40q that the table %s does not have", s.Step, c, rc.Table)
				}
			}
		}
		for c := range rc.Delta {
			if !containsString(known, c) {
				return nil, fmt.Errorf("step %d of the change log names a column %.40q that the table %s does not have", s.Step, c, rc.Table)
			}
		}
		if len(rc.Key) != len(tableKey[rc.Table]) {
			return nil, fmt.Errorf("step %d of the change log names a row of %s without its key", s.Step, rc.Table)
		}
	}
	return rcs, nil
}

// nextStep returns the step that Undo (back) or Redo of author acts on,
// nil if there is none. Undo takes the author's last step in effect; the
// steps the author undid since are the ones after it, and Redo takes the
// first of those.
func nextStep(tx *gorm.DB, author string, back bool) (*stepRow, error) {
	q := "SELECT step, label, author, at, undone, changes, updated_before FROM change_steps WHERE author = ? AND undone = ? ORDER BY step DESC LIMIT 1"
	undone := undoneLive
	if !back {
		q = strings.Replace(q, "DESC", "ASC", 1)
		undone = undoneRedo
	}
	var rows []stepRow
	if err := tx.Raw(q, author, undone).Scan(&rows).Error; err != nil || len(rows) == 0 {
		return nil, err
	}
	return &rows[0], nil
}

// Undo implements app.UndoService: it takes back the last step of the
// author of ctx.
func (db *DB) Undo(ctx context.Context) (app.Changes, error) { return db.replay(ctx, true) }

// Redo implements app.UndoService.
func (db *DB) Redo(ctx context.Context) (app.Changes, error) { return db.replay(ctx, false) }

// UndoState implements app.UndoService.
func (db *DB) UndoState(ctx context.Context) (undo, redo string, err error) {
	author := db.authorOf(ctx)
	tx := db.read(ctx)
	u, err := nextStep(tx, author, true)
	if err != nil {
		return "", "", translate(err)
	}
	r, err := nextStep(tx, author, false)
	if err != nil {
		return "", "", translate(err)
	}
	if u != nil {
		undo = u.Label
	}
	if r != nil {
		redo = r.Label
	}
	return undo, redo, nil
}

func (db *DB) replay(ctx context.Context, back bool) (app.Changes, error) {
	verb := "undo"
	if !back {
		verb = "redo"
	}
	author := db.authorOf(ctx)
	var ch app.Changes
	err := db.transact(ctx, func(tx *gorm.DB) error {
		st, err := nextStep(tx, author, back)
		if err != nil {
			return err
		} else if st == nil {
			return app.Errorf(app.ENOTFOUND, "there is nothing to %s", verb)
		}
		ch.Label = st.Label
		rcs, err := st.rows(db.logCols)
		if err != nil {
			return damaged(db.path, err.Error())
		}
		// Rows come back in the reverse order they went; the keys between
		// them hold again at commit.
		if err := tx.Exec("PRAGMA defer_foreign_keys = ON").Error; err != nil {
			return err
		}
		r := replayer{tx: tx, cols: db.logCols, expected: map[string]bool{}}
		for i := range rcs {
			rc := &rcs[i]
			if back {
				rc = &rcs[len(rcs)-1-i]
			}
			op := directed(rc, back)
			r.expected[op.table+"|"+keyString(op.table, op.resultKey())] = true
			if err := r.run(op); err != nil {
				return db.refuse(tx, st, verb, err)
			}
		}
		// What the schema's cascades did besides must be the step's own:
		// undoing the making of a card must not take another's link with it.
		caps, err := readCapture(tx)
		if err != nil {
			return err
		}
		for i := range caps {
			c := &caps[i]
			k := c.Key
			if c.Op == "u" {
				k = afterKey(c.Table, c.Key, c.New)
			}
			if !r.expected[c.Table+"|"+keyString(c.Table, k)] && !r.expected[c.Table+"|"+keyString(c.Table, c.Key)] {
				return db.refuse(tx, st, verb, conflict{table: c.Table, key: c.Key, what: "cascade"})
			}
		}
		undone := undoneRedo
		if !back {
			undone = undoneLive
		}
		if err := tx.Exec("UPDATE change_steps SET undone = ? WHERE step = ?", undone, st.Step).Error; err != nil {
			return err
		}
		// The board's updated time goes back with the step, unless an edit
		// made after it has stamped it since.
		from, to := st.At, st.UpdatedBefore
		if !back {
			from, to = to, from
		}
		stamped := false
		if to != "" {
			res := tx.Exec("UPDATE board SET updated = ? WHERE id = 1 AND updated = ?", to, from)
			if res.Error != nil {
				return res.Error
			}
			stamped = res.RowsAffected > 0
		}
		ids, board := stepItems(rcs)
		ch.Board = board || stamped
		return describeItems(tx, ids, &ch)
	})
	return ch, err
}

// applyOp is a row change as it is applied now: forwards for a redo,
// backwards for an undo.
type applyOp struct {
	table string
	op    string         // "i", "u" or "d"
	key   map[string]any // the row's key now
	// cols is the whole row for an insert, the columns to set for an
	// update; expect what the row or those columns must hold now.
	cols, expect map[string]any
	delta        map[string]textDelta
	back         bool
}

// resultKey is the row's key once op is applied.
func (op *applyOp) resultKey() map[string]any {
	if op.op == "i" {
		return pick(op.cols, tableKey[op.table])
	}
	if op.op == "u" {
		return afterKey(op.table, op.key, op.cols)
	}
	return op.key
}

// directed returns rc applied forwards, or backwards.
func directed(rc *rowChange, back bool) applyOp {
	op := applyOp{table: rc.Table, key: rc.Key, delta: rc.Delta, back: back}
	switch {
	case rc.Op == "i" && !back:
		op.op, op.cols = "i", rc.New
		op.key = pick(rc.New, tableKey[rc.Table])
	case rc.Op == "i":
		op.op, op.expect = "d", rc.New
		op.key = pick(rc.New, tableKey[rc.Table])
	case rc.Op == "d" && !back:
		op.op, op.expect = "d", rc.Old
	case rc.Op == "d":
		op.op, op.cols = "i", rc.Old
	case !back:
		op.op, op.cols, op.expect = "u", rc.New, rc.Old
	default:
		op.op, op.cols, op.expect = "u", rc.Old, rc.New
		op.key = afterKey(rc.Table, rc.Key, rc.New)
	}
	return op
}

// afterKey is key with the key columns that set changes.
func afterKey(table string, key, set map[string]any) map[string]any {
	out := map[string]any{}
	for _, k := range tableKey[table] {
		out[k] = key[k]
		if v, ok := set[k]; ok {
			out[k] = v
		}
	}
	return out
}

func pick(row map[string]any, cols []string) map[string]any {
	out := map[string]any{}
	for _, c := range cols {
		out[c] = row[c]
	}
	return out
}

// keyString is a key as one string, for comparing keys.
func keyString(table string, key map[string]any) string {
	var b strings.Builder
	for _, k := range tableKey[table] {
		switch v := key[k].(type) {
		case json.Number:
			if f, err := v.Float64(); err == nil {
				fmt.Fprintf(&b, "%g|", f)
				continue
			}
		case int64:
			fmt.Fprintf(&b, "%g|", float64(v))
			continue
		case float64:
			fmt.Fprintf(&b, "%g|", v)
			continue
		}
		fmt.Fprintf(&b, "%v|", key[k])
	}
	return b.String()
}

// conflict is a row that is not as a step left it (or found it).
type conflict struct {
	table string
	key   map[string]any
	cols  []string
	what  string // "changed", "gone", "taken" or "cascade"
}

func (c conflict) Error() string { return c.what }

// replayer applies the row changes of one step.
type replayer struct {
	tx       *gorm.DB
	cols     map[string][]string // each table's columns
	expected map[string]bool
	// captured holds the keys (table and key) of the rows this replay has
	// changed so far, read from the capture up to its row capturedTo:
	// each capture row is read once, however many ops ask.
	captured   map[string]bool
	capturedTo int64
}

func (r *replayer) where(table string, key map[string]any) (string, []any) {
	conds := make([]string, 0, 2)
	args := make([]any, 0, 2)
	for _, k := range tableKey[table] {
		conds = append(conds, k+" = ?")
		args = append(args, sqlValue(key[k]))
	}
	return strings.Join(conds, " AND "), args
}

// current returns the row at key as it is now, nil if there is none.
func (r *replayer) current(table string, key map[string]any) (map[string]any, error) {
	cond, args := r.where(table, key)
	parts := make([]string, len(r.cols[table]))
	for i, c := range r.cols[table] {
		parts[i] = fmt.Sprintf("'%s', %s", c, c)
	}
	var raw []string
	if err := r.tx.Raw("SELECT json_object("+strings.Join(parts, ", ")+") FROM "+table+" WHERE "+cond, args...).Scan(&raw).Error; err != nil {
		return nil, err
	}
	if len(raw) == 0 {
		return nil, nil
	}
	return decodeRow(&raw[0])
}

// doneHere reports whether this replay already changed the row at key, by
// a cascade of the schema.
func (r *replayer) doneHere(table string, key map[string]any) (bool, error) {
	var rows []struct {
		ID       int64
		Tbl      string
		Old, New *string
	}
	if err := r.tx.Raw("SELECT rowid AS id, tbl, old, new FROM temp.change_capture WHERE rowid > ? ORDER BY rowid", r.capturedTo).Scan(&rows).Error; err != nil {
		return false, err
	}
	if r.captured == nil {
		r.captured = map[string]bool{}
	}
	for _, row := range rows {
		r.capturedTo = row.ID
		for _, s := range []*string{row.Old, row.New} {
			m, err := decodeRow(s)
			if err == nil && m != nil {
				r.captured[row.Tbl+"\x00"+keyString(row.Tbl, pick(m, tableKey[row.Tbl]))] = true
			}
		}
	}
	return r.captured[table+"\x00"+keyString(table, key)], nil
}

func (r *replayer) run(op applyOp) error {
	cur, err := r.current(op.table, op.key)
	if err != nil {
		return err
	}
	switch op.op {
	case "i":
		if cur != nil {
			return conflict{table: op.table, key: op.key, what: "taken"}
		}
		return r.insert(op.table, op.cols)
	case "d":
		if cur == nil {
			if done, err := r.doneHere(op.table, op.key); err != nil || done {
				return err
			}
			return conflict{table: op.table, key: op.key, what: "gone"}
		}
		if diff := differing(cur, op.expect); len(diff) > 0 {
			return conflict{table: op.table, key: op.key, cols: diff, what: "changed"}
		}
		cond, args := r.where(op.table, op.key)
		return r.tx.Exec("DELETE FROM "+op.table+" WHERE "+cond, args...).Error
	}
	if cur == nil {
		return conflict{table: op.table, key: op.key, what: "gone"}
	}
	set := map[string]any{}
	for c, v := range op.cols {
		set[c] = v
	}
	if diff := differing(cur, op.expect); len(diff) > 0 {
		// A cascade of this same replay may have done it already (a
		// deleted party clears its quotes' speaker).
		done, err := r.doneHere(op.table, op.key)
		if err != nil {
			return err
		}
		if !done || len(differing(cur, op.cols)) > 0 {
			return conflict{table: op.table, key: op.key, cols: diff, what: "changed"}
		}
	}
	for c, d := range op.delta {
		s, _ := cur[c].(string)
		t, ok := d.apply(s, op.back)
		if !ok {
			return conflict{table: op.table, key: op.key, cols: []string{c}, what: "changed"}
		}
		set[c] = t
	}
	if len(set) == 0 {
		return nil
	}
	names := make([]string, 0, len(set))
	args := make([]any, 0, len(set)+2)
	for _, c := range sortedKeys(set) {
		if !plainName(c) {
			return fmt.Errorf("the change log names a column %.40q", c)
		}
		names = append(names, c+" = ?")
		args = append(args, sqlValue(set[c]))
	}
	cond, wargs := r.where(op.table, op.key)
	return r.tx.Exec("UPDATE "+op.table+" SET "+strings.Join(names, ", ")+" WHERE "+cond, append(args, wargs...)...).Error
}

// insert puts a row back. The board's order numbers (items.seq and
// links.seq) are unique: one taken since by another item goes to the end.
func (r *replayer) insert(table string, row map[string]any) error {
	row = pick(row, sortedKeys(row))
	if table == "items" || table == "links" {
		var n int64
		if err := r.tx.Raw("SELECT count(*) FROM "+table+" WHERE seq = ?", sqlValue(row["seq"])).Scan(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			var top int64
			if err := r.tx.Raw("SELECT coalesce(max(seq), 0) + 1 FROM " + table).Scan(&top).Error; err != nil {
				return err
			}
			row["seq"] = top
		}
	}
	names := sortedKeys(row)
	marks := make([]string, len(names))
	args := make([]any, len(names))
	for i, c := range names {
		if !plainName(c) {
			return fmt.Errorf("the change log names a column %.40q", c)
		}
		marks[i], args[i] = "?", sqlValue(row[c])
	}
	return r.tx.Exec("INSERT INTO "+table+" ("+strings.Join(names, ", ")+") VALUES ("+strings.Join(marks, ", ")+")", args...).Error
}

// differing returns the columns of want whose values cur does not have.
func differing(cur, want map[string]any) []string {
	var out []string
	for _, c := range sortedKeys(want) {
		if !sameValue(cur[c], want[c]) {
			out = append(out, c)
		}
	}
	return out
}

// refuse turns a conflict into the error the user reads: what changed,
// who changed it and when. The transaction is rolled back; the step stays
// where it was, and the author's other steps can still be undone.
func (db *DB) refuse(tx *gorm.DB, st *stepRow, verb string, err error) error {
	c, ok := err.(conflict)
	if !ok {
		return err
	}
	thing := describeRow(tx, c.table, c.key)
	field := fieldOf(c.table, c.cols)
	who, author, when := "", "", ""
	if a, at, found := whoChanged(tx, db.logCols, st.Step, c.table, c.key, c.cols); found {
		author, when = a, at.UTC().Format("2 Jan 2006 at 15:04 UTC")
		who = fmt.Sprintf(" by %s on %s", author, when)
	}
	var msg string
	switch c.what {
	case "taken":
		msg = fmt.Sprintf("%s was made again since%s", thing, who)
	case "gone":
		msg = fmt.Sprintf("%s was deleted since%s", thing, who)
	case "cascade":
		msg = fmt.Sprintf("%s, made since%s, would go with it", thing, who)
	default:
		if field != "" {
			if author != "" {
				msg = fmt.Sprintf("%s changed the %s of %s since, on %s", author, field, thing, when)
			} else {
				msg = fmt.Sprintf("the %s of %s has been changed since", field, thing)
			}
		} else {
			msg = fmt.Sprintf("%s was changed since%s", thing, who)
		}
	}
	return &app.Error{Code: app.ECONFLICT, Message: fmt.Sprintf("cannot %s “%s”: %s", verb, st.Label, msg)}
}

// whoChanged finds the latest step in effect after step that changed the
// row at key (the columns cols of it, if any are named).
func whoChanged(tx *gorm.DB, cols0 map[string][]string, after int64, table string, key map[string]any, cols []string) (string, time.Time, bool) {
	probe := rowChange{Table: table, Op: "u", Key: key}
	ids := probe.itemsOf()
	if table == "board" {
		ids = nil
	}
	q := "SELECT step, label, author, at, undone, changes FROM change_steps WHERE step > ? AND undone = 0 ORDER BY step DESC LIMIT 200"
	args := []any{after}
	if len(ids) > 0 && ids[0] != "" {
		q = `SELECT s.step, s.label, s.author, s.at, s.undone, s.changes FROM change_steps s JOIN change_items i ON i.step = s.step
			WHERE i.item = ? AND s.step > ? AND s.undone = 0 ORDER BY s.step DESC`
		args = []any{ids[0], after}
	}
	var steps []stepRow
	if tx.Raw(q, args...).Scan(&steps).Error != nil {
		return "", time.Time{}, false
	}
	want := keyString(table, key)
	for i := range steps {
		rcs, err := steps[i].rows(cols0)
		if err != nil {
			continue
		}
		for _, rc := range rcs {
			if rc.Table != table {
				continue
			}
			k := rc.Key
			if rc.Op == "i" {
				k = pick(rc.New, tableKey[table])
			}
			if keyString(table, k) != want && keyString(table, afterKey(table, rc.Key, rc.New)) != want {
				continue
			}
			if rc.Op == "u" && len(cols) > 0 && !touchesAny(rc, cols) {
				continue
			}
			return steps[i].Author, parseTime(steps[i].At), true
		}
	}
	return "", time.Time{}, false
}

func touchesAny(rc rowChange, cols []string) bool {
	for _, c := range cols {
		if _, ok := rc.New[c]; ok {
			return true
		}
		if _, ok := rc.Delta[c]; ok {
			return true
		}
	}
	return false
}

// describeRow names a row in words: "claim c-1", "the link from q-1 to
// c-2", "the position of quote q-1", "the board".
func describeRow(tx *gorm.DB, table string, key map[string]any) string {
	str := func(k string) string { s, _ := key[k].(string); return s }
	kindWord := func(id string) string {
		if k, err := kindOf(tx, id); err == nil {
			return string(k) + " " + id
		}
		return id
	}
	switch table {
	case "board":
		return "the board"
	case "links":
		return fmt.Sprintf("the link %s %s %s", str("from_id"), str("relation"), str("to_id"))
	case "layout":
		return "the card of " + kindWord(str("item"))
	case "claim_history":
		return "the status history of claim " + str("claim_id")
	case "items":
		return kindWord(str("id"))
	}
	return string(tableKind[table]) + " " + str("id")
}

// tableKind is the kind of item each kind's own table holds.
var tableKind = map[string]app.Kind{"sources": app.KindSource, "source_texts": app.KindSource, "parties": app.KindParty, "claims": app.KindClaim, "quotes": app.KindQuote}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// fieldOf names columns as the interchange format names the field.
func fieldOf(table string, cols []string) string {
	if len(cols) == 0 {
		return ""
	}
	c := cols[0]
	switch {
	case table == "layout":
		return "position"
	case table == "claim_history":
		return "status"
	case strings.HasPrefix(c, "anchor_"):
		return "anchor"
	case strings.HasPrefix(c, "verdict_"):
		return "verdict"
	case strings.HasPrefix(c, "reviewer_"):
		return "reviewer"
	}
	return c
}

// describeItems fills ch with the items, their kinds and positions now.
func describeItems(tx *gorm.DB, ids []string, ch *app.Changes) error {
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
