package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// log reads a board as it is and leaves nothing beside it: no -wal or
// -shm, and an older board is not upgraded in place.
func TestCLI_LogWritesNothing(t *testing.T) {
	dir := t.TempDir()
	board := filepath.Join(dir, "board.evboard")
	runCLI(t, "sample", board).want(t, 0, "", "")
	changes := filepath.Join(dir, "c.json")
	os.WriteFile(changes, []byte(`[{"op":"update","kind":"board","set":{"title":"Renamed"}}]`), 0o644)
	runCLI(t, "apply", board, changes).want(t, 0, "Apply changes", "")
	old := filepath.Join(dir, "old.evboard")
	data, err := os.ReadFile(filepath.Join("storage", "testdata", "upgrade", "v2.evboard"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(old, data, 0o644)
	os.Remove(changes)
	snap := func() map[string][]byte {
		out := map[string][]byte{}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
			out[e.Name()] = b
		}
		return out
	}
	before := snap()
	runCLI(t, "log", "--json", board).want(t, 0, `"label": "Apply changes"`, "")
	runCLI(t, "log", old).want(t, 0, "Edit board", "")
	after := snap()
	if len(after) != len(before) {
		t.Fatalf("log left files beside the boards: %d files, was %d", len(after), len(before))
	}
	for name, b := range before {
		if !bytes.Equal(after[name], b) {
			t.Fatalf("log changed %s", name)
		}
	}
}
