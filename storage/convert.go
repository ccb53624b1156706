package storage

import (
	"context"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"evidenceboard/app"
)

// Boards of schema 1 to 3 keep their undo history as SQL in undo_log,
// addressed by rowid, grouped into undo_steps. Schema 4 replaces it with
// the change log. convertUndoHistory carries the old history over before
// the migrations run, while the rowids still name the rows they named
// (schema 3 rebuilds the claims table, which renumbers them): it plays
// each step on the file inside a transaction that it then rolls back, and
// records what the play changes, by primary key, with the change log's
// own triggers. The redo stack is played forwards from the board as it
// is, the undo stack backwards; what a step did is then known row by row.

// convertedStep is an old step as the change log keeps it.
type convertedStep struct {
	label  string
	undone int
	rows   []rowChange
}

// convertUndoHistory returns the file's undo history as steps of the
// change log, oldest first; an error if it cannot be carried over.
func (db *DB) convertUndoHistory() ([]convertedStep, error) {
	var n int
	if err := db.gdb.Raw("SELECT count(*) FROM sqlite_master WHERE name = 'undo_steps'").Scan(&n).Error; err != nil || n == 0 {
		return nil, err
	}
	var steps []undoStep
	var stacks []string
	rows, err := db.gdb.Raw("SELECT id, label, first_seq, last_seq, stack FROM undo_steps ORDER BY id").Rows()
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var s undoStep
		var stack string
		if err := rows.Scan(&s.ID, &s.Label, &s.FirstSeq, &s.LastSeq, &stack); err != nil {
			rows.Close()
			return nil, err
		}
		steps, stacks = append(steps, s), append(stacks, stack)
	}
	rows.Close()
	if len(steps) == 0 {
		return nil, rows.Err()
	}
	var undo, redo []undoStep
	for i, s := range steps {
		if stacks[i] == "redo" {
			redo = append(redo, s)
		} else {
			undo = append(undo, s)
		}
	}
	cols, err := tablesColumns(db.gdb, changeTables)
	if err != nil {
		return nil, err
	}
	oldCols, err := tablesColumns(db.gdb, []string{"board", "items", "sources", "parties", "claims", "claim_history", "quotes", "links", "layout"})
	if err != nil {
		return nil, err
	}
	var out []convertedStep
	errStop := fmt.Errorf("rolled back")
	var playErr error
	_ = db.gdb.Transaction(func(tx *gorm.DB) error {
		if err := setRecording(tx, cols, true); err != nil {
			playErr = err
			return errStop
		}
		defer setRecording(tx, cols, false)
		if err := tx.Exec("PRAGMA defer_foreign_keys = ON").Error; err != nil {
			playErr = err
			return errStop
		}
		// The redo stack, forwards from the board as it is: the step
		// undone last (the top of the stack) first.
		if err := tx.Exec("SAVEPOINT convert_redo").Error; err != nil {
			playErr = err
			return errStop
		}
		var redone []convertedStep
		for i := len(redo) - 1; i >= 0; i-- {
			rcs, err := playOld(tx, redo[i], oldCols)
			if err != nil {
				playErr = fmt.Errorf("redo step %q: %w", redo[i].Label, err)
				return errStop
			}
			redone = append(redone, convertedStep{label: redo[i].Label, undone: undoneRedo, rows: rcs})
		}
		if err := tx.Exec("ROLLBACK TO convert_redo").Error; err != nil {
			playErr = err
			return errStop
		}
		// The undo stack, backwards: what undoing a step changes, turned
		// round, is what the step did.
		var done []convertedStep
		for i := len(undo) - 1; i >= 0; i-- {
			rcs, err := playOld(tx, undo[i], oldCols)
			if err != nil {
				playErr = fmt.Errorf("undo step %q: %w", undo[i].Label, err)
				return errStop
			}
			done = append([]convertedStep{{label: undo[i].Label, undone: undoneLive, rows: reverseRows(rcs)}}, done...)
		}
		out = append(done, redone...)
		return errStop // nothing of the play stays
	})
	if playErr != nil {
		return nil, playErr
	}
	for i := range out {
		out[i].rows = splitSourceText(out[i].rows)
	}
	return out, nil
}

// playOld runs one old step's SQL, newest first as the old undo did, and
// returns what it changed, row by row. Each statement's row must be the
// one it names: an UPDATE writes the row's key columns back as they were,
// so a row whose key differs is not the row the step meant.
func playOld(tx *gorm.DB, s undoStep, cols map[string][]string) ([]rowChange, error) {
	var stmts []string
	if err := tx.Raw("SELECT sql FROM undo_log WHERE seq BETWEEN ? AND ? ORDER BY seq DESC", s.FirstSeq, s.LastSeq).Scan(&stmts).Error; err != nil {
		return nil, err
	}
	for _, text := range stmts {
		st, err := parseUndoStmt(text, cols)
		if err != nil {
			return nil, err
		}
		if st.op == "UPDATE" {
			if err := sameRow(tx, st); err != nil {
				return nil, err
			}
		}
		if err := st.exec(tx); err != nil {
			return nil, err
		}
	}
	return readCapture(tx)
}

