package app

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"time"
)

// What an exercise asks comes from the teacher. The key keeps a secret and
// a record of every exercise made from it (ExerciseKey); an exercise's id
// is then a keyed MAC (HMAC-SHA256 under the secret) of what it asked, so
// a student, who has everything of the exercise but the secret, can
// neither recompute an id nor change what is asked and keep the id. Grade
// follows the key's record, not the hand-in's.

// ExerciseKey is what a key keeps of the exercises made from it. It is
// never part of an exercise, a report or the change log; of the key's
// exports only the whole-board JSON carries it (see docs/board-format.md).
type ExerciseKey struct {
	// Secret is 64 hex digits (32 random bytes), made with the key's first
	// exercise: the HMAC key of the exercises' ids.
	Secret string `json:"secret"`
	// Made lists the exercises made from the key, oldest first.
	Made []ExerciseMade `json:"made,omitempty"`
}

// ExerciseMade is the key's record of one exercise made from it.
type ExerciseMade struct {
	ID    string    `json:"id"`
	Made  time.Time `json:"made"`
	Asked Asked     `json:"asked"`
	// Claims are the claims it asked, as they were worded when it was made.
	Claims []AskedClaim `json:"claims"`
}

// AskedClaim is a claim an exercise asked, as it was when made.
type AskedClaim struct {
	ID        string `json:"id"`
	Statement string `json:"statement"`
}

// ExerciseKeyService keeps a key's record of its exercises. Writing it is
// not an edit: it is no step of the change log, cannot be undone, and the
// secret never appears in the log.
type ExerciseKeyService interface {
	// ExerciseKey returns the board's record of the exercises made from
	// it, nil if none was ever made.
	ExerciseKey(ctx context.Context) (*ExerciseKey, error)

	// SetExerciseKey replaces that record. Returns EINVALID if k is not
	// valid (see ValidateExerciseKey) or the board is itself an exercise.
	SetExerciseKey(ctx context.Context, k *ExerciseKey) error
}

// Find returns the record of the exercise with that id, nil if the key
// made none.
func (k *ExerciseKey) Find(id string) *ExerciseMade {
	if k == nil {
		return nil
	}
	for i := range k.Made {
		if k.Made[i].ID == id {
			return &k.Made[i]
		}
	}
	return nil
}

// newSecret returns 32 random bytes from r, in hex.
func newSecret(r io.Reader) (string, error) {
	var b [32]byte
	if _, err := io.ReadFull(r, b[:]); err != nil {
		return "", Errorf(EINTERNAL, "cannot make the key's secret: %v", err)
	}
	return hex.EncodeToString(b[:]), nil
}

// keyedExerciseID returns the id of the exercise with that salt, asked and
// claims made from a key with that secret: "ex-" + salt + "-" + the first
// 16 hex digits of the HMAC-SHA256, under the secret, of the salt, what is
// asked and the claims' ids and statements in order.
func keyedExerciseID(secret, salt string, asked Asked, claims []AskedClaim) string {
	raw, err := hex.DecodeString(secret)
	if err != nil {
		raw = []byte(secret)
	}
	h := hmac.New(sha256.New, raw)
	fmt.Fprintf(h, "evidence-board exercise 2\x00%s\x00%t %t %t\x00", salt, asked.Status, asked.Verdict, asked.Links)
	for _, c := range claims {
		io.WriteString(h, c.ID)
		h.Write([]byte{0})
		io.WriteString(h, c.Statement)
		h.Write([]byte{0})
	}
	return "ex-" + salt + "-" + hex.EncodeToString(h.Sum(nil))[:16]
}

// authentic reports whether m's id is the one the secret gives it.
func (m *ExerciseMade) authentic(secret string) bool {
	salt, ok := exerciseSalt(m.ID)
	return ok && hmac.Equal([]byte(keyedExerciseID(secret, salt, m.Asked, m.Claims)), []byte(m.ID))
}

