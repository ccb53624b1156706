package storage

import (
	"os"
	"path/filepath"
	"testing"

	"evidenceboard/app"
)

// TestRestore_StopsWhenSafetyBackupFails: the board as it is now is backed
// up before a restore; when that cannot be done (here the backup folder's
// name is taken by a file, so no backup can go there) the restore stops,
// says so, and leaves the board as it was.
func TestRestore_StopsWhenSafetyBackupFails(t *testing.T) {
	p := sampleFile(t)
	// A sound backup kept somewhere else.
	src, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "kept.evboard")
	if err := src.SaveCopy(t.Context(), backup); err != nil {
		t.Fatal(err)
	}
	if err := src.DeleteParty(t.Context(), "apple"); err != nil { // the board moves on
		t.Fatal(err)
	}
	src.Close()
	if err := os.WriteFile(BackupDir(p), []byte("in the way"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := fileSum(t, p)
	err = Restore(p, backup, Options{})
	if err == nil {
		t.Fatal("the restore went ahead without a backup of the board as it was")
	}
	wantCode(t, err, app.EINVALID, "could not be backed up")
	if fileSum(t, p) != before {
		t.Fatal("the board changed")
	}
	db, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.FindPartyByID(t.Context(), "apple"); app.ErrorCode(err) != app.ENOTFOUND {
		t.Fatalf("the board is not as it was: apple is back (%v)", err)
	}
}

// TestRestore_KeepsDamagedBoard: a board too damaged for SQLite to copy is
// still restored, and what was there is kept among its backups first.
func TestRestore_KeepsDamagedBoard(t *testing.T) {
	p := sampleFile(t)
	backup := filepath.Join(t.TempDir(), "kept.evboard")
	src, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := src.SaveCopy(t.Context(), backup); err != nil {
		t.Fatal(err)
	}
	src.Close()
	data, _ := os.ReadFile(p)
	for i := 4096 * 2; i < len(data); i += 512 {
		data[i] ^= 0xff
	}
	os.WriteFile(p, data, 0o644)
	if err := Restore(p, backup, Options{}); err != nil {
		t.Fatal(err)
	}
	list, err := ListBackups(p)
	if err != nil || len(list) != 1 || list[0].Reason != BackupBeforeRestore {
		t.Fatalf("backups = %+v, %v", list, err)
	}
}
