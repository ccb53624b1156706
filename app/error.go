package app

import (
	"errors"
	"fmt"
)

// Error codes. Every error the services return carries one of these; the UI
// and the command line decide how to show an error from its code alone.
const (
	ECONFLICT = "conflict" // the action clashes with what is already there
	EINTERNAL = "internal" // a fault of the program or the machine
	EINVALID  = "invalid"  // the input is wrong; the message says how
	ENOTFOUND = "not_found"
)

// Causes that callers tell apart with errors.Is, beneath an *Error's code:
// what the window offers next depends on them (read-only, a backup).
var (
	// ErrInUse: the board is open for editing in another window or program.
	ErrInUse = errors.New("the board is open for editing in another window or program")
	// ErrReadOnly: the board cannot be written here (file or folder).
	ErrReadOnly = errors.New("the board cannot be written here")
	// ErrDamaged: SQLite finds the board file broken.
	ErrDamaged = errors.New("the board file is damaged")
)

// Error is the one error type of the domain. Message is written for the
// person using the program: plain words, no driver jargon.
type Error struct {
	Code    string
	Message string
	// Err is the underlying cause, kept for logs and errors.Is; it is never
	// shown in place of Message.
	Err error
}

func (e *Error) Error() string {
	if e.Message == "" && e.Err != nil {
		return e.Err.Error()
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err: the code of the first *Error in its
// chain, EINTERNAL for any other error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message for a person: the message of the first
// *Error in err's chain, or a generic sentence for any other error so that
// driver text never reaches the user unexplained.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Error()
	}
	return "Internal error: " + err.Error()
}