// sameRow checks that the row an old UPDATE names by rowid has the key
// the UPDATE writes.
func sameRow(tx *gorm.DB, st undoStmt) error {
	keys := tableKey[st.table]
	for i, c := range st.cols {
		if !containsString(keys, c) || (st.table == "claim_history" && c == "seq") {
			continue
		}
		var have []string
		if err := tx.Raw("SELECT CAST("+c+" AS TEXT) FROM "+st.table+" WHERE rowid = ?", st.rowid).Scan(&have).Error; err != nil {
			return err
		}
		if len(have) == 0 || have[0] != fmt.Sprint(st.vals[i]) {
			return fmt.Errorf("the history names row %d of %s, which is another row now", st.rowid, st.table)
		}
	}
	return nil
}

// reverseRows turns what undoing a step changed into what the step did:
// each change the other way round, in the other order.
func reverseRows(rcs []rowChange) []rowChange {
	out := make([]rowChange, len(rcs))
	for i, rc := range rcs {
		r := rowChange{Table: rc.Table}
		switch rc.Op {
		case "i":
			r.Op, r.Old, r.Key = "d", rc.New, rc.Key
		case "d":
			r.Op, r.New, r.Key = "i", rc.Old, rc.Key
		default:
			r.Op, r.Old, r.New = "u", rc.New, rc.Old
			r.Key = afterKey(rc.Table, rc.Key, rc.New)
			if rc.Delta != nil {
				r.Delta = map[string]textDelta{}
				for c, d := range rc.Delta {
					r.Delta[c] = textDelta{P: d.P, S: d.S, Old: d.New, New: d.Old}
				}
			}
		}
		out[len(rcs)-1-i] = r
	}
	return out
}

// splitSourceText moves a source's text, which schemas before 4 keep in
// the sources table, into rows of source_texts, where schema 4 keeps it.
func splitSourceText(rcs []rowChange) []rowChange {
	var out []rowChange
	for _, rc := range rcs {
		if rc.Table != "sources" {
			out = append(out, rc)
			continue
		}
		text := rowChange{Table: "source_texts", Op: rc.Op, Key: map[string]any{"id": rc.Key["id"]}}
		moved := false
		switch rc.Op {
		case "i":
			text.New = map[string]any{"id": rc.Key["id"], "text": rc.New["text"]}
			delete(rc.New, "text")
			moved = true
		case "d":
			text.Old = map[string]any{"id": rc.Key["id"], "text": rc.Old["text"]}
			delete(rc.Old, "text")
			moved = true
		case "u":
			if v, ok := rc.New["text"]; ok {
				text.Old, text.New = map[string]any{"text": rc.Old["text"]}, map[string]any{"text": v}
				delete(rc.Old, "text")
				delete(rc.New, "text")
				moved = true
			}
			if d, ok := rc.Delta["text"]; ok {
				text.Delta = map[string]textDelta{"text": d}
				delete(rc.Delta, "text")
				moved = true
			}
		}
		if text.Old == nil && text.New == nil && text.Delta == nil {
			moved = false
		}
		switch {
		case rc.Op == "d" && moved:
			out = append(out, text, rc) // the text goes before its source
		case rc.Op == "u" && len(rc.New) == 0 && len(rc.Delta) == 0:
			if moved {
				out = append(out, text)
			}
		case moved:
			out = append(out, rc, text)
		default:
			out = append(out, rc)
		}
	}
	return out
}

// writeConverted writes the converted steps into the change log.
func (db *DB) writeConverted(tx *gorm.DB, steps []convertedStep) error {
	now := db.now().UTC()
	for _, s := range steps {
		if _, err := writeStep(tx, s.label, db.authorOf(context.Background()), now, "", s.undone, s.rows); err != nil {
			return err
		}
	}
	return nil
}

// droppedHistory is the notice for a history that could not be carried
// over, said once, when the board is upgraded.
func droppedHistory(path string, err error) string {
	return fmt.Sprintf("The undo history of %s could not be carried over to this version of Evidence Board (%s), so it was dropped: "+
		"the edits made before the upgrade can no longer be undone. The board itself is as it was.",
		path, strings.TrimSuffix(app.ErrorMessage(err), "."))
}

// undoStep is a row of a schema 1 to 3 board's undo_steps: a range of its
// undo_log.
type undoStep struct {
	ID       int64
	Label    string
	FirstSeq int64
	LastSeq  int64
}
