package app

import (
	"context"
	"time"
)

// Store is everything a board file offers. The storage package implements it
// over SQLite; the UI and the command line use it through this interface.
//
// Every method that changes the board commits its change before it returns,
// as one transaction: when a method returns nil, the change is on disk.
// Methods return *Error values; any error without a code is EINTERNAL.
type Store interface {
	BoardService
	SourceService
	PartyService
	ClaimService
	QuoteService
	LinkService
	LayoutService
	PinService
	UndoService
	ChangeLogService
	ExerciseService
	ExerciseKeyService
}

// ExerciseService reads and changes the exercise record of a board handed
// out to students (see MakeExercise).
type ExerciseService interface {
	// Exercise returns the board's exercise record, nil if it is no
	// exercise.
	Exercise(ctx context.Context) (*Exercise, error)

	// SetStudent gives the exercise the student's name, as one edit.
	// Returns EINVALID if the name is empty or too long, or the board is
	// no exercise.
	SetStudent(ctx context.Context, name string) (*Exercise, error)
}

// Point is a place on the board, in board units. The Create methods and
// PinQuote take a *Point for where a new card goes: nil leaves the card to
// the program's placing.
type Point struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
}

// BoardService reads and edits the board's own record and moves whole
// documents in and out.
type BoardService interface {
	// Board returns the board's record.
	Board(ctx context.Context) (*Board, error)

	// UpdateBoard changes the fields set in upd.
	// Returns EINVALID if the title would be empty, a field is too long,
	// the scale is malformed (see ValidateScale), or the new scale lacks a
	// label that a claim's verdict uses (the message names the claim).
	UpdateBoard(ctx context.Context, upd BoardUpdate) (*Board, error)

	// Stats counts the board's items.
	Stats(ctx context.Context) (*Stats, error)

	// Import fills an empty board from doc, keeping its ids, values and
	// order. doc must have passed ValidateDocument.
	// Returns ECONFLICT if the board already holds items, and EINVALID if
	// doc breaks a rule the database enforces.
	Import(ctx context.Context, doc *Document) error

	// Export returns the whole board as an interchange document, with times
	// in UTC and arrays in the order they were imported or created.
	Export(ctx context.Context) (*Document, error)
}

// BoardUpdate holds the board fields to change; nil fields stay as they are.
type BoardUpdate struct {
	Title       *string
	Description *string
	URL         *string
	Reviewer    *Reviewer
	// Scale replaces the rating scale; an empty one restores DefaultScale.
	Scale *[]ScaleStep
}

// SourceService finds and changes sources.
type SourceService interface {
	// FindSourceByID returns the source with that id.
	// Returns ENOTFOUND if there is none.
	FindSourceByID(ctx context.Context, id string) (*Source, error)

	// FindSources returns the sources that match filter, in board order,
	// and how many match in all (ignoring Offset and Limit).
	FindSources(ctx context.Context, filter ItemFilter) ([]*Source, int, error)

	// CreateSource adds s, with its card at at (see Point), as one edit;
	// an empty s.ID gets a fresh id, set on s.
	// Returns EINVALID if the title is empty, a field is malformed or at is
	// outside the board, and ECONFLICT if s.ID is already taken by any item.
	CreateSource(ctx context.Context, s *Source, at *Point) error

	// UpdateSource changes the fields set in upd. When the text changes,
	// the anchors of its quotes are found again in the new text (see
	// Reanchor); an anchor whose words are gone is removed.
	// Returns ENOTFOUND if there is no such source, EINVALID as CreateSource.
	UpdateSource(ctx context.Context, id string, upd SourceUpdate) (*Source, error)

	// DeleteSource removes the source, its links and its card position;
	// quotes from it keep their words and lose their source and anchor.
	// Returns ENOTFOUND if there is no such source.
	DeleteSource(ctx context.Context, id string) error
}

// SourceUpdate holds the source fields to change; nil fields stay.
type SourceUpdate struct {
	Title, Publisher, Author, URL, Published, Retrieved, Text, Notes *string
	Reliability                                                      *Reliability
}

