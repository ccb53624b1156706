package storage

import (
	"context"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"evidenceboard/app"
)

// Undo and redo, kept in the board file so that they outlive the window.
//
// Triggers on every board table write, for each row an edit changes, the
// SQL that puts the row back (after the technique of SQLite's "Automatic
// Undo/Redo" note) into undo_log. undo_steps groups a contiguous range of
// that log into one step of the undo or the redo stack. Undoing a step runs
// its SQL newest first; the triggers record what that changes, which
// becomes the step on the other stack. The triggers are TEMP: they belong
// to this program's connection, so a change made in another tool, or an
// import, is not recorded.

// undoTables are the tables whose changes can be undone.
var undoTables = []string{"board", "items", "sources", "parties", "claims", "claim_history", "quotes", "links", "layout"}

// maxUndoSteps is how many edits can be undone; older ones are forgotten.
var maxUndoSteps = 1000

var _ app.UndoService = (*DB)(nil)

// undoTriggers returns the statements that create (or drop) the triggers
// on the tables whose columns are given.
func undoTriggers(columns map[string][]string, create bool) ([]string, error) {
	var stmts []string
	for _, t := range undoTables {
		if !create {
			for _, op := range []string{"insert", "update", "delete"} {
				stmts = append(stmts, fmt.Sprintf("DROP TRIGGER IF EXISTS temp.undo_%s_%s", t, op))
			}
			continue
		}
		cols := columns[t]
		// The names go into SQL of ours: a file whose columns are named
		// otherwise than this program names them is not one of its boards.
		for _, c := range cols {
			if !plainName(c) {
				return nil, errForeignColumn{t, c}
			}
		}
		sets := make([]string, len(cols))
		vals := make([]string, len(cols))
		for i, c := range cols {
			sets[i] = fmt.Sprintf("'%s = ' || quote(OLD.%s)", c, c)
			vals[i] = fmt.Sprintf("quote(OLD.%s)", c)
		}
		stmts = append(stmts,
			fmt.Sprintf(`CREATE TEMP TRIGGER IF NOT EXISTS undo_%[1]s_insert AFTER INSERT ON main.%[1]s BEGIN
				INSERT INTO undo_log (sql) VALUES ('DELETE FROM %[1]s WHERE rowid = ' || NEW.rowid); END`, t),
			fmt.Sprintf(`CREATE TEMP TRIGGER IF NOT EXISTS undo_%[1]s_update AFTER UPDATE ON main.%[1]s BEGIN
				INSERT INTO undo_log (sql) VALUES ('UPDATE %[1]s SET ' || %[2]s || ' WHERE rowid = ' || OLD.rowid); END`,
				t, strings.Join(sets, " || ', ' || ")),
			fmt.Sprintf(`CREATE TEMP TRIGGER IF NOT EXISTS undo_%[1]s_delete BEFORE DELETE ON main.%[1]s BEGIN
				INSERT INTO undo_log (sql) VALUES ('INSERT INTO %[1]s (rowid, %[2]s) VALUES (' || OLD.rowid || ', ' || %[3]s || ')'); END`,
				t, strings.Join(cols, ", "), strings.Join(vals, " || ', ' || ")),
		)
	}
	return stmts, nil
}

