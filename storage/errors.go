package storage

import (
	"context"
	"errors"
	"fmt"
	"strings"

	sqlite "github.com/glebarez/go-sqlite"
	"gorm.io/gorm"

	"evidenceboard/app"
)

// SQLite result codes this package tells apart (the low byte of an
// extended code is the primary code).
const (
	sqliteBusy       = 5
	sqliteLocked     = 6
	sqliteNoMem      = 7
	sqliteReadOnly   = 8
	sqliteIOErr      = 10
	sqliteCorrupt    = 11
	sqliteFull       = 13
	sqliteCantOpen   = 14
	sqliteConstraint = 19
	sqliteNotADB     = 26

	sqliteConstraintCheck      = 275
	sqliteConstraintForeignKey = 787
	sqliteConstraintNotNull    = 1299
	sqliteConstraintPrimaryKey = 1555
	sqliteConstraintUnique     = 2067
)

// translate is the one place where driver and gorm errors become *app.Error
// values with plain words. Errors that already are *app.Error pass through.
func translate(err error) error {
	if err == nil {
		return nil
	}
	var ae *app.Error
	if errors.As(err, &ae) {
		return err
	}
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return &app.Error{Code: app.ENOTFOUND, Message: "not found", Err: err}
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return &app.Error{Code: app.EINTERNAL, Message: "the operation was cancelled", Err: err}
	}
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return &app.Error{Code: app.EINTERNAL, Message: "Internal error: " + err.Error(), Err: err}
	}
	code := se.Code()
	msg := func(code, format string, args ...any) error {
		return &app.Error{Code: code, Message: fmt.Sprintf(format, args...), Err: err}
	}
	because := func(cause error, code, message string) error {
		return &app.Error{Code: code, Message: message, Err: errors.Join(cause, err)}
	}
	switch code {
	case sqliteConstraintUnique, sqliteConstraintPrimaryKey:
		return msg(app.ECONFLICT, "that already exists on the board")
	case sqliteConstraintForeignKey:
		return msg(app.EINVALID, "it refers to an item that is not on the board")
	case sqliteConstraintCheck, sqliteConstraintNotNull:
		return msg(app.EINVALID, "a value is missing or not allowed")
	}
	switch code & 0xff {
	case sqliteBusy, sqliteLocked:
		return msg(app.ECONFLICT, "the board is busy in another program or window; try again in a moment")
	case sqliteReadOnly:
		return because(app.ErrReadOnly, app.EINVALID, "the board is read-only here: it cannot be changed (check the file's and the folder's permissions)")
	case sqliteFull:
		return msg(app.EINTERNAL, "the disk is full: the change was not saved, and the board is as it was before it")
	case sqliteIOErr:
		return msg(app.EINTERNAL, "the disk reported an error: the change was not saved (%s)", strings.TrimSpace(se.Error()))
	case sqliteCorrupt:
		return because(app.ErrDamaged, app.EINVALID, "the board file is damaged")
	case sqliteNotADB:
		return msg(app.EINVALID, "the file is not an Evidence Board file (it is not a SQLite database)")
	case sqliteCantOpen:
		// SQLite reports a new file in a folder it cannot write as
		// "out of memory (14)": code 14 is CANTOPEN, not memory.
		return msg(app.EINVALID, "the file cannot be opened or created here: check that the folder exists and can be written")
	case sqliteNoMem:
		return msg(app.EINTERNAL, "the computer ran out of memory")
	case sqliteConstraint:
		return msg(app.EINVALID, "the change breaks a rule of the board")
	}
	return msg(app.EINTERNAL, "Internal error: %s", se.Error())
}
