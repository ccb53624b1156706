package app

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// An exercise is a board handed out to students without its answers: the
// claims' statuses, histories, verdicts and notes are gone (and, if the
// teacher asks for them, the quotes' supporting and denying links), and
// the students put them back. The board the exercise was made from is the
// key; Grade compares a student's board with it.
//
// The exercise's id ties it to its key without holding anything of the
// key's answers: it is "ex-" + a random salt + "-" + an HMAC, under the
// key's secret, of the salt, what is asked and the claims asked (see
// ExerciseKey). The key keeps a record of each exercise made from it, and
// Grade follows that record, so a board made from another key, or whose
// exercise record was changed, is refused.

// Exercise is the exercise record of a board handed out to students.
type Exercise struct {
	// ID is "ex-SALT-DIGEST": see ExerciseKey (and ExerciseID for
	// exercises made before keys kept a record).
	ID string `json:"id"`
	// Instructions are the teacher's, shown when the exercise opens.
	Instructions string `json:"instructions,omitempty"`
	// Asked says what the students must decide.
	Asked Asked `json:"asked"`
	// Student is the name the student gives; "" until given.
	Student string `json:"student,omitempty"`
}

// Asked says what an exercise asks of the students. Status is always
// asked; Verdict asks for each claim's verdict on the board's scale; Links
// asks which quotes support or deny which claims.
type Asked struct {
	Status  bool `json:"status"`
	Verdict bool `json:"verdict,omitempty"`
	Links   bool `json:"links,omitempty"`
}

// ExerciseOptions are the teacher's choices when making an exercise.
type ExerciseOptions struct {
	Verdict      bool
	Links        bool
	Instructions string
	// NoNotes leaves out of the exercise the board's description and the
	// notes of sources, parties, quotes and links, which may give answers
	// away (see CarriedNotes).
	NoNotes bool
	// KeepQuoteNotes keeps the quotes' notes where links are asked; they
	// are left out by default then, for they tend to say what a quote
	// supports or denies. NoNotes leaves them out all the same.
	KeepQuoteNotes bool
	// Rand gives the key's secret and the id's salt; nil is crypto/rand.
	Rand io.Reader
	// Now is the clock of the key's record; nil is time.Now.
	Now func() time.Time
}

// Undecided reports whether the claim has no status yet: a claim of an
// exercise the student has not decided.
func (c *Claim) Undecided() bool { return c.Status == "" }

// IsAnswerLink reports whether l is one of the links an exercise that asks
// for links removes: a quote supporting, denying or contradicting a claim.
func IsAnswerLink(l Link, kinds map[string]Kind) bool {
	switch l.Relation {
	case RelSupports, RelDenies, RelContradicts:
		return kinds[l.From] == KindQuote && kinds[l.To] == KindClaim
	}
	return false
}

func itemKinds(doc *Document) map[string]Kind {
	kinds := make(map[string]Kind, len(doc.Sources)+len(doc.Parties)+len(doc.Claims)+len(doc.Quotes))
	for _, v := range doc.Sources {
		kinds[v.ID] = KindSource
	}
	for _, v := range doc.Parties {
		kinds[v.ID] = KindParty
	}
	for _, v := range doc.Claims {
		kinds[v.ID] = KindClaim
	}
	for _, v := range doc.Quotes {
		kinds[v.ID] = KindQuote
	}
	return kinds
}

// MakeExercise returns the exercise made from key: a new document with
// everything of the key but its answers. Every claim loses its status,
// history, verdict and notes; if opts.Links, the links of quotes that
// support, deny or contradict a claim go too (their notes with them).
// Sources, parties, quotes, the other links and the layout stay (see
// ExerciseOptions for the notes). The exercise gets a fresh id, an HMAC
// under the key's secret; the second result is the key's record of its
// exercises with this one added (and the secret made, if the key had
// none), for the caller to keep in the key with SetExerciseKey: without
// it, the hand-ins cannot be graded. key is not changed. Returns EINVALID
// if key is itself an exercise or has no claims to decide.
func MakeExercise(key *Document, opts ExerciseOptions) (*Document, *ExerciseKey, error) {
	if key.Exercise != nil {
		return nil, nil, Errorf(EINVALID, "this board is an exercise, not an answer key: make the exercise from the board with the answers")
	}
	if len(key.Claims) == 0 {
		return nil, nil, Errorf(EINVALID, "this board has no claims: an exercise asks the students to decide claims")
	}
	if n := len([]rune(opts.Instructions)); n > MaxNotes {
		return nil, nil, Errorf(EINVALID, "the instructions are %d characters long, over the limit of %d", n, MaxNotes)
	}
	r := opts.Rand
	if r == nil {
		r = rand.Reader
	}
	rec := &ExerciseKey{}
	if key.ExerciseKey != nil {
		rec.Secret = key.ExerciseKey.Secret
		rec.Made = append(rec.Made, key.ExerciseKey.Made...)
	}
	if rec.Secret == "" {
		var err error
		if rec.Secret, err = newSecret(r); err != nil {
			return nil, nil, err
		}
	}
	var salt [6]byte
	if _, err := io.ReadFull(r, salt[:]); err != nil {
		return nil, nil, Errorf(EINTERNAL, "cannot make the exercise's id: %v", err)
	}
	asked := Asked{Status: true, Verdict: opts.Verdict, Links: opts.Links}
	claims := make([]AskedClaim, len(key.Claims))
	for i, c := range key.Claims {
		claims[i] = AskedClaim{ID: c.ID, Statement: c.Statement}
	}
	id := keyedExerciseID(rec.Secret, hex.EncodeToString(salt[:]), asked, claims)
	now := time.Now
	if opts.Now != nil {
		now = opts.Now
	}
	rec.Made = append(rec.Made, ExerciseMade{ID: id, Made: now().UTC(), Asked: asked, Claims: claims})
	ex := &Document{Format: key.Format, Version: key.Version, Board: key.Board,
		Sources: append([]Source(nil), key.Sources...), Parties: append([]Party(nil), key.Parties...),
		Quotes: append([]Quote(nil), key.Quotes...), Layout: append([]Position(nil), key.Layout...),
		Exercise: &Exercise{ID: id, Instructions: opts.Instructions, Asked: asked}}
	ex.Board.Scale = append([]ScaleStep(nil), key.Board.Scale...)
	if key.Board.Reviewer != nil {
		rv := *key.Board.Reviewer
		ex.Board.Reviewer = &rv
	}
	ex.Claims = make([]Claim, len(key.Claims))
	for i, c := range key.Claims {
		ex.Claims[i] = Claim{ID: c.ID, Statement: c.Statement}
	}
	kinds := itemKinds(key)
	ex.Links = make([]Link, 0, len(key.Links))
	for _, l := range key.Links {
		if opts.Links && IsAnswerLink(l, kinds) {
			continue
		}
		ex.Links = append(ex.Links, l)
	}
	leaveNotesOut(ex, opts)
	return ex, rec, nil
}

