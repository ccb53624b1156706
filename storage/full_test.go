package storage

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"evidenceboard/app"
)

// TestDiskFull: an edit that cannot be written is reported in words and
// the board stays as it was. SQLite's max_page_count stands in for a full
// disk: past it, writes fail with SQLITE_FULL, as on a full disk.
func TestDiskFull(t *testing.T) {
	ctx := context.Background()
	db := MustSampleDB(t)
	before, _ := db.Export(ctx)
	var pages int
	if err := db.gdb.Raw("PRAGMA page_count").Scan(&pages).Error; err != nil {
		t.Fatal(err)
	}
	if err := db.gdb.Exec(fmt.Sprintf("PRAGMA max_page_count = %d", pages)).Error; err != nil {
		t.Fatal(err)
	}
	big := strings.Repeat("a long pasted source text ", 20000) // ~500 KB: needs new pages
	err := db.CreateSource(ctx, &app.Source{Title: "Too big for the disk", Text: big}, nil)
	wantCode(t, err, app.EINTERNAL, "the disk is full: the change was not saved")
	after, _ := db.Export(ctx)
	if !sameJSON(t, after, before) {
		t.Fatal("the board changed")
	}
	if problems, err := db.Check(ctx); err != nil || len(problems) > 0 {
		t.Fatalf("check: %v %v", problems, err)
	}
	if undo, _, _ := db.UndoState(ctx); undo != "" {
		t.Fatalf("a failed edit left an undo step %q", undo)
	}
	// Room again: edits work.
	db.gdb.Exec("PRAGMA max_page_count = 1073741823")
	if err := db.CreateSource(ctx, &app.Source{Title: "Fits now", Text: big}, nil); err != nil {
		t.Fatal(err)
	}
}
