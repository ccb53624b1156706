package app

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong with an interchange document, at a JSON path
// such as `quotes[3].speaker`; the whole document has the path `document`.
type Problem struct {
	Path    string
	Message string
}

func (p Problem) String() string { return p.Path + ": " + p.Message }

// ValidationError lists every problem found in a document. It is the cause
// (Err) of the EINVALID *Error that ParseDocument and ValidateDocument
// return; reach it with errors.As.
type ValidationError struct {
	Problems []Problem
}

func (e *ValidationError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// InvalidDocument returns the EINVALID error for a document with problems;
// its cause is a *ValidationError holding them all.
func InvalidDocument(problems []Problem) error {
	n := len(problems)
	msg := "the document has 1 problem: " + problems[0].String()
	if n > 1 {
		msg = fmt.Sprintf("the document has %d problems; the first: %s", n, problems[0])
	}
	return &Error{Code: EINVALID, Message: msg, Err: &ValidationError{Problems: problems}}
}

// problems collects problems while a document is checked.
type problems []Problem

func (ps *problems) add(path, format string, args ...any) {
	*ps = append(*ps, Problem{Path: path, Message: fmt.Sprintf(format, args...)})
}

func field(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func index(path string, i int) string { return fmt.Sprintf("%s[%d]", path, i) }
