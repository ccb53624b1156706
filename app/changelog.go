package app

import (
	"context"
	"encoding/json"
	"os"
	"os/user"
	"strings"
	"time"
)

// The change log. Every user action is one Step: a label, an author, a
// time and the Changes it made. The store writes the step in the same
// transaction as the edit, keeps it in the board, and undoes or redoes it
// by applying its changes backwards or forwards as a new transaction.
// docs/change-format.md is the public description of a Change.

// Step is one user action in a board's change log.
type Step struct {
	// Seq numbers the steps in the order they were made, from 1.
	Seq    int64     `json:"step"`
	Label  string    `json:"label"`
	Author string    `json:"author"`
	At     time.Time `json:"at"`
	// Undone is set while the step is undone.
	Undone  bool     `json:"undone"`
	Changes []Change `json:"changes"`
}

// The operations of a Change.
const (
	OpCreate = "create"
	OpUpdate = "update"
	OpDelete = "delete"
	OpStatus = "status"
	OpLink   = "link"
	OpUnlink = "unlink"
	OpMove   = "move"
)

// KindBoard names the board's own record in an update ("kind": "board",
// no id).
const KindBoard Kind = "board"

// Change is one change to one item, in the change format: which fields
// depend on Op (see docs/change-format.md). Values of Item, Set and Before
// are as the interchange format writes the item's fields.
type Change struct {
	Op   string `json:"op"`
	Kind Kind   `json:"kind,omitempty"`
	ID   string `json:"id,omitempty"`
	// Item is the whole item of a create, or of a delete in a log.
	Item json.RawMessage `json:"item,omitempty"`
	// Set and Before hold the fields an update changes, with their values
	// after and before it.
	Set    map[string]json.RawMessage `json:"set,omitempty"`
	Before map[string]json.RawMessage `json:"before,omitempty"`
	// A status change.
	Status Status  `json:"status,omitempty"`
	Note   *string `json:"note,omitempty"`
	At     string  `json:"at,omitempty"`
	// A link or unlink.
	From     string   `json:"from,omitempty"`
	To       string   `json:"to,omitempty"`
	Relation Relation `json:"relation,omitempty"`
	// A move.
	X *float64 `json:"x,omitempty"`
	Y *float64 `json:"y,omitempty"`

	// What a delete took with it, in a log: the item's links, its
	// position, its status history and the quotes it was cleared from.
	Links    []Link         `json:"links,omitempty"`
	Position *Point         `json:"position,omitempty"`
	History  []StatusChange `json:"history,omitempty"`
	Cleared  []Cleared      `json:"cleared,omitempty"`
}

// Cleared is a quote whose speaker or source a delete cleared, with the
// field ("speaker", "source" or "anchor").
type Cleared struct {
	Quote string `json:"quote"`
	Field string `json:"field"`
}

// Items returns the ids of the items the change names.
func (c Change) Items() []string {
	switch c.Op {
	case OpLink, OpUnlink:
		return []string{c.From, c.To}
	case OpUpdate:
		if c.Kind == KindBoard {
			return nil
		}
	}
	if c.ID != "" {
		return []string{c.ID}
	}
	return nil
}

// LogFilter selects steps of a change log; empty fields match anything.
type LogFilter struct {
	// Item keeps the steps that changed the item with this id.
	Item string
	// Limit keeps the newest Limit steps; 0 is no limit.
	Limit int
}

// ChangeLogService reads the change log and applies changes.
type ChangeLogService interface {
	// Log returns the steps that match filter, oldest first, undone ones
	// included (with Undone set).
	Log(ctx context.Context, filter LogFilter) ([]Step, error)

	// Apply applies changes as one step named label, by the author of ctx,
	// all or nothing, and returns the step.
	// Returns EINVALID, whose cause is a *ValidationError listing every
	// problem with its path (changes[3].set.reliability), if a change is
	// malformed, names an unknown item or a field its kind does not have,
	// or breaks a rule of the format; ECONFLICT, listed the same way, if a
	// change's before no longer holds (naming who changed the field last).
	Apply(ctx context.Context, label string, changes []Change) (Step, error)
}

type authorKey struct{}

// WithAuthor returns ctx carrying the name of the person whose edits the
// store records, and whose edits Undo and Redo take back.
func WithAuthor(ctx context.Context, name string) context.Context {
	return context.WithValue(ctx, authorKey{}, strings.TrimSpace(name))
}

// AuthorFrom returns the author ctx carries, "" if none.
func AuthorFrom(ctx context.Context) string {
	s, _ := ctx.Value(authorKey{}).(string)
	return s
}

// MaxAuthor is the longest author name, in characters.
const MaxAuthor = 200

// AccountName is the operating system's name for the person running the
// program, the author of a local board's edits when none is given.
func AccountName() string {
	if u, err := user.Current(); err == nil {
		if n := strings.TrimSpace(u.Name); n != "" && !strings.ContainsAny(n, ",") {
			return n
		}
		if u.Username != "" {
			// Windows gives DOMAIN\name.
			return u.Username[strings.LastIndex(u.Username, `\`)+1:]
		}
	}
	for _, v := range []string{"USER", "USERNAME", "LOGNAME"} {
		if s := os.Getenv(v); s != "" {
			return s
		}
	}
	return "unknown"
}
