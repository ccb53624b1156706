//go:build unix

package storage

import (
	"errors"
	"os"
	"syscall"
)

// On Unix the lock is a flock on the whole file. flock locks are separate
// from the fcntl byte-range locks SQLite takes, so the two never meet;
// the descriptor must stay open until SQLite has closed the file (see
// fileLock).

func openForLock(path string) (*os.File, error) { return os.OpenFile(path, os.O_RDWR, 0) }

func lockExclusive(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
}

func heldElsewhere(err error) bool { return errors.Is(err, syscall.EWOULDBLOCK) }

func unlock(f *os.File) { syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }
