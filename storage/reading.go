package storage

import "evidenceboard/app"

// OpenForReading opens a board to read it, such as to export or check it,
// so that it may be open in a window meanwhile; a board of an older
// format is upgraded first.
//
// A read-only connection cannot replay a write-ahead log left by a crash;
// then the board is opened for editing, which replays it, and is only
// read. Errors as Open.
func OpenForReading(path string) (*DB, error) {
	db, err := Open(path, Options{ReadOnly: true})
	if err == nil || app.ErrorCode(err) == app.ENOTFOUND {
		return db, err
	}
	if rw, err2 := Open(path, Options{}); err2 == nil {
		return rw, nil
	}
	return nil, err
}
