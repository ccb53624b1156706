package storage

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"evidenceboard/app"
)

// Files implements app.Files on the file system.
type Files struct {
	Options Options
}

var _ app.Files = Files{}
var _ app.BoardFile = (*DB)(nil)

// Open implements app.Files.
func (f Files) Open(path string) (app.BoardFile, error) {
	db, err := Open(path, f.Options)
	if err != nil {
		return nil, err
	}
	return db, nil
}

// OpenReadOnly implements app.Files.
func (f Files) OpenReadOnly(path string) (app.BoardFile, error) {
	opts := f.Options
	opts.ReadOnly = true
	db, err := Open(path, opts)
	if err != nil {
		return nil, err
	}
	return db, nil
}

// Backups implements app.Files.
func (f Files) Backups(path string) ([]app.Backup, error) { return ListBackups(path) }

// Restore implements app.Files.
func (f Files) Restore(path, backup string) error { return Restore(path, backup, f.Options) }

// Create implements app.Files.
func (f Files) Create(path string, board app.Board) (app.BoardFile, error) {
	var db *DB
	err := WriteNew(path, false, board, f.Options, func(*DB) error { return nil })
	if err == nil {
		db, err = Open(path, f.Options)
	}
	if err != nil {
		return nil, err
	}
	return db, nil
}

// Import implements app.Files.
func (f Files) Import(path string, doc *app.Document, force bool) error {
	return WriteNew(path, force, doc.Board, f.Options, func(db *DB) error {
		return db.Import(context.Background(), doc)
	})
}

// SaveCopy implements app.BoardFile with VACUUM INTO, which writes a
// consistent, compacted copy through SQLite; the copy goes to a temporary
// name first and is renamed into place when whole. Its undo history goes
// with it.
func (db *DB) SaveCopy(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err == nil {
		return app.Errorf(app.ECONFLICT, "%s already exists", path)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return app.Errorf(app.EINVALID, "%s cannot be used: %v", path, err)
	}
	return db.copyTo(ctx, path)
}

// copyTo writes the board to path with VACUUM INTO through a temporary
// file in the same folder, renamed over path when whole. A -wal or -shm
// beside path belongs to the file replaced, so it goes first.
func (db *DB) copyTo(ctx context.Context, path string) error {
	dir := filepath.Dir(path)
	tmp := filepath.Join(dir, "."+filepath.Base(path)+".copy-tmp")
	removeBoardFiles(tmp)
	if err := db.read(ctx).Exec("VACUUM INTO ?", tmp).Error; err != nil {
		removeBoardFiles(tmp)
		return describeOpenError(path, err)
	}
	if err := syncFile(tmp); err != nil {
		removeBoardFiles(tmp)
		return app.Errorf(app.EINTERNAL, "writing %s failed: %v", path, err)
	}
	os.Remove(path + "-wal")
	os.Remove(path + "-shm")
	if err := os.Rename(tmp, path); err != nil {
		removeBoardFiles(tmp)
		return app.Errorf(app.EINTERNAL, "cannot put the copy in place at %s: %v", path, err)
	}
	_ = syncFile(dir)
	return nil
}
