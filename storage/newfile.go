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
// A board that is there and open for editing elsewhere (another window or
// program holds its lock) is never replaced, even with force: its lock is
// taken before anything is done and held across the rename, so that
// nobody opens it meanwhile, and its -wal and -shm are left alone.
//
// Returns ECONFLICT if path exists and force is false, ECONFLICT wrapping
// app.ErrInUse if it is open for editing elsewhere, EINVALID if path is a
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
	if statErr == nil {
		lock, err := lockToReplace(path)
		if err != nil {
			return err
		}
		defer lock.release() // after the rename: the old file is nobody's until then
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

// lockToReplace takes the lock of the file at path, which is about to be
// replaced. A file this process cannot open for writing cannot be open for
// editing anywhere either (Open would refuse it), so it needs no lock.
func lockToReplace(path string) (*fileLock, error) {
	lock, err := lockFile(path)
	switch {
	case err == nil:
		return lock, nil
	case errors.Is(err, app.ErrInUse):
		return nil, &app.Error{Code: app.ECONFLICT, Err: app.ErrInUse,
			Message: path + " is open for editing elsewhere (in another window or program), so it was not replaced: close it there first"}
	case errors.Is(err, app.ErrReadOnly):
		return nil, nil
	}
	return nil, err
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
