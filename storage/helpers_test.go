package storage

import (
	"context"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"evidenceboard/app"
	"evidenceboard/assets"
)

// testClock is a clock that moves on one second at each reading.
type testClock struct{ t time.Time }

func (c *testClock) now() time.Time {
	c.t = c.t.Add(time.Second)
	return c.t
}

func newClock() *testClock {
	return &testClock{t: time.Date(2024, 5, 1, 12, 0, 0, 0, time.FixedZone("CEST", 2*3600))}
}

// MustCreateDB makes a new, empty board in a temp dir and closes it with
// the test.
func MustCreateDB(tb testing.TB) *DB {
	tb.Helper()
	db, err := Create(filepath.Join(tb.TempDir(), "board.evboard"), app.Board{Title: "Test board"}, Options{Now: newClock().now})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// MustSampleDB returns a board holding the built-in sample.
func MustSampleDB(tb testing.TB) *DB {
	tb.Helper()
	db := MustCreateDB(tb)
	doc, _, err := app.ParseDocument(assets.SampleJSON)
	if err != nil {
		tb.Fatal(err)
	}
	if err := db.Import(context.Background(), doc); err != nil {
		tb.Fatal(err)
	}
	return db
}

func fileSum(tb testing.TB, path string) [32]byte {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return sha256.Sum256(data)
}

func wantCode(tb testing.TB, err error, code, msg string) {
	tb.Helper()
	if got := app.ErrorCode(err); got != code {
		tb.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
	if !strings.Contains(app.ErrorMessage(err), msg) {
		tb.Fatalf("error message = %q, want it to contain %q", app.ErrorMessage(err), msg)
	}
}
