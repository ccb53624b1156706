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

// The change log (see app.Step), kept in the board file so that undo
// outlives the window.
//
// TEMP triggers on every board table copy what a write changes into the
// TEMP table change_capture: a new row whole, a deleted row whole, and of
// an updated row its key and only the columns that changed (a group such
// as a quote's anchor counts as one column), before and after. Nothing of
// that reaches the file. When the edit's function returns, recordStep
// reads the capture, shortens long texts to what changed (textDelta), and
// writes it as one step of change_steps, in the same transaction. Rows are
// named by their primary key, never by rowid, so a step means the same
// after a migration rebuilds a table.
//
// Undo applies a step's row changes backwards, newest first; redo applies
// them forwards. Either checks, row by row, that what the step changed is
// still as the step left it (or, for redo, as it found it): a field that
// someone changed since is refused in words, naming who changed it and
// when. The triggers are the program's own, on its one connection: a change
// made in another tool, or an import, is not recorded.

// changeTables are the tables whose changes are recorded.
var changeTables = []string{"board", "items", "sources", "source_texts", "parties", "claims", "claim_history", "quotes", "links", "layout"}

// tableKey is each table's primary key, as the log names rows.
var tableKey = map[string][]string{
	"board": {"id"}, "items": {"id"}, "sources": {"id"}, "source_texts": {"id"}, "parties": {"id"}, "claims": {"id"},
	"claim_history": {"claim_id", "seq"}, "quotes": {"id"},
	"links": {"from_id", "to_id", "relation"}, "layout": {"item"},
}

// columnGroups are columns that change together as one field: when one
// changes, the log records them all.
var columnGroups = map[string][][]string{
	"board":  {{"reviewer_name", "reviewer_url"}},
	"claims": {{"verdict_label", "verdict_note", "verdict_at"}},
	"quotes": {{"anchor_exact", "anchor_prefix", "anchor_suffix", "anchor_start", "anchor_end"}},
	"layout": {{"x", "y"}},
}

// untracked are columns every edit stamps: they are not part of any step.
var untracked = map[string]string{"board": "updated"}

// maxSteps is how many steps the log keeps; older ones are forgotten.
var maxSteps int64 = 10000

// undoneLive, undoneRedo and undoneGone are the values of
// change_steps.undone: in effect; undone and can be redone; undone, and a
// later edit of its author forgot the redo.
const (
	undoneLive = 0
	undoneRedo = 1
	undoneGone = 2
)

// schemaV4 replaces the undo triggers' log of SQL (undo_log, undo_steps)
// with the change log. What the old log held is carried over by
// convertUndoHistory before the migrations run.
var schemaV4 = []string{
	`DROP TABLE undo_steps`,
	`DROP TABLE undo_log`,
	`CREATE TABLE change_steps (
		step    INTEGER PRIMARY KEY,
		label   TEXT NOT NULL,
		author  TEXT NOT NULL,
		at      TEXT NOT NULL,
		undone  INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1, 2)),
		changes TEXT NOT NULL,
		-- the board's updated time before the step, which undo puts back
		updated_before TEXT NOT NULL DEFAULT ''
	)`,
	`CREATE INDEX change_steps_author ON change_steps (author, undone, step)`,
	// Which steps changed an item; kept by the program, not by a foreign
	// key, so that no damage to the schema's text can stop an edit.
	`CREATE TABLE change_items (
		item TEXT NOT NULL,
		step INTEGER NOT NULL,
		PRIMARY KEY (item, step)
	) WITHOUT ROWID`,
	`CREATE INDEX change_items_step ON change_items (step)`,
	// A source's text lives apart from its other fields, so that an edit
	// of its title does not rewrite a text of megabytes.
	`CREATE TABLE source_texts (
		id   TEXT PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
		text TEXT NOT NULL
	)`,
	`INSERT INTO source_texts (id, text) SELECT id, text FROM sources`,
	`ALTER TABLE sources DROP COLUMN text`,
}