// ExerciseID returns the unkeyed id an exercise with that salt and asked
// made from key had before keys kept a secret: "ex-" + salt + "-" + the
// first 16 hex digits of the SHA-256 of the salt, what is asked and the
// key's claim ids in order. Anyone can compute it, so Grade takes it only
// from a key that has no record of its exercises; exercises are made with
// keyed ids now.
func ExerciseID(salt string, asked Asked, key *Document) string {
	h := sha256.New()
	fmt.Fprintf(h, "evidence-board exercise 1\x00%s\x00%t %t %t\x00", salt, asked.Status, asked.Verdict, asked.Links)
	for _, c := range key.Claims {
		io.WriteString(h, c.ID)
		h.Write([]byte{0})
	}
	return "ex-" + salt + "-" + hex.EncodeToString(h.Sum(nil))[:16]
}

// exerciseSalt returns the salt of an exercise id, and false if id is not
// of the form ExerciseID makes.
func exerciseSalt(id string) (string, bool) {
	rest, ok := strings.CutPrefix(id, "ex-")
	if !ok {
		return "", false
	}
	salt, digest, ok := strings.Cut(rest, "-")
	if !ok || salt == "" || len(digest) != 16 {
		return "", false
	}
	return salt, true
}

// Decided counts the decided claims of a board, and all of them.
func Decided(doc *Document) (decided, all int) {
	for _, c := range doc.Claims {
		if !c.Undecided() {
			decided++
		}
	}
	return decided, len(doc.Claims)
}

// HandInName returns the file name (without folder) a student's hand-in
// gets: the student's name and the board's title, in characters every
// file system takes, such as "Ada Lovelace - The Big Hack.evboard".
func HandInName(doc *Document) string {
	student, title := "student", doc.Board.Title
	if doc.Exercise != nil && strings.TrimSpace(doc.Exercise.Student) != "" {
		student = doc.Exercise.Student
	}
	return safeFileName(student) + " - " + safeFileName(title) + ".evboard"
}

func safeFileName(s string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r < ' ' || strings.ContainsRune(`/\:*?"<>|`, r):
			b.WriteRune('_')
		default:
			b.WriteRune(r)
		}
		if b.Len() >= 60 {
			break
		}
	}
	out := strings.Trim(b.String(), ". ")
	if out == "" {
		return "board"
	}
	return out
}

// validateExercise checks an exercise record's own fields.
func validateExercise(ps *problems, p string, e *Exercise) {
	if checkID(ps, field(p, "id"), e.ID) {
		if _, ok := exerciseSalt(e.ID); !ok {
			ps.add(field(p, "id"), "%q is not an exercise id (ex-SALT-DIGEST)", clip(e.ID))
		}
	}
	checkText(ps, field(p, "instructions"), e.Instructions, MaxNotes, false)
	checkText(ps, field(p, "student"), e.Student, MaxShortText, false)
	if !e.Asked.Status {
		ps.add(field(p, "asked.status"), "must be true: an exercise always asks for each claim's status")
	}
}

// ValidateStudent checks a name a student gives. Returns EINVALID.
func ValidateStudent(name string) error {
	return validateItem(func(ps *problems) {
		checkText(ps, "student", name, MaxShortText, true)
	})
}

// HandIns returns the boards named by args: each file as it is, and the
// .evboard files in each folder, by name; the file at key (if any is
// among them) is left out. Returns ENOTFOUND for a path that is not there.
func HandIns(args []string, key string) ([]string, error) {
	keyAbs, _ := filepath.Abs(key)
	var out []string
	for _, a := range args {
		fi, err := os.Stat(a)
		if err != nil {
			return nil, Errorf(ENOTFOUND, "there is no file or folder at %s", a)
		}
		if !fi.IsDir() {
			out = append(out, a)
			continue
		}
		entries, err := os.ReadDir(a)
		if err != nil {
			return nil, Errorf(EINVALID, "the folder %s cannot be read: %v", a, err)
		}
		for _, e := range entries {
			if e.IsDir() || !strings.HasSuffix(strings.ToLower(e.Name()), ".evboard") || strings.HasPrefix(e.Name(), ".") {
				continue
			}
			p := filepath.Join(a, e.Name())
			if abs, _ := filepath.Abs(p); abs == keyAbs {
				continue
			}
			out = append(out, p)
		}
	}
	return out, nil
}
