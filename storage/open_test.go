package storage

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	_ "github.com/glebarez/go-sqlite"

	"evidenceboard/app"
)

// rawExec runs statements on a file with a plain SQLite connection, outside
// this package's rules, to make files the app must cope with.
func rawExec(t *testing.T, path string, stmts ...string) {
	t.Helper()
	conn, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, s := range stmts {
		if _, err := conn.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

func TestOpen_Refused(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	foreign := filepath.Join(dir, "foreign.sqlite")
	rawExec(t, foreign, "CREATE TABLE notes (body TEXT)", "INSERT INTO notes VALUES ('hello')", "PRAGMA application_id = 1234")
	plain := filepath.Join(dir, "plain.sqlite")
	rawExec(t, plain, "CREATE TABLE t (x)")
	newer := filepath.Join(dir, "newer.evboard")
	db, err := Create(newer, app.Board{Title: "From the future"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	rawExec(t, newer, "PRAGMA user_version = 99")

	header := append([]byte("SQLite format 3\x00"), make([]byte, 200)...)
	tests := []struct {
		name, path, code, msg string
	}{
		{"ErrMissing", filepath.Join(dir, "nope.evboard"), app.ENOTFOUND, "there is no file at"},
		{"ErrFolder", dir, app.EINVALID, "is a folder"},
		{"ErrEmpty", write("empty.evboard", nil), app.EINVALID, "is empty (0 bytes)"},
		{"ErrText", write("notes.txt", []byte("Dear diary, this is not a board.\n")), app.EINVALID, "not a SQLite database"},
		{"ErrShort", write("short.evboard", []byte("SQLite format 3\x00")), app.EINVALID, "not a SQLite database"},
		{"ErrBadBody", write("bad.evboard", header), app.EINVALID, "another program"},
		{"ErrForeign", foreign, app.EINVALID, "SQLite database of another program"},
		{"ErrPlainSQLite", plain, app.EINVALID, "SQLite database of another program"},
		{"ErrNewer", newer, app.EINVALID, "newer Evidence Board (board format 99; this version reads up to " + strconv.Itoa(SchemaVersion) + ")"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before [32]byte
			fi, statErr := os.Stat(tt.path)
			if statErr == nil && !fi.IsDir() {
				before = fileSum(t, tt.path)
			}
			db, err := Open(tt.path, Options{})
			if err == nil {
				db.Close()
				t.Fatal("Open succeeded")
			}
			wantCode(t, err, tt.code, tt.msg)
			if statErr == nil && !fi.IsDir() {
				if fileSum(t, tt.path) != before {
					t.Fatal("the file changed")
				}
				for _, s := range []string{"-wal", "-shm", "-journal"} {
					if _, err := os.Stat(tt.path + s); err == nil {
						t.Fatalf("Open left %s behind", tt.path+s)
					}
				}
			} else if _, err := os.Stat(tt.path); statErr != nil && err == nil {
				t.Fatal("Open created the missing file")
			}
		})
	}
}

func TestCreate_Unwritable(t *testing.T) {
	// /proc refuses new files even to root, so this holds under CI too.
	_, err := Create("/proc/board.evboard", app.Board{Title: "x"}, Options{})
	wantCode(t, err, app.EINVALID, "cannot be opened or created here")

	err = WriteNew("/proc/board.evboard", false, app.Board{Title: "x"}, Options{}, func(*DB) error { return nil })
	wantCode(t, err, app.EINVALID, "cannot write in the folder /proc")

	err = WriteNew(filepath.Join(t.TempDir(), "no", "such", "b.evboard"), false, app.Board{Title: "x"}, Options{}, func(*DB) error { return nil })
	wantCode(t, err, app.EINVALID, "does not exist")
}

func TestCreate_FilePragmas(t *testing.T) {
	db := MustCreateDB(t)
	var fk, appID, version int
	var mode string
	for _, q := range []struct {
		sql  string
		dest any
	}{{"PRAGMA foreign_keys", &fk}, {"PRAGMA application_id", &appID}, {"PRAGMA user_version", &version}, {"PRAGMA journal_mode", &mode}} {
		if err := db.gdb.Raw(q.sql).Scan(q.dest).Error; err != nil {
			t.Fatal(err)
		}
	}
	if fk != 1 || appID != ApplicationID || version != SchemaVersion || mode != "wal" {
		t.Fatalf("foreign_keys=%d application_id=%d user_version=%d journal_mode=%s", fk, appID, version, mode)
	}
	if got := db.sqldb.Stats().MaxOpenConnections; got != 1 {
		t.Fatalf("MaxOpenConnections = %d, want 1", got)
	}
}

func TestOpen_ReopenKeepsEverything(t *testing.T) {
	db := MustSampleDB(t)
	ctx := context.Background()
	want, err := db.Export(ctx)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	db2, err := Open(db.Path(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	got, err := db2.Export(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !sameJSON(t, got, want) {
		t.Fatal("the board changed across close and open")
	}
}

func TestWriteNew(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "b.evboard")
	fill := func(title string) func(*DB) error {
		return func(db *DB) error {
			_, err := db.UpdateBoard(context.Background(), app.BoardUpdate{Title: &title})
			return err
		}
	}
	if err := WriteNew(path, false, app.Board{Title: "one"}, Options{}, fill("first")); err != nil {
		t.Fatal(err)
	}
	before := fileSum(t, path)
	t.Run("ErrExists", func(t *testing.T) {
		err := WriteNew(path, false, app.Board{Title: "two"}, Options{}, fill("second"))
		wantCode(t, err, app.ECONFLICT, "already exists (use --force")
		if fileSum(t, path) != before {
			t.Fatal("the existing file changed")
		}
	})
	t.Run("ErrFillFails", func(t *testing.T) {
		err := WriteNew(path, true, app.Board{Title: "two"}, Options{}, func(*DB) error { return app.Errorf(app.EINVALID, "boom") })
		wantCode(t, err, app.EINVALID, "boom")
		if fileSum(t, path) != before {
			t.Fatal("the existing file changed")
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 1 {
			t.Fatalf("left behind: %v", entries)
		}
	})
	t.Run("Force", func(t *testing.T) {
		if err := WriteNew(path, true, app.Board{Title: "two"}, Options{}, fill("second")); err != nil {
			t.Fatal(err)
		}
		db, err := Open(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		b, _ := db.Board(context.Background())
		if b.Title != "second" {
			t.Fatalf("title = %q", b.Title)
		}
	})
}