// ValidateExerciseKey checks a key's record. Returns EINVALID.
func ValidateExerciseKey(k *ExerciseKey) error {
	return validateItem(func(ps *problems) { validateExerciseKey(ps, "exercise_key", k) })
}

func validateExerciseKey(ps *problems, p string, k *ExerciseKey) {
	if b, err := hex.DecodeString(k.Secret); err != nil || len(b) != 32 {
		ps.add(field(p, "secret"), "must be 64 hex digits (32 random bytes)")
	}
	seen := map[string]bool{}
	for i := range k.Made {
		m := &k.Made[i]
		mp := fmt.Sprintf("%s.made[%d]", p, i)
		if checkID(ps, field(mp, "id"), m.ID) {
			if _, ok := exerciseSalt(m.ID); !ok {
				ps.add(field(mp, "id"), "%q is not an exercise id (ex-SALT-DIGEST)", clip(m.ID))
			} else if seen[m.ID] {
				ps.add(field(mp, "id"), "%s is recorded twice", m.ID)
			}
			seen[m.ID] = true
		}
		if !m.Asked.Status {
			ps.add(field(mp, "asked.status"), "must be true: an exercise always asks for each claim's status")
		}
		if len(m.Claims) == 0 {
			ps.add(field(mp, "claims"), "an exercise asks at least one claim")
		}
		for j, c := range m.Claims {
			cp := fmt.Sprintf("%s.claims[%d]", mp, j)
			checkID(ps, field(cp, "id"), c.ID)
			checkText(ps, field(cp, "statement"), c.Statement, MaxStatement, true)
		}
	}
}

// ExerciseKeeper is what making an exercise needs of the key's file: its
// document, and its record of exercises to keep.
type ExerciseKeeper interface {
	Export(ctx context.Context) (*Document, error)
	ExerciseKeyService
}

// ExerciseMaker writes a new board file from a document (see Files.Import).
type ExerciseMaker interface {
	Import(path string, doc *Document, force bool) error
}

// MakeExerciseFile is the one way the window and the command line make an
// exercise: it reads the key, makes the exercise (MakeExercise), lays it
// out anew with arrange where links are asked and arrange is not nil (so
// that where the cards sit tells nothing of the links removed), records
// it in the key, and writes it to path as a new board file (replacing a
// file there only if force). The key's record is kept first: an exercise
// the key has no record of could not be graded, while a record of one
// whose file failed to be written is harmless. Errors as MakeExercise,
// SetExerciseKey and Import.
func MakeExerciseFile(ctx context.Context, key ExerciseKeeper, files ExerciseMaker, path string, force bool, opts ExerciseOptions, arrange func(*Document) []Position) (*Document, error) {
	doc, err := key.Export(ctx)
	if err != nil {
		return nil, err
	}
	ex, rec, err := MakeExercise(doc, opts)
	if err != nil {
		return nil, err
	}
	if opts.Links && arrange != nil {
		ex.Layout = arrange(ex)
	}
	if err := key.SetExerciseKey(ctx, rec); err != nil {
		return nil, &Error{Code: ErrorCode(err), Err: err,
			Message: "the key cannot keep its record of the exercise, without which the hand-ins could not be graded, so no exercise was made: " + ErrorMessage(err)}
	}
	if err := files.Import(path, ex, force); err != nil {
		return nil, err
	}
	return ex, nil
}

// ReadHandIn is the one way the window and the command line read a board
// to grade or debrief, the key or a student's: as it is, writing nothing
// beside it (see SnapshotReader), and checked against the format's rules.
// Errors as ReadSnapshot; EINVALID for a board that breaks the rules.
func ReadHandIn(r SnapshotReader, path string) (*Document, error) {
	doc, err := r.ReadSnapshot(path)
	if err != nil {
		return nil, err
	}
	if ps := ValidateDocument(doc); len(ps) > 0 {
		return nil, Errorf(EINVALID, "it breaks the board format's rules (%s), so it was changed behind the program's back", ps[0])
	}
	return doc, nil
}