// PartyService finds and changes parties.
type PartyService interface {
	// FindPartyByID returns the party with that id.
	// Returns ENOTFOUND if there is none.
	FindPartyByID(ctx context.Context, id string) (*Party, error)

	// FindParties returns the parties that match filter, in board order,
	// and how many match in all.
	FindParties(ctx context.Context, filter ItemFilter) ([]*Party, int, error)

	// CreateParty adds p, with its card at at (see Point), as one edit;
	// an empty p.ID gets a fresh id, set on p.
	// Returns EINVALID if the name is empty, the kind unknown or at outside
	// the board, and ECONFLICT if p.ID is already taken by any item.
	CreateParty(ctx context.Context, p *Party, at *Point) error

	// UpdateParty changes the fields set in upd.
	// Returns ENOTFOUND if there is no such party, EINVALID as CreateParty.
	UpdateParty(ctx context.Context, id string, upd PartyUpdate) (*Party, error)

	// DeleteParty removes the party, its links and its card position;
	// quotes it spoke keep their words and lose their speaker.
	// Returns ENOTFOUND if there is no such party.
	DeleteParty(ctx context.Context, id string) error
}

// PartyUpdate holds the party fields to change; nil fields stay.
type PartyUpdate struct {
	Name        *string
	Kind        *PartyKind
	Notes       *string
	Reliability *Reliability
}

// ClaimService finds and changes claims.
type ClaimService interface {
	// FindClaimByID returns the claim with that id and its history.
	// Returns ENOTFOUND if there is none.
	FindClaimByID(ctx context.Context, id string) (*Claim, error)

	// FindClaims returns the claims that match filter, in board order, with
	// their history, and how many match in all.
	FindClaims(ctx context.Context, filter ItemFilter) ([]*Claim, int, error)

	// CreateClaim adds c, with its card at at (see Point), as one edit; an
	// empty c.ID gets a fresh id, set on c. When c.History is empty, one
	// entry for the initial status is recorded at the store's clock.
	// Returns EINVALID if the statement is empty, the status unknown, the
	// history inconsistent or at outside the board, and ECONFLICT if c.ID
	// is already taken.
	CreateClaim(ctx context.Context, c *Claim, at *Point) error

	// UpdateClaim changes the statement and notes set in upd; the status
	// only changes through SetClaimStatus, so that history is kept.
	// Returns ENOTFOUND if there is no such claim, EINVALID as CreateClaim.
	UpdateClaim(ctx context.Context, id string, upd ClaimUpdate) (*Claim, error)

	// SetClaimStatus records change in the claim's history, even if the
	// status is unchanged (a note on a confirmation of the same status is
	// history too). A zero change.At is the store's clock; an earlier time
	// back-dates the change (a denial entered when it was made, not when
	// it was typed): it goes into the history in time order, after the
	// entries of the same time, and the claim's status becomes that of the
	// history's last entry, which is not this one if it was back-dated
	// before another.
	// Returns ENOTFOUND if there is no such claim, EINVALID if the status is
	// unknown, the note too long, or change.At after the store's clock.
	SetClaimStatus(ctx context.Context, id string, change StatusChange) (*Claim, error)
	// SetClaimVerdict gives the claim verdict v, replacing any it had, or
	// removes its verdict if v is nil. A zero v.At is the store's clock.
	// Returns ENOTFOUND if there is no such claim, EINVALID if v's label is
	// not on the board's rating scale, its note is too long, or v.At is
	// after the store's clock.
	SetClaimVerdict(ctx context.Context, id string, v *Verdict) (*Claim, error)

	// DeleteClaim removes the claim, its history, links and card position.
	// Returns ENOTFOUND if there is no such claim.
	DeleteClaim(ctx context.Context, id string) error
}

// ClaimUpdate holds the claim fields to change; nil fields stay.
type ClaimUpdate struct {
	Statement *string
	Notes     *string
	// Since dates the claim's first status anew (when it was first
	// alleged, denied or left unconfirmed), by the rules of Redate; it
	// cannot be after now.
	Since *time.Time
}

// QuoteService finds and changes quotes.
type QuoteService interface {
	// FindQuoteByID returns the quote with that id.
	// Returns ENOTFOUND if there is none.
	FindQuoteByID(ctx context.Context, id string) (*Quote, error)

	// FindQuotes returns the quotes that match filter, in board order, and
	// how many match in all.
	FindQuotes(ctx context.Context, filter ItemFilter) ([]*Quote, int, error)

	// CreateQuote adds q, with its card at at (see Point), as one edit; an
	// empty q.ID gets a fresh id, set on q.
	// Returns EINVALID if the text is empty, the speaker is not a party, the
	// source is not a source, the anchor does not fit the source's text or
	// at is outside the board, and ECONFLICT if q.ID is already taken.
	CreateQuote(ctx context.Context, q *Quote, at *Point) error

	// UpdateQuote changes the fields set in upd.
	// Returns ENOTFOUND if there is no such quote, EINVALID as CreateQuote.
	UpdateQuote(ctx context.Context, id string, upd QuoteUpdate) (*Quote, error)

	// DeleteQuote removes the quote, its links and its card position.
	// Returns ENOTFOUND if there is no such quote.
	DeleteQuote(ctx context.Context, id string) error
}