// captureTriggers returns the statements that make (on) or drop the
// capture table's triggers for tables with the given columns.
func captureTriggers(columns map[string][]string, on bool) ([]string, error) {
	var stmts []string
	if on {
		stmts = append(stmts, `CREATE TEMP TABLE IF NOT EXISTS change_capture (
			n   INTEGER PRIMARY KEY,
			tbl TEXT NOT NULL,
			op  TEXT NOT NULL,
			old TEXT,
			new TEXT)`)
	}
	for _, t := range changeTables {
		if !on {
			for _, op := range []string{"insert", "update", "delete"} {
				stmts = append(stmts, fmt.Sprintf("DROP TRIGGER IF EXISTS temp.capture_%s_%s", t, op))
			}
			continue
		}
		var cols []string
		for _, c := range columns[t] {
			// The names go into SQL of ours: a file whose columns are
			// named otherwise than this program names them is not one of
			// its boards.
			if !plainName(c) {
				return nil, errForeignColumn{t, c}
			}
			if untracked[t] != c {
				cols = append(cols, c)
			}
		}
		if len(cols) == 0 {
			continue // a made-up schema of a test lacks the table
		}
		whole := func(row string) string {
			parts := make([]string, len(cols))
			for i, c := range cols {
				parts[i] = fmt.Sprintf("'%s', %s.%s", c, row, c)
			}
			return "json_object(" + strings.Join(parts, ", ") + ")"
		}
		units := changeUnits(t, cols)
		changed := func(u []string) string {
			conds := make([]string, len(u))
			for i, c := range u {
				conds[i] = fmt.Sprintf("OLD.%[1]s IS NOT NEW.%[1]s", c)
			}
			return strings.Join(conds, " OR ")
		}
		var any []string
		for _, u := range units {
			any = append(any, changed(u))
		}
		// The key always, then each unit that changed.
		partial := func(row string) string {
			var parts []string
			for i, k := range tableKey[t] {
				sep := ","
				if i == 0 {
					sep = ""
				}
				parts = append(parts, fmt.Sprintf(`'%s"%s":' || json_quote(%s.%s)`, sep, k, row, k))
			}
			for _, u := range units {
				if isKey(t, u[0]) {
					continue
				}
				var vals []string
				for _, c := range u {
					vals = append(vals, fmt.Sprintf(`',"%s":' || json_quote(%s.%s)`, c, row, c))
				}
				parts = append(parts, fmt.Sprintf("CASE WHEN %s THEN %s ELSE '' END", changed(u), strings.Join(vals, " || ")))
			}
			return "'{' || " + strings.Join(parts, " || ") + " || '}'"
		}
		stmts = append(stmts,
			fmt.Sprintf(`CREATE TEMP TRIGGER IF NOT EXISTS capture_%[1]s_insert AFTER INSERT ON main.%[1]s BEGIN
				INSERT INTO change_capture (tbl, op, new) VALUES ('%[1]s', 'i', %[2]s); END`, t, whole("NEW")),
			fmt.Sprintf(`CREATE TEMP TRIGGER IF NOT EXISTS capture_%[1]s_update AFTER UPDATE ON main.%[1]s WHEN %[2]s BEGIN
				INSERT INTO change_capture (tbl, op, old, new) VALUES ('%[1]s', 'u', %[3]s, %[4]s); END`,
				t, strings.Join(any, " OR "), partial("OLD"), partial("NEW")),
			fmt.Sprintf(`CREATE TEMP TRIGGER IF NOT EXISTS capture_%[1]s_delete BEFORE DELETE ON main.%[1]s BEGIN
				INSERT INTO change_capture (tbl, op, old) VALUES ('%[1]s', 'd', %[2]s); END`, t, whole("OLD")),
		)
	}
	return stmts, nil
}

// changeUnits splits a table's columns into what changes as one: each
// group of columnGroups, and every other column alone (key columns too, so
// that a key that changes, as a history entry's seq does, is recorded).
func changeUnits(table string, cols []string) [][]string {
	var units [][]string
	inGroup := map[string]bool{}
	for _, g := range columnGroups[table] {
		var have []string
		for _, c := range g {
			if containsString(cols, c) {
				have = append(have, c)
				inGroup[c] = true
			}
		}
		if len(have) > 0 {
			units = append(units, have)
		}
	}
	for _, c := range cols {
		if !inGroup[c] {
			units = append(units, []string{c})
		}
	}
	return units
}

func isKey(table, col string) bool { return containsString(tableKey[table], col) }

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// setRecording installs (on) or removes the capture triggers on this
// connection.
func setRecording(tx *gorm.DB, columns map[string][]string, on bool) error {
	stmts, err := captureTriggers(columns, on)
	if err != nil {
		return err
	}
	for _, s := range stmts {
		if err := tx.Exec(s).Error; err != nil {
			return err
		}
	}
	return nil
}

// rowChange is one row's change in a step, as the log keeps it.
type rowChange struct {
	Table string `json:"t"`
	Op    string `json:"op"` // "i" insert, "u" update, "d" delete
	// Key is the row's primary key (before the change, for an update).
	Key map[string]any `json:"k"`
	// Old and New are the row's columns: whole for a delete (Old) and an
	// insert (New); for an update, only those that changed.
	Old map[string]any `json:"o,omitempty"`
	New map[string]any `json:"n,omitempty"`
	// Delta holds, for an update, the long texts that changed, as what
	// changed of them (and not in Old and New).
	Delta map[string]textDelta `json:"x,omitempty"`
}

