//go:build windows

package storage

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// On Windows there is no flock: LockFileEx locks byte ranges, and its
// locks are mandatory (a locked range cannot be read or written through
// any other handle, even one of this process). Locking the start of the
// board file, or all of it, would therefore block SQLite's own reads and
// its lock bytes (PENDING_BYTE at 1 GiB and the 512 bytes after it; in WAL
// mode the WAL locks live in the -shm file). So the lock covers one byte
// at 2^62, far past anything SQLite reads, writes or locks (its largest
// possible database is under 2^48 bytes); Windows allows locking beyond
// the end of a file. No sidecar file is needed, so none is left behind by
// a crash, and the lock goes when the handle closes or the process dies.
// A read-only opening takes no lock and never touches that byte, so
// export and check still work while a window holds the board.
//
// The handle is opened with FILE_SHARE_DELETE too, so that, as on Unix,
// holding the lock does not stop the file being renamed over (Restore
// does that while it holds the lock).
const (
	lockOffsetHigh = 1 << 30 // offset 2^62 = 2^30 << 32
	lockOffsetLow  = 0
	lockLength     = 1
)

func openForLock(path string) (*os.File, error) {
	name, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	h, err := windows.CreateFile(name, windows.GENERIC_READ|windows.GENERIC_WRITE,
		windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE|windows.FILE_SHARE_DELETE,
		nil, windows.OPEN_EXISTING, windows.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	return os.NewFile(uintptr(h), path), nil
}

func lockRange() *windows.Overlapped {
	return &windows.Overlapped{Offset: lockOffsetLow, OffsetHigh: lockOffsetHigh}
}

func lockExclusive(f *os.File) error {
	return windows.LockFileEx(windows.Handle(f.Fd()),
		windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, lockLength, 0, lockRange())
}

func heldElsewhere(err error) bool { return errors.Is(err, windows.ERROR_LOCK_VIOLATION) }

func unlock(f *os.File) { windows.UnlockFileEx(windows.Handle(f.Fd()), 0, lockLength, 0, lockRange()) }
