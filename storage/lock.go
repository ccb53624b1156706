package storage

import (
	"errors"
	"os"
	"syscall"

	"evidenceboard/app"
)

// fileLock holds an exclusive flock on the board file while it is open
// for editing, so that two writers never happen. flock locks are separate
// from the fcntl locks SQLite takes, and the descriptor is kept open until
// after SQLite closes the file: closing it earlier would drop SQLite's own
// fcntl locks, which belong to the process, not to the descriptor.
type fileLock struct{ f *os.File }

func lockFile(path string) (*fileLock, error) {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		if errors.Is(err, os.ErrPermission) {
			return nil, &app.Error{Code: app.EINVALID, Err: app.ErrReadOnly,
				Message: path + " cannot be changed here (the file or its folder is read-only); it can be opened read-only"}
		}
		return nil, app.Errorf(app.EINVALID, "%s cannot be opened: %v", path, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, &app.Error{Code: app.ECONFLICT, Message: path + ": " + app.ErrInUse.Error() + "; it can be opened read-only", Err: app.ErrInUse}
		}
		return nil, app.Errorf(app.EINTERNAL, "%s cannot be locked: %v", path, err)
	}
	return &fileLock{f: f}, nil
}

func (l *fileLock) release() {
	if l != nil && l.f != nil {
		syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
		l.f.Close()
		l.f = nil
	}
}

// ErrInUse is the cause of the ECONFLICT error Open returns for a board
// another process or window holds for editing; test for it with errors.Is.
var ErrInUse = app.ErrInUse