// QuoteUpdate holds the quote fields to change; nil fields stay. An empty
// Speaker or Source clears it; ClearAnchor removes the anchor.
type QuoteUpdate struct {
	Text, Speaker, Source, Said, Location, Notes *string
	Anchor                                       *Anchor
	ClearAnchor                                  bool
	// Credibility sets the quote's grade; 0 removes it.
	Credibility *int
}

// LinkService finds, makes and removes links.
type LinkService interface {
	// FindLinks returns the links that match filter, in board order.
	FindLinks(ctx context.Context, filter LinkFilter) ([]*Link, error)

	// CreateLink adds l.
	// Returns ENOTFOUND if either end does not exist, EINVALID if the
	// relation is not allowed between the kinds at its ends (the message
	// says which are), and ECONFLICT if the same link already exists.
	CreateLink(ctx context.Context, l *Link) error

	// DeleteLink removes the link from, to, relation.
	// Returns ENOTFOUND if there is no such link.
	DeleteLink(ctx context.Context, from, to string, relation Relation) error
}

// LinkFilter selects links; empty fields match anything. Item matches links
// with that item at either end.
type LinkFilter struct {
	Item     string
	From     string
	To       string
	Relation Relation
}

// LayoutService places cards.
type LayoutService interface {
	// Positions returns every stored card position, in board order. Items
	// with no stored position are placed by the program.
	Positions(ctx context.Context) ([]Position, error)

	// MoveCard stores the position of the item's card.
	// Returns ENOTFOUND if there is no such item, EINVALID if x or y is not
	// a finite number within the board's limits.
	MoveCard(ctx context.Context, id string, x, y float64) error

	// ArrangeCards stores all the given card positions as one edit: one
	// transaction and one undo step named "Arrange board". Items not named
	// keep their positions. Returns EINVALID if a position is not a finite
	// point within the board's limits, and ENOTFOUND if an item does not
	// exist; on any error nothing is stored.
	ArrangeCards(ctx context.Context, positions []Position) error
}

// PinService makes what pinning a quote adds, as one user action.
type PinService interface {
	// PinQuote makes pin.Quote with what comes with it: a new speaker and a
	// new source if pin has them (they become the quote's speaker and
	// source, and their ids are set on them), the quote's links to claims,
	// and the new cards where pin places them. It is one edit: one
	// transaction and one undo step named "Pin quote"; when it returns an
	// error, none of it was made.
	// Returns the errors of CreateParty, CreateSource, CreateQuote and
	// CreateLink: EINVALID, ENOTFOUND for a claim that does not exist, and
	// ECONFLICT for an id already taken.
	PinQuote(ctx context.Context, pin *Pin) error
}

// Pin is a quote to pin, with what comes with it. A nil NewSpeaker or
// NewSource leaves Quote.Speaker or Quote.Source as set (an existing item,
// or none); the At points place the new cards (see Point).
type Pin struct {
	Quote      *Quote
	NewSpeaker *Party
	NewSource  *Source
	// Claims are the claims the quote bears on, each with the relation of
	// the link from the quote to it.
	Claims []ClaimRelation

	QuoteAt, SpeakerAt, SourceAt *Point
}

// ClaimRelation names a claim and how a quote bears on it.
type ClaimRelation struct {
	Claim    string
	Relation Relation
}

// ItemFilter selects items of one kind. Text matches any of the kind's text
// fields, case-insensitively; Status applies to claims; Party matches quotes
// spoken by that party and claims linked to it. Limit 0 means no limit.
type ItemFilter struct {
	ID     string
	Text   string
	Status Status
	Party  string
	Offset int
	Limit  int
}

// Changes is what an undo or a redo changed, so that a window can read
// back just that rather than the whole board.
type Changes struct {
	// Label names the edit undone or redone.
	Label string
	// Items are the items whose rows, history, links or card position
	// changed, each with its kind after the change: "" if it is gone.
	Items []ItemKind
	// Positions are the stored card positions of Items after the change;
	// an item of Items with none here has no stored position.
	Positions []Position
	// Board is set if the board's own record changed.
	Board bool
}

