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
	h, err := inspect(path)
	if err != nil {
		return nil, err
	}
	fi, walErr := os.Stat(path + "-wal")
	hasWAL := walErr == nil && fi.Size() > 0
	if int(h.userVersion) == len(migrations) && !hasWAL {
		opts := f.Options
		opts.ReadOnly, opts.snapshot = true, true
		return exportFrom(path, opts)
	}
	dir, err := os.MkdirTemp("", "evidenceboard-read-")
	if err != nil {
		return nil, app.Errorf(app.EINVALID, "%s cannot be read: no temporary folder to read it in: %v", path, err)
	}
	defer os.RemoveAll(dir)
	tmp := filepath.Join(dir, "board.evboard")
	if err := copyFile(path, tmp); err != nil {
		return nil, app.Errorf(app.EINVALID, "%s cannot be read: %v", path, err)
	}
	if hasWAL {
		if err := copyFile(path+"-wal", tmp+"-wal"); err != nil {
			return nil, app.Errorf(app.EINVALID, "%s cannot be read: %v", path, err)
		}
	}
	doc, err := exportFrom(tmp, f.Options)
	if err != nil {
		// Errors name the copy: name the file instead.
		return nil, &app.Error{Code: app.ErrorCode(err), Message: strings.ReplaceAll(app.ErrorMessage(err), tmp, path), Err: err}
	}
	return doc, nil
}

func exportFrom(path string, opts Options) (*app.Document, error) {
	db, err := Open(path, opts)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return db.Export(context.Background())
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