// readCapture returns what the capture holds, in order, and empties it.
func readCapture(tx *gorm.DB) ([]rowChange, error) {
	rows, err := tx.Raw("SELECT tbl, op, old, new FROM temp.change_capture ORDER BY n").Rows()
	if err != nil {
		return nil, err
	}
	var out []rowChange
	for rows.Next() {
		var t, op string
		var old, nw *string
		if err := rows.Scan(&t, &op, &old, &nw); err != nil {
			rows.Close()
			return nil, err
		}
		rc := rowChange{Table: t, Op: op}
		if rc.Old, err = decodeRow(old); err == nil {
			rc.New, err = decodeRow(nw)
		}
		if err != nil {
			rows.Close()
			return nil, err
		}
		rc.Key = map[string]any{}
		src := rc.Old
		if op == "i" {
			src = rc.New
		}
		for _, k := range tableKey[t] {
			rc.Key[k] = src[k]
		}
		if op == "u" {
			// The key is kept apart; a key column stays in Old and New
			// only if it changed.
			for _, k := range tableKey[t] {
				if sameValue(rc.Old[k], rc.New[k]) {
					delete(rc.Old, k)
					delete(rc.New, k)
				}
			}
			shorten(&rc)
		}
		out = append(out, rc)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, tx.Exec("DELETE FROM temp.change_capture").Error
}

func decodeRow(s *string) (map[string]any, error) {
	if s == nil {
		return nil, nil
	}
	dec := json.NewDecoder(strings.NewReader(*s))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("the change capture holds %.60q: %w", *s, err)
	}
	return m, nil
}

// sameValue compares two column values as decoded from JSON: numbers by
// value (SQLite writes 2.0 where Go writes 2).
func sameValue(a, b any) bool {
	an, aok := a.(json.Number)
	bn, bok := b.(json.Number)
	if aok && bok {
		af, err1 := an.Float64()
		bf, err2 := bn.Float64()
		return err1 == nil && err2 == nil && af == bf
	}
	return a == b
}

// sqlValue is a decoded column value as the driver takes it.
func sqlValue(v any) any {
	if n, ok := v.(json.Number); ok {
		if i, err := n.Int64(); err == nil {
			return i
		}
		f, _ := n.Float64()
		return f
	}
	return v
}

// itemOf returns the item a row belongs to: its id, the claim of a
// history entry, the card of a position; the two ends of a link.
func (rc *rowChange) itemsOf() []string {
	row := rc.Key
	if rc.Op == "i" {
		row = rc.New
	} else if rc.Op == "d" {
		row = rc.Old
	}
	str := func(k string) string { s, _ := row[k].(string); return s }
	switch rc.Table {
	case "board":
		return nil
	case "claim_history":
		return []string{str("claim_id")}
	case "links":
		return []string{str("from_id"), str("to_id")}
	case "layout":
		return []string{str("item")}
	}
	return []string{str("id")}
}

// stepItems returns the items a step's rows name, sorted, and whether it
// changed the board's record.
func stepItems(rcs []rowChange) (ids []string, board bool) {
	seen := map[string]bool{}
	for i := range rcs {
		if rcs[i].Table == "board" {
			board = true
		}
		for _, id := range rcs[i].itemsOf() {
			if id != "" && !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	sort.Strings(ids)
	return ids, board
}

// authorOf returns who makes the edits of ctx.
func (db *DB) authorOf(ctx context.Context) string {
	if a := app.AuthorFrom(ctx); a != "" {
		return a
	}
	if db.author != "" {
		return db.author
	}
	return app.AccountName()
}

// recordStep writes what the capture holds as one step named label, by
// the author of ctx at at; nothing if the edit changed nothing. A new step
// forgets what its author could redo, as in every editor.
func (db *DB) recordStep(ctx context.Context, tx *gorm.DB, label string, at time.Time, updatedBefore string) (int64, error) {
	rcs, err := readCapture(tx)
	if err != nil || len(rcs) == 0 {
		return 0, err
	}
	return writeStep(tx, label, db.authorOf(ctx), at, updatedBefore, undoneLive, rcs)
}

// writeStep stores one step of the log and returns its number.
func writeStep(tx *gorm.DB, label, author string, at time.Time, updatedBefore string, undone int, rcs []rowChange) (int64, error) {
	data, err := json.Marshal(rcs)
	if err != nil {
		return 0, err
	}
	if undone == undoneLive {
		if err := tx.Exec("UPDATE change_steps SET undone = ? WHERE author = ? AND undone = ?", undoneGone, author, undoneRedo).Error; err != nil {
			return 0, err
		}
	}
	var step int64
	if err := tx.Raw("INSERT INTO change_steps (label, author, at, undone, changes, updated_before) VALUES (?, ?, ?, ?, ?, ?) RETURNING step",
		label, author, formatTime(at), undone, string(data), updatedBefore).Scan(&step).Error; err != nil {
		return 0, err
	}
	ids, _ := stepItems(rcs)
	for start := 0; start < len(ids); start += 300 {
		part := ids[start:min(start+300, len(ids))]
		vals := make([]string, len(part))
		args := make([]any, 0, 2*len(part))
		for i, id := range part {
			vals[i] = "(?, ?)"
			args = append(args, id, step)
		}
		if err := tx.Exec("INSERT INTO change_items (item, step) VALUES "+strings.Join(vals, ", "), args...).Error; err != nil {
			return 0, err
		}
	}
	if step > maxSteps {
		if err := tx.Exec("DELETE FROM change_steps WHERE step <= ?", step-maxSteps).Error; err != nil {
			return 0, err
		}
		if err := tx.Exec("DELETE FROM change_items WHERE step <= ?", step-maxSteps).Error; err != nil {
			return 0, err
		}
	}
	return step, nil
}