// ItemKind is an item's id and kind.
type ItemKind struct {
	ID   string
	Kind Kind
}

// UndoService undoes and redoes edits. Every edit a service commits is one
// step of the change log (see Step), kept in the board, so that undo
// outlives the window. Undo and redo are per author: each takes back, or
// makes again, the steps of the author of ctx (see WithAuthor) alone.
type UndoService interface {
	// Undo reverts the author's last edit not yet undone and says what it
	// changed, under the edit's label (such as "Move card").
	// Returns ENOTFOUND if there is nothing to undo, and ECONFLICT, naming
	// the field, who changed it and when, if someone else changed since
	// what the edit changed; the edit then stays, and can be undone once
	// the other change is taken back.
	Undo(ctx context.Context) (Changes, error)

	// Redo makes again the author's last undone edit and says what it
	// changed. A new edit of the author's after an undo forgets what could
	// be redone.
	// Returns ENOTFOUND if there is nothing to redo, ECONFLICT as Undo.
	Redo(ctx context.Context) (Changes, error)

	// UndoState returns the labels of the steps Undo and Redo would act on,
	// "" where there is none.
	UndoState(ctx context.Context) (undo, redo string, err error)
}

// BoardFile is an open board file: a Store with a place on disk.
type BoardFile interface {
	Store

	// Path returns where the file is.
	Path() string

	// ReadOnly reports whether edits are refused.
	ReadOnly() bool

	// Notice returns what opening the file has to tell the user, once:
	// an undo history that an upgrade could not carry over, for example.
	// "" if nothing.
	Notice() string

	// SaveCopy writes a consistent copy of the board to path with SQLite's
	// own copy (never a file copy of a live database), whole or not at all.
	// Returns ECONFLICT if something is at path, EINVALID if the folder
	// cannot be written.
	SaveCopy(ctx context.Context, path string) error

	// Backup writes a backup copy of the board now, in the board's backup
	// folder, and deletes the oldest beyond the number kept for reason.
	// Returns EINVALID if the backup folder cannot be written.
	Backup(ctx context.Context, reason string) (Backup, error)

	// Verify runs SQLite's quick check over the whole file. The window
	// opens a board without it, to show the board sooner, and runs it
	// right after; a damaged board refuses every edit from then on.
	// Returns EINVALID, wrapping ErrDamaged, if the file is damaged.
	Verify(ctx context.Context) error

	// Close closes the file. The board must not be used after.
	Close() error
}

// Backup is one backup copy of a board file.
type Backup struct {
	Path   string
	Taken  time.Time
	Reason string // BackupAuto, BackupManual, "before-upgrade", "before-restore"
	Size   int64
}

// Reasons for a backup that callers choose.
const (
	BackupAuto   = "auto"   // the rolling copies made while editing
	BackupManual = "manual" // asked for by the user
)

// Files opens and makes board files.
type Files interface {
	// Open opens the board file at path for editing.
	// Returns ENOTFOUND if there is none, EINVALID in words if it is not a
	// board this program can open (the file is then left as it was), and
	// ECONFLICT if it is open for editing elsewhere (then OpenReadOnly).
	Open(path string) (BoardFile, error)

	// OpenReadOnly opens the board file at path for reading only; it may
	// be open for editing elsewhere. Errors as Open, without ECONFLICT.
	OpenReadOnly(path string) (BoardFile, error)

	// Backups lists the backups of the board at path, newest first.
	Backups(path string) ([]Backup, error)

	// Restore puts a backup in the place of the board at path, after
	// checking it and backing up what is there. The board must not be
	// open. Returns ECONFLICT if it is open elsewhere, EINVALID if the
	// backup is not a sound board.
	Restore(path, backup string) error

	// Create makes a new, empty board file at path.
	// Returns ECONFLICT if something is at path.
	Create(path string, board Board) (BoardFile, error)

	// Import makes a new board file at path from doc, all or nothing,
	// replacing a file there only if force is set.
	// Returns ECONFLICT if path exists and force is not set.
	Import(path string, doc *Document, force bool) error

	SnapshotReader
}

// SnapshotReader reads board files without writing anything.
type SnapshotReader interface {
	// ReadSnapshot returns the document of the board file at path as it
	// is: it never upgrades or changes the file, and writes nothing in its
	// folder (no -wal, -shm, lock or backup), which may be read-only; a
	// board of an older schema is read as it is. Errors as Open.
	ReadSnapshot(path string) (*Document, error)
}