// setUndoRecording installs or removes the triggers on this connection.
func setUndoRecording(tx *gorm.DB, columns map[string][]string, on bool) error {
	stmts, err := undoTriggers(columns, on)
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

func nextUndoSeq(tx *gorm.DB) (int64, error) {
	var n int64
	err := tx.Raw("SELECT coalesce(max(seq), 0) + 1 FROM undo_log").Scan(&n).Error
	return n, err
}

// recordStep makes the log written since first one step on stack. A new
// edit (clearRedo) forgets the redo stack, as in every editor. Its cost
// follows the steps it touches, not the length of the log: ranges of the
// log are deleted through its primary key.
func recordStep(tx *gorm.DB, stack, label string, first int64, clearRedo bool) error {
	var last int64
	if err := tx.Raw("SELECT coalesce(max(seq), 0) FROM undo_log").Scan(&last).Error; err != nil {
		return err
	}
	if clearRedo {
		var redo []undoStep
		if err := tx.Raw("SELECT id, label, first_seq, last_seq FROM undo_steps WHERE stack = 'redo'").Scan(&redo).Error; err != nil {
			return err
		}
		if err := dropSteps(tx, redo); err != nil {
			return err
		}
	}
	if last < first {
		return nil // nothing changed
	}
	if err := tx.Exec("INSERT INTO undo_steps (stack, label, first_seq, last_seq) VALUES (?, ?, ?, ?)", stack, label, first, last).Error; err != nil {
		return err
	}
	// Forget the oldest steps past the limit.
	var old []undoStep
	if err := tx.Raw("SELECT id, label, first_seq, last_seq FROM undo_steps WHERE stack = ? ORDER BY id DESC LIMIT -1 OFFSET ?", stack, maxUndoSteps).Scan(&old).Error; err != nil {
		return err
	}
	return dropSteps(tx, old)
}

// dropSteps deletes steps and their part of the log.
func dropSteps(tx *gorm.DB, steps []undoStep) error {
	for _, s := range steps {
		if err := tx.Exec("DELETE FROM undo_log WHERE seq BETWEEN ? AND ?", s.FirstSeq, s.LastSeq).Error; err != nil {
			return err
		}
		if err := tx.Exec("DELETE FROM undo_steps WHERE id = ?", s.ID).Error; err != nil {
			return err
		}
	}
	return nil
}

type undoStep struct {
	ID       int64
	Label    string
	FirstSeq int64
	LastSeq  int64
}

// Undo implements app.UndoService.
func (db *DB) Undo(ctx context.Context) (app.Changes, error) { return db.replay(ctx, "undo", "redo") }

// Redo implements app.UndoService.
func (db *DB) Redo(ctx context.Context) (app.Changes, error) { return db.replay(ctx, "redo", "undo") }

func (db *DB) replay(ctx context.Context, from, to string) (app.Changes, error) {
	var ch app.Changes
	err := db.transact(ctx, func(tx *gorm.DB) error {
		var step undoStep
		err := tx.Raw("SELECT id, label, first_seq, last_seq FROM undo_steps WHERE stack = ? ORDER BY id DESC LIMIT 1", from).Scan(&step).Error
		if err != nil {
			return err
		} else if step.ID == 0 {
			return app.Errorf(app.ENOTFOUND, "there is nothing to %s", from)
		}
		ch.Label = step.Label
		var stmts []string
		if err := tx.Raw("SELECT sql FROM undo_log WHERE seq BETWEEN ? AND ? ORDER BY seq DESC", step.FirstSeq, step.LastSeq).Scan(&stmts).Error; err != nil {
			return err
		}
		parsed := make([]undoStmt, len(stmts))
		for i, s := range stmts {
			if parsed[i], err = parseUndoStmt(s, db.undoCols); err != nil {
				return errForeignUndo(db.path, err)
			}
		}
		if err := tx.Exec("DELETE FROM undo_log WHERE seq BETWEEN ? AND ?", step.FirstSeq, step.LastSeq).Error; err != nil {
			return err
		}
		if err := tx.Exec("DELETE FROM undo_steps WHERE id = ?", step.ID).Error; err != nil {
			return err
		}
		first, err := nextUndoSeq(tx)
		if err != nil {
			return err
		}
		// What the rows named before the step, and after it, is what it
		// changed.
		touched := touchedItems{ids: map[string]bool{}}
		if err := touched.note(tx, parsed); err != nil {
			return err
		}
		// Rows come back in the reverse order they went; the keys between
		// them hold again at commit.
		if err := tx.Exec("PRAGMA defer_foreign_keys = ON").Error; err != nil {
			return err
		}
		for _, st := range parsed {
			if err := st.exec(tx); err != nil {
				return fmt.Errorf("%s %q: %w", from, ch.Label, err)
			}
		}
		if err := touched.note(tx, parsed); err != nil {
			return err
		}
		if err := touched.describe(tx, &ch); err != nil {
			return err
		}
		return recordStep(tx, to, ch.Label, first, false)
	})
	return ch, err
}

// UndoState implements app.UndoService.
func (db *DB) UndoState(ctx context.Context) (undo, redo string, err error) {
	tx := db.read(ctx)
	for _, s := range []struct {
		stack string
		dest  *string
	}{{"undo", &undo}, {"redo", &redo}} {
		var labels []string
		if err := tx.Raw("SELECT label FROM undo_steps WHERE stack = ? ORDER BY id DESC LIMIT 1", s.stack).Scan(&labels).Error; err != nil {
			return "", "", translate(err)
		}
		if len(labels) > 0 {
			*s.dest = labels[0]
		}
	}
	return undo, redo, nil
}

// GroupEdits implements app.UndoService.
func (db *DB) GroupEdits(ctx context.Context, n int, label string) error {
	if n < 2 {
		return nil
	}
	return db.transact(ctx, func(tx *gorm.DB) error {
		var steps []undoStep
		if err := tx.Raw("SELECT id, label, first_seq, last_seq FROM undo_steps WHERE stack = 'undo' ORDER BY id DESC LIMIT ?", n).Scan(&steps).Error; err != nil {
			return err
		}
		if len(steps) < n {
			return app.Errorf(app.EINVALID, "only %d edits can be grouped, not %d", len(steps), n)
		}
		oldest, newest := steps[n-1], steps[0]
		if err := tx.Exec("DELETE FROM undo_steps WHERE id BETWEEN ? AND ? AND stack = 'undo'", oldest.ID, newest.ID).Error; err != nil {
			return err
		}
		return tx.Exec("INSERT INTO undo_steps (stack, label, first_seq, last_seq) VALUES ('undo', ?, ?, ?)", label, oldest.FirstSeq, newest.LastSeq).Error
	})
}

// plainName reports whether s is a name of lower-case letters, digits and
// underscores, as every column of the board's schema is.
func plainName(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c != '_' && (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// errForeignColumn is a column this program would never have named so.
type errForeignColumn struct{ table, column string }

func (e errForeignColumn) Error() string {
	return fmt.Sprintf("its table %s has a column named %.40q", e.table, e.column)
}
