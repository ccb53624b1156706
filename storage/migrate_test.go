package storage

import (
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"evidenceboard/app"
)

// A made-up history of two schemas: version 1 keeps notes as one text
// column; version 2 splits out a table of tags and fills it from the notes.
var (
	fakeV1 = execAll(
		`CREATE TABLE board (id INTEGER PRIMARY KEY, title TEXT NOT NULL, description TEXT NOT NULL DEFAULT '', created TEXT NOT NULL, updated TEXT NOT NULL, url TEXT NOT NULL DEFAULT '', reviewer_name TEXT, reviewer_url TEXT, scale TEXT NOT NULL DEFAULT '')`,
		`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)`,
	)
	fakeV2 = execAll(
		`CREATE TABLE tags (note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE, tag TEXT NOT NULL)`,
		`INSERT INTO tags (note_id, tag) SELECT id, substr(body, 2, instr(body, ' ') - 2) FROM notes WHERE body LIKE '#%'`,
		`ALTER TABLE notes ADD COLUMN tagged INTEGER NOT NULL DEFAULT 0`,
		`UPDATE notes SET tagged = 1 WHERE id IN (SELECT note_id FROM tags)`,
	)
)

func makeOldBoard(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "old.evboard")
	db, err := Create(path, app.Board{Title: "Old"}, Options{migrations: []migration{fakeV1}})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.gdb.Exec(`INSERT INTO notes (body) VALUES ('#denied by Apple'), ('plain note')`).Error; err != nil {
		t.Fatal(err)
	}
	db.Close()
	return path
}

func TestMigrate_FromOlderSchema(t *testing.T) {
	path := makeOldBoard(t)
	db, err := Open(path, Options{migrations: []migration{fakeV1, fakeV2}})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, _ := db.userVersion(); v != 2 {
		t.Fatalf("user_version = %d, want 2", v)
	}
	var tags []string
	if err := db.gdb.Raw("SELECT tag FROM tags").Scan(&tags).Error; err != nil {
		t.Fatal(err)
	}
	var tagged int
	if err := db.gdb.Raw("SELECT count(*) FROM notes WHERE tagged = 1").Scan(&tagged).Error; err != nil {
		t.Fatal(err)
	}
	if len(tags) != 1 || tags[0] != "denied" || tagged != 1 {
		t.Fatalf("tags = %q, tagged = %d", tags, tagged)
	}
}

func TestMigrate_FailureLeavesOldVersion(t *testing.T) {
	path := makeOldBoard(t)
	broken := func(tx *gorm.DB) error {
		if err := fakeV2(tx); err != nil {
			return err
		}
		return errors.New("disk on fire")
	}
	_, err := Open(path, Options{migrations: []migration{fakeV1, broken}})
	wantCode(t, err, app.EINTERNAL, "upgrading the board to format 2 failed; the file is unchanged")

	db, err := Open(path, Options{migrations: []migration{fakeV1}})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, _ := db.userVersion(); v != 1 {
		t.Fatalf("user_version = %d, want 1", v)
	}
	var n int
	if err := db.gdb.Raw("SELECT count(*) FROM sqlite_master WHERE name = 'tags'").Scan(&n).Error; err != nil || n != 0 {
		t.Fatalf("half a migration is in the file (tags tables: %d, %v)", n, err)
	}
}

func TestMigrate_ReadOnlyRefusesOld(t *testing.T) {
	path := makeOldBoard(t)
	before := fileSum(t, path)
	_, err := Open(path, Options{ReadOnly: true, migrations: []migration{fakeV1, fakeV2}})
	wantCode(t, err, app.EINVALID, "must be upgraded")
	if fileSum(t, path) != before {
		t.Fatal("the file changed")
	}
}

// A board saved by the first schema opens in this one: its items keep every
// value, and the fields schema 2 added (scale, verdict, grades) can be set.
func TestMigrate_V1BoardGetsJudging(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v1.evboard")
	// The file is made as version 1 made it, in SQL: today's row types
	// have version 2's columns.
	gdb, err := gorm.Open(sqlite.Open(path), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	if err := migrations[0](gdb); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		fmt.Sprintf("PRAGMA application_id = %d", ApplicationID),
		"PRAGMA user_version = 1",
		`INSERT INTO board (id, title, created, updated) VALUES (1, 'Version 1', '2018-10-04T09:00:00Z', '2018-10-04T09:00:00Z')`,
		`INSERT INTO items (id, kind, seq) VALUES ('c1', 'claim', 1), ('p1', 'party', 2), ('s1', 'source', 3), ('q1', 'quote', 4)`,
		`INSERT INTO claims (id, statement, status) VALUES ('c1', 'Chips were implanted', 'alleged')`,
		`INSERT INTO claim_history (claim_id, seq, status, at, note) VALUES ('c1', 1, 'alleged', '2018-10-04T09:00:00Z', 'reported')`,
		`INSERT INTO parties (id, name, kind) VALUES ('p1', 'Apple', 'organisation')`,
		`INSERT INTO sources (id, title) VALUES ('s1', 'The Big Hack')`,
		`INSERT INTO quotes (id, text, speaker, source) VALUES ('q1', 'We are deeply disappointed', 'p1', 's1')`,
	} {
		if err := gdb.Exec(s).Error; err != nil {
			t.Fatal(err)
		}
	}
	if sqldb, err := gdb.DB(); err == nil {
		sqldb.Close()
	}

	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := t.Context()
	doc, err := db.Export(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c := doc.Claims[0]; c.Statement != "Chips were implanted" || len(c.History) != 1 || c.Verdict != nil {
		t.Fatalf("claim after upgrade = %+v", c)
	}
	if doc.Quotes[0].Credibility != 0 || doc.Parties[0].Reliability != "" || len(doc.Board.Scale) != 0 {
		t.Fatalf("upgrade invented grades: %+v %+v %+v", doc.Quotes[0], doc.Parties[0], doc.Board)
	}
	if _, err := db.SetClaimVerdict(ctx, "c1", &app.Verdict{Label: "Unproven", Note: "no one confirms it"}); err != nil {
		t.Fatal(err)
	}
	b := app.Reliability("B")
	if _, err := db.UpdateParty(ctx, "p1", app.PartyUpdate{Reliability: &b}); err != nil {
		t.Fatal(err)
	}
}
