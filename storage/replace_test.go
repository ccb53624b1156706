package storage

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"evidenceboard/app"
	"evidenceboard/assets"
)

// boardFiles reads a board file with its -wal and -shm, as they are now.
func boardFiles(t *testing.T, path string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, s := range []string{"", "-wal", "-shm"} {
		data, err := os.ReadFile(path + s)
		if err != nil {
			t.Fatalf("%s: %v", path+s, err)
		}
		out[s] = data
	}
	return out
}

// TestReplace_RefusesBoardOpenElsewhere: import --force, sample --force
// and the window's Import all go through WriteNew; a board another window
// or program holds for editing is not replaced, and its -wal and -shm
// stay as they are.
func TestReplace_RefusesBoardOpenElsewhere(t *testing.T) {
	doc, _, err := app.ParseDocument(assets.SampleJSON)
	if err != nil {
		t.Fatal(err)
	}
	for _, how := range []string{"Files.Import", "WriteNew"} {
		t.Run(how, func(t *testing.T) {
			p := sampleFile(t)
			held, err := Open(p, Options{}) // open for editing: holds the lock
			if err != nil {
				t.Fatal(err)
			}
			defer held.Close()
			if err := held.MoveCard(t.Context(), "apple", 5, 5); err != nil { // a -wal and a -shm
				t.Fatal(err)
			}
			before := boardFiles(t, p)
			if len(before["-wal"]) == 0 {
				t.Fatal("the test needs a board with a -wal")
			}
			if how == "Files.Import" {
				err = Files{}.Import(p, doc, true)
			} else {
				err = WriteNew(p, true, app.Board{Title: "New"}, Options{}, func(*DB) error { return nil })
			}
			if err == nil {
				t.Fatal("a board open for editing elsewhere was replaced")
			}
			wantCode(t, err, app.ECONFLICT, "open for editing")
			if !errors.Is(err, app.ErrInUse) {
				t.Fatalf("%v does not wrap app.ErrInUse", err)
			}
			if !strings.Contains(app.ErrorMessage(err), p) {
				t.Fatalf("%q does not name the file", app.ErrorMessage(err))
			}
			after := boardFiles(t, p)
			for s, data := range before {
				if !bytes.Equal(after[s], data) {
					t.Fatalf("the board's %q file changed", s)
				}
			}
			if _, err := held.Export(t.Context()); err != nil {
				t.Fatalf("the board open elsewhere no longer reads: %v", err)
			}
		})
	}
}

// TestReplace_ForceReplacesBoardNotOpen: with nobody holding it, --force
// still replaces a board, and the new one opens for editing.
func TestReplace_ForceReplacesBoardNotOpen(t *testing.T) {
	p := sampleFile(t)
	if err := WriteNew(p, true, app.Board{Title: "Replaced"}, Options{}, func(*DB) error { return nil }); err != nil {
		t.Fatal(err)
	}
	again, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	b, err := again.Board(t.Context())
	if err != nil || b.Title != "Replaced" {
		t.Fatalf("board = %+v, %v", b, err)
	}
}
