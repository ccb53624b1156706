package storage

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"io/fs"
	"os"

	"evidenceboard/app"
)

// ApplicationID marks a SQLite file as an Evidence Board ("EvBd" in ASCII),
// in the header's application_id field (PRAGMA application_id).
const ApplicationID = 0x45764264

var sqliteMagic = []byte("SQLite format 3\x00")

// fileHeader is what the first 100 bytes of a SQLite file say about it.
type fileHeader struct {
	applicationID uint32
	userVersion   uint32
}

// inspect reads the header of an existing board file without opening it
// with SQLite, so that a file that is not ours is refused before SQLite
// could touch it. It checks the path, the magic string, the application id
// and the schema version, and returns an *app.Error in plain words.
func inspect(path string) (fileHeader, error) {
	var h fileHeader
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return h, app.Errorf(app.ENOTFOUND, "there is no file at %s", path)
	case errors.Is(err, fs.ErrPermission):
		return h, app.Errorf(app.EINVALID, "%s cannot be read: permission denied", path)
	case err != nil:
		return h, app.Errorf(app.EINVALID, "%s cannot be read: %v", path, err)
	case fi.IsDir():
		return h, app.Errorf(app.EINVALID, "%s is a folder, not a board file", path)
	case !fi.Mode().IsRegular():
		return h, app.Errorf(app.EINVALID, "%s is not a regular file", path)
	case fi.Size() == 0:
		return h, app.Errorf(app.EINVALID, "%s is empty (0 bytes): it is not a board, or it was cut short", path)
	}
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return h, app.Errorf(app.EINVALID, "%s cannot be read: permission denied", path)
		}
		return h, app.Errorf(app.EINVALID, "%s cannot be read: %v", path, err)
	}
	defer f.Close()
	buf := make([]byte, 100)
	if _, err := io.ReadFull(f, buf); err != nil || !bytes.Equal(buf[:16], sqliteMagic) {
		return h, app.Errorf(app.EINVALID, "%s is not an Evidence Board file: it is not a SQLite database", path)
	}
	h.userVersion = binary.BigEndian.Uint32(buf[60:64])
	h.applicationID = binary.BigEndian.Uint32(buf[68:72])
	if h.applicationID != ApplicationID {
		return h, app.Errorf(app.EINVALID, "%s is a SQLite database of another program, not an Evidence Board file", path)
	}
	if h.userVersion > uint32(SchemaVersion) {
		return h, app.Errorf(app.EINVALID, "%s was saved by a newer Evidence Board (board format %d; this version reads up to %d): update Evidence Board to open it", path, h.userVersion, SchemaVersion)
	}
	return h, nil
}
