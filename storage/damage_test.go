package storage

import (
	"context"
	"database/sql"
	"errors"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"evidenceboard/app"
)

// sampleFile writes the sample board to a closed file and returns its path.
func sampleFile(t *testing.T) string {
	t.Helper()
	db := MustSampleDB(t)
	// Edits after the import, so the file has free pages and history.
	for i := 0; i < 20; i++ {
		db.MoveCard(context.Background(), "apple", float64(i), 0)
	}
	db.Close()
	return db.Path()
}

// openOutcome opens path for editing and reads the whole board, as the
// window does, and returns the first error.
func openOutcome(path string) error {
	db, err := Open(path, Options{})
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Export(context.Background())
	return err
}

func TestDamaged_Truncated(t *testing.T) {
	src := sampleFile(t)
	data, _ := os.ReadFile(src)
	const page = 4096
	for _, pages := range []int{1, 2, len(data) / page / 2, len(data)/page - 1} {
		p := filepath.Join(t.TempDir(), "cut.evboard")
		os.WriteFile(p, data[:pages*page], 0o644)
		before := fileSum(t, p)
		err := openOutcome(p)
		if err == nil {
			t.Fatalf("a board cut to %d pages opened", pages)
		}
		wantCode(t, err, app.EINVALID, "")
		if !errors.Is(err, app.ErrDamaged) && !strings.Contains(app.ErrorMessage(err), "not a SQLite database") {
			t.Fatalf("cut to %d pages: %v is not marked damaged", pages, err)
		}
		if fileSum(t, p) != before {
			t.Fatalf("cut to %d pages: the file changed", pages)
		}
	}
}

