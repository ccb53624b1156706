package storage

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"

	"evidenceboard/app"
)

// ReadSnapshot implements app.SnapshotReader: it reads the board file at
// path as it is, writing nothing in its folder, which may be read-only.
//
// A board of the current schema with no write-ahead log beside it is read
// through SQLite's immutable mode, which makes no -wal or -shm file and
// takes no lock. A board of an older schema, or one with a write-ahead
// log (still open in a window, or left by a crash), is copied with its log
// into a private temporary folder and read from there, where SQLite may
// replay the log and the upgrade may run; the folder is removed after.
// The file at path is never changed. Errors as Open.
func (f Files) ReadSnapshot(path string) (*app.Document, error) {
	db, done, err := OpenSnapshot(path, f.Options)
	if err != nil {
		return nil, err
	}
	defer done()
	doc, err := db.Export(context.Background())
	if err != nil {
		return nil, db.nameOriginal(err)
	}
	return doc, nil
}

// OpenSnapshot opens the board file at path to read, as ReadSnapshot
// reads it: writing nothing in its folder (see ReadSnapshot). done closes
// the board and removes what reading it made. Errors as Open, naming path.
func OpenSnapshot(path string, opts Options) (db *DB, done func(), err error) {
	h, err := inspect(path)
	if err != nil {
		return nil, nil, err
	}
	fi, walErr := os.Stat(path + "-wal")
	hasWAL := walErr == nil && fi.Size() > 0
	if int(h.userVersion) == len(migrations) && !hasWAL {
		opts.ReadOnly, opts.snapshot = true, true
		db, err := Open(path, opts)
		if err != nil {
			return nil, nil, err
		}
		return db, func() { db.Close() }, nil
	}
	dir, err := os.MkdirTemp("", "evidenceboard-read-")
	if err != nil {
		return nil, nil, app.Errorf(app.EINVALID, "%s cannot be read: no temporary folder to read it in: %v", path, err)
	}
	tmp := filepath.Join(dir, "board.evboard")
	if err := copyFile(path, tmp); err != nil {
		os.RemoveAll(dir)
		return nil, nil, app.Errorf(app.EINVALID, "%s cannot be read: %v", path, err)
	}
	if hasWAL {
		if err := copyFile(path+"-wal", tmp+"-wal"); err != nil {
			os.RemoveAll(dir)
			return nil, nil, app.Errorf(app.EINVALID, "%s cannot be read: %v", path, err)
		}
	}
	db, err = Open(tmp, opts)
	if err != nil {
		os.RemoveAll(dir)
		// Errors name the copy: name the file instead.
		return nil, nil, &app.Error{Code: app.ErrorCode(err), Message: strings.ReplaceAll(app.ErrorMessage(err), tmp, path), Err: err}
	}
	db.original = path
	return db, func() { db.Close(); os.RemoveAll(dir) }, nil
}

// nameOriginal makes an error of a board read from a copy name the board.
func (db *DB) nameOriginal(err error) error {
	if db.original == "" || err == nil {
		return err
	}
	return &app.Error{Code: app.ErrorCode(err), Message: strings.ReplaceAll(app.ErrorMessage(err), db.path, db.original), Err: err}
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
