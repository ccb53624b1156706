package app

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes a file whole or not at all: write fills a
// temporary file in the same folder, which is synced and renamed over path
// only if write and every step after it succeed. Otherwise path is left as
// it was and the temporary file is removed.
func WriteFileAtomic(path string, write func(w io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	RemoveStaleTemps(path)
	tmp := TempPath(path)
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return Errorf(EINVALID, "the folder %s does not exist", dir)
		case errors.Is(err, fs.ErrPermission):
			return Errorf(EINVALID, "cannot write in the folder %s: permission denied", dir)
		}
		return &Error{Code: EINVALID, Message: "cannot write in the folder " + dir + ": " + err.Error(), Err: err}
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err := write(f); err != nil {
		return writeError(path, err)
	}
	if err := f.Sync(); err != nil {
		return writeError(path, err)
	}
	if err := f.Close(); err != nil {
		return writeError(path, err)
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return Errorf(EINVALID, "%s is a folder", path)
	}
	if err := os.Rename(tmp, path); err != nil {
		return writeError(path, err)
	}
	return nil
}

func writeError(path string, err error) error {
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	return &Error{Code: EINTERNAL, Message: "writing " + path + " failed, and it was left as it was: " + err.Error(), Err: err}
}