func TestDamaged_BitFlips(t *testing.T) {
	src := sampleFile(t)
	data, _ := os.ReadFile(src)
	r := rand.New(rand.NewSource(7))
	refused, opened := 0, 0
	for trial := 0; trial < 60; trial++ {
		b := append([]byte(nil), data...)
		for i := 0; i < 1+r.Intn(8); i++ {
			b[r.Intn(len(b))] ^= 1 << r.Intn(8)
		}
		p := filepath.Join(t.TempDir(), "flipped.evboard")
		os.WriteFile(p, b, 0o644)
		func() {
			defer func() {
				if v := recover(); v != nil {
					t.Fatalf("trial %d panicked: %v", trial, v)
				}
			}()
			if err := openOutcome(p); err != nil {
				refused++
				if code := app.ErrorCode(err); code != app.EINVALID && code != app.EINTERNAL {
					t.Fatalf("trial %d: %v", trial, err)
				}
				return
			}
			// Opened: the flips fell in free space or in text. The
			// board must still be one that check can judge.
			opened++
			db, err := Open(p, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Check(context.Background()); err != nil {
				t.Fatalf("trial %d: check could not run: %v", trial, err)
			}
			db.Close()
		}()
	}
	t.Logf("bit flips: %d refused, %d opened", refused, opened)
}

func TestDamaged_StaleWAL(t *testing.T) {
	// A -wal left by another board must not be replayed into this one.
	a, b := sampleFile(t), sampleFile(t)
	other, err := Open(b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	other.MoveCard(context.Background(), "apple", 777, 777) // lives in b's -wal for now
	wal, _ := os.ReadFile(b + "-wal")
	other.Close()
	if len(wal) == 0 {
		t.Fatal("no -wal to plant")
	}
	os.WriteFile(a+"-wal", wal, 0o644)
	db, err := Open(a, Options{})
	if err != nil {
		t.Fatalf("a board with a stranger's -wal: %v", err)
	}
	defer db.Close()
	if problems, err := db.Check(context.Background()); err != nil || len(problems) > 0 {
		t.Fatalf("check: %v %v", problems, err)
	}
}

func TestOneWriter(t *testing.T) {
	p := sampleFile(t)
	first, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Open(p, Options{})
	wantCode(t, err, app.ECONFLICT, "open for editing in another window or program")
	if !errors.Is(err, ErrInUse) {
		t.Fatal("not ErrInUse")
	}
	ro, err := Open(p, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only beside a writer: %v", err)
	}
	first.MoveCard(context.Background(), "apple", 5, 6)
	doc, err := ro.Export(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, l := range doc.Layout {
		found = found || (l.Item == "apple" && l.X == 5)
	}
	if !found {
		t.Fatal("the reader does not see the writer's committed edit")
	}
	ro.Close()
	first.Close()
	again, err := Open(p, Options{})
	if err != nil {
		t.Fatalf("after the writer closed: %v", err)
	}
	again.Close()
}

func TestBackupRestoreDrill(t *testing.T) {
	ctx := context.Background()
	p := sampleFile(t)
	db, err := Open(p, Options{Now: newClock().now})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := db.Export(ctx)
	b, err := db.Backup(ctx, app.BackupManual)
	if err != nil {
		t.Fatal(err)
	}
	db.DeleteParty(ctx, "apple") // an edit after the backup, then damage
	db.Close()
	data, _ := os.ReadFile(p)
	for i := 4096 * 2; i < len(data); i += 512 {
		data[i] ^= 0xff
	}
	os.WriteFile(p, data, 0o644)
	if err := openOutcome(p); err == nil {
		t.Fatal("the damaged board opened")
	}
	list, err := ListBackups(p)
	if err != nil || len(list) != 1 || list[0].Path != b.Path || list[0].Reason != app.BackupManual {
		t.Fatalf("backups = %+v, %v", list, err)
	}
	if err := Restore(p, b.Path, Options{}); err != nil {
		t.Fatal(err)
	}
	db, err = Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if problems, err := db.Check(ctx); err != nil || len(problems) > 0 {
		t.Fatalf("check after restore: %v %v", problems, err)
	}
	got, _ := db.Export(ctx)
	if !sameJSON(t, got, want) {
		t.Fatal("the restored board is not the backup")
	}
}

func TestBackup_Pruning(t *testing.T) {
	ctx := context.Background()
	p := sampleFile(t)
	db, err := Open(p, Options{Now: newClock().now})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for i := 0; i < keepBackups[app.BackupAuto]+4; i++ {
		if _, err := db.Backup(ctx, app.BackupAuto); err != nil {
			t.Fatal(err)
		}
	}
	db.Backup(ctx, app.BackupManual)
	list, _ := ListBackups(p)
	if len(list) != keepBackups[app.BackupAuto]+1 {
		t.Fatalf("%d backups kept", len(list))
	}
	if list[0].Reason != app.BackupManual || !list[0].Taken.After(list[1].Taken) {
		t.Fatalf("not newest first: %+v", list[:2])
	}
}

func TestRestore_RefusesUnsoundBackup(t *testing.T) {
	p := sampleFile(t)
	bad := filepath.Join(t.TempDir(), "bad.evboard")
	os.WriteFile(bad, []byte("not a board"), 0o644)
	before := fileSum(t, p)
	wantCode(t, Restore(p, bad, Options{}), app.EINVALID, "not a SQLite database")
	if fileSum(t, p) != before {
		t.Fatal("the board changed")
	}
}

// TestCrashLeftWAL: a board left with a write-ahead log holding committed
// edits (a crash, no -shm) is never read stale: read-only either sees the
// edit or refuses, and opening it for editing replays the log.
func TestCrashLeftWAL(t *testing.T) {
	ctx := context.Background()
	src := sampleFile(t)
	db, err := Open(src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.MoveCard(ctx, "apple", 4242, 4242); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "crashed.evboard")
	for _, suffix := range []string{"", "-wal"} { // as a crash leaves them
		data, err := os.ReadFile(src + suffix)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(p+suffix, data, 0o644)
	}
	db.Close()
	seesEdit := func(db *DB) bool {
		doc, err := db.Export(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range doc.Layout {
			if l.Item == "apple" {
				return l.X == 4242
			}
		}
		return false
	}
	if ro, err := Open(p, Options{ReadOnly: true}); err == nil {
		if !seesEdit(ro) {
			t.Fatal("read-only open read the board without its committed edit")
		}
		ro.Close()
	}
	rw, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer rw.Close()
	if !seesEdit(rw) {
		t.Fatal("the committed edit in the log was lost")
	}
}

// Whole pages zeroed or swapped: the damage quick_check cannot see (an
// index that no longer matches its table) must still be refused in words
// when the board is read, never panic.
func TestDamaged_Pages(t *testing.T) {
	src := sampleFile(t)
	data, _ := os.ReadFile(src)
	const page = 4096
	pages := len(data) / page
	r := rand.New(rand.NewSource(11))
	outcomes := map[string]int{}
	for trial := 0; trial < 150; trial++ {
		b := append([]byte(nil), data...)
		p, q := 1+r.Intn(pages-1), 1+r.Intn(pages-1)
		if trial%2 == 0 {
			copy(b[p*page:(p+1)*page], make([]byte, page))
		} else {
			copy(b[p*page:], data[q*page:(q+1)*page])
			copy(b[q*page:], data[p*page:(p+1)*page])
		}
		path := filepath.Join(t.TempDir(), "pages.evboard")
		os.WriteFile(path, b, 0o644)
		func() {
			defer func() {
				if v := recover(); v != nil {
					t.Fatalf("trial %d panicked: %v", trial, v)
				}
			}()
			err := openOutcome(path)
			switch {
			case err == nil:
				outcomes["opened"]++
			case errors.Is(err, app.ErrDamaged):
				outcomes["refused as damaged"]++
			default:
				outcomes["refused: "+app.ErrorCode(err)]++
				if code := app.ErrorCode(err); code != app.EINVALID && code != app.EINTERNAL {
					t.Fatalf("trial %d: %v", trial, err)
				}
			}
			if db, err := Open(path, Options{ReadOnly: true}); err == nil {
				db.Check(context.Background())
				db.Close()
			}
		}()
	}
	t.Logf("pages zeroed or swapped: %v", outcomes)
}

// A history row whose claim the file cannot find (here deleted behind the
// foreign keys' back) makes the board damaged, not a crash of the export.
func TestDamaged_DanglingHistory(t *testing.T) {
	path := sampleFile(t)
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`PRAGMA foreign_keys = OFF; DELETE FROM claims WHERE id = (SELECT claim_id FROM claim_history LIMIT 1)`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	err = openOutcome(path)
	if !errors.Is(err, app.ErrDamaged) || !strings.Contains(app.ErrorMessage(err), "has no claim") {
		t.Fatalf("got %v, want the board refused as damaged", err)
	}
}

// With the check deferred (the window), a damaged file opens; Verify then
// finds the damage, and from then on every write is refused, so nothing is
// written into a file known to be broken.
func TestDamaged_DeferredCheck(t *testing.T) {
	src := sampleFile(t)
	data, _ := os.ReadFile(src)
	found := 0
	for p := 1; p < len(data)/4096 && found < 3; p++ {
		b := append([]byte(nil), data...)
		copy(b[p*4096+100:p*4096+400], make([]byte, 300))
		path := filepath.Join(t.TempDir(), "late.evboard")
		os.WriteFile(path, b, 0o644)
		if db, err := Open(path, Options{}); err == nil {
			db.Close()
			continue // the damage fell where quick_check does not look
		}
		db, err := Open(path, Options{DeferCheck: true})
		if err != nil {
			continue // refused even without the check: also fine
		}
		found++
		err = db.Verify(context.Background())
		if !errors.Is(err, app.ErrDamaged) {
			t.Fatalf("page %d: Verify = %v, want damaged", p, err)
		}
		if err := db.MoveCard(context.Background(), "apple", 1, 2); !errors.Is(err, app.ErrDamaged) {
			t.Fatalf("page %d: a write after a failed Verify gave %v", p, err)
		}
		if _, err := db.Backup(context.Background(), app.BackupAuto); !errors.Is(err, app.ErrDamaged) {
			t.Fatalf("page %d: a backup of a board found damaged gave %v", p, err)
		}
		db.Close()
	}
	if found == 0 {
		t.Fatal("no damage was found only by the deferred check")
	}
	// A sound board verifies and takes edits.
	db, err := Open(sampleFile(t), Options{DeferCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Verify(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := db.MoveCard(context.Background(), "apple", 1, 2); err != nil {
		t.Fatal(err)
	}
}

// A board whose table has a column named to smuggle SQL into the undo
// triggers this program makes at open is refused as damaged, and the SQL
// never runs.
func TestDamaged_HostileColumnName(t *testing.T) {
	path := sampleFile(t)
	evil := filepath.Join(t.TempDir(), "evil.db")
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	name := `x"); ATTACH DATABASE '` + evil + `' AS e; --`
	if _, err := raw.Exec(`ALTER TABLE layout ADD COLUMN "` + strings.ReplaceAll(name, `"`, `""`) + `" TEXT`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	_, err = Open(path, Options{})
	if !errors.Is(err, app.ErrDamaged) || !strings.Contains(app.ErrorMessage(err), "this program does not make") {
		t.Fatalf("got %v, want the board refused as damaged", err)
	}
	if _, err := os.Stat(evil); !os.IsNotExist(err) {
		t.Fatalf("opening the board wrote %s", evil)
	}
}

// A table that lacks a column the program reads is damaged, in words.
func TestDamaged_MissingColumn(t *testing.T) {
	path := sampleFile(t)
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`PRAGMA foreign_keys = OFF; ALTER TABLE quotes DROP COLUMN location`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	_, err = Open(path, Options{ReadOnly: true})
	if !errors.Is(err, app.ErrDamaged) || !strings.Contains(app.ErrorMessage(err), "its quotes table lacks the column location") {
		t.Fatalf("got %v", err)
	}
}
