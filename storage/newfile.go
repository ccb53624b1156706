package storage

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"evidenceboard/app"
)

// WriteNew makes a new board file at path, all or nothing: it builds the
// board in a temporary file in the same folder, lets fill add to it, closes
// it and renames it into place. On any error nothing is left behind and
// whatever was at path is untouched.
//
// Returns ECONFLICT if path exists and force is false, EINVALID if path is a
// folder or the folder cannot be written, and fill's errors as they are.
func WriteNew(path string, force bool, board app.Board, opts Options, fill func(*DB) error) (err error) {
	fi, statErr := os.Stat(path)
	switch {
	case statErr == nil && fi.IsDir():
		return app.Errorf(app.EINVALID, "%s is a folder", path)
	case statErr == nil && !force:
		return app.Errorf(app.ECONFLICT, "%s already exists (use --force to replace it)", path)
	case statErr != nil && !errors.Is(statErr, fs.ErrNotExist):
		return app.Errorf(app.EINVALID, "%s cannot be used: %v", path, statErr)
	}
	dir := filepath.Dir(path)
	if di, err := os.Stat(dir); err != nil || !di.IsDir() {
		return app.Errorf(app.EINVALID, "the folder %s does not exist", dir)
	}
	app.RemoveStaleTemps(path)
	tmp := app.TempPath(path)
	f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return app.Errorf(app.EINVALID, "cannot write in the folder %s: permission denied", dir)
		}
		return app.Errorf(app.EINVALID, "cannot write in the folder %s: %v", dir, err)
	}
	f.Close()
	os.Remove(tmp) // Create wants the path free; the probe above proved the folder writable
	defer func() {
		if err != nil {
			removeBoardFiles(tmp)
		}
	}()
	db, err := Create(tmp, board, opts)
	if err != nil {
		return err
	}
	if err := fill(db); err != nil {
		db.Close()
		return err
	}
	if err := db.Close(); err != nil {
		return err
	}
	if err := syncFile(tmp); err != nil {
		return app.Errorf(app.EINTERNAL, "writing %s failed: %v", path, err)
	}
	// A -wal or -shm beside the old file belongs to it, not to the new one.
	os.Remove(path + "-wal")
	os.Remove(path + "-shm")
	if err := os.Rename(tmp, path); err != nil {
		return app.Errorf(app.EINTERNAL, "cannot put the new board in place at %s: %v", path, err)
	}
	_ = syncFile(dir)
	return nil
}

func removeBoardFiles(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + suffix)
	}
}

func syncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}
