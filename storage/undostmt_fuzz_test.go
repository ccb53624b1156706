package storage

import (
	"slices"
	"testing"
)

// FuzzParseUndoStmt feeds the undo log's parser any text: it must never
// panic, and what it accepts must be one statement on a board table and
// its own columns, with as many values as columns.
func FuzzParseUndoStmt(f *testing.F) {
	cols := map[string][]string{
		"layout": {"item", "seq", "x", "y"},
		"quotes": {"id", "text", "speaker", "anchor_start"},
	}
	for _, s := range []string{
		"DELETE FROM layout WHERE rowid = 12",
		"UPDATE layout SET item = 'apple', seq = 3, x = -1.5, y = 2.0e+20 WHERE rowid = 4",
		"INSERT INTO quotes (rowid, id, text, speaker, anchor_start) VALUES (7, 'q1', 'it''s ''quoted''\n', NULL, X'00ff')",
		"UPDATE layout SET x = 1 WHERE rowid = 1; DROP TABLE quotes",
		"ATTACH DATABASE 'x' AS y",
		"INSERT INTO layout (rowid, item) VALUES (1, 'a', 'b')",
		"UPDATE layout SET x = abs(1) WHERE rowid = 1",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		st, err := parseUndoStmt(s, cols)
		if err != nil {
			return
		}
		known, ok := cols[st.table]
		if !ok {
			t.Fatalf("accepted table %q", st.table)
		}
		for _, c := range st.cols {
			if !slices.Contains(known, c) {
				t.Fatalf("accepted column %q", c)
			}
		}
		if st.op != "DELETE" && len(st.vals) != len(st.cols) {
			t.Fatalf("%d columns, %d values", len(st.cols), len(st.vals))
		}
		if st.op != "DELETE" && st.op != "UPDATE" && st.op != "INSERT" {
			t.Fatalf("accepted %q", st.op)
		}
	})
}
