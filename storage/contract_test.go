package storage

import (
	"context"
	"path/filepath"
	"testing"

	"evidenceboard/app"
	"evidenceboard/app/storetest"
)

// The SQLite store keeps the store contract.
func TestStoreContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T, doc *app.Document) app.Store {
		db, err := Create(filepath.Join(t.TempDir(), "board.evboard"), doc.Board, Options{Now: newClock().now})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		if err := db.Import(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		return db
	})
}
