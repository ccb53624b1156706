package storage

import (
	"errors"
	"os"

	"evidenceboard/app"
)

// fileLock holds an exclusive lock on the board file while it is open for
// editing, so that two writers never happen. The lock is one that SQLite's
// own locks do not see and that does not get in SQLite's way (flock on
// Unix, a far byte range on Windows: see lock_unix.go and lock_windows.go),
// and the file stays open until after SQLite closes it: on Unix closing it
// earlier would drop SQLite's own fcntl locks, which belong to the
// process, not to the descriptor.
type fileLock struct{ f *os.File }

func lockFile(path string) (*fileLock, error) {
	f, err := openForLock(path)
	if err != nil {
		if errors.Is(err, os.ErrPermission) {
			return nil, &app.Error{Code: app.EINVALID, Err: app.ErrReadOnly,
				Message: path + " cannot be changed here (the file or its folder is read-only); it can be opened read-only"}
		}
		return nil, app.Errorf(app.EINVALID, "%s cannot be opened: %v", path, err)
	}
	if err := lockExclusive(f); err != nil {
		f.Close()
		if heldElsewhere(err) {
			return nil, &app.Error{Code: app.ECONFLICT, Message: path + ": " + app.ErrInUse.Error() + "; it can be opened read-only", Err: app.ErrInUse}
		}
		return nil, app.Errorf(app.EINTERNAL, "%s cannot be locked: %v", path, err)
	}
	return &fileLock{f: f}, nil
}

func (l *fileLock) release() {
	if l != nil && l.f != nil {
		unlock(l.f)
		l.f.Close()
		l.f = nil
	}
}

// ErrInUse is the cause of the ECONFLICT error Open returns for a board
// another process or window holds for editing; test for it with errors.Is.
var ErrInUse = app.ErrInUse
