package app_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"evidenceboard/app"
)

// TestCheckRelation tries every relation, and one that is not, between
// every pair of kinds, against the table of the format spec.
func TestCheckRelation(t *testing.T) {
	// The table of the spec, written out again rather than read from the code.
	allowed := map[[2]app.Kind][]app.Relation{
		{app.KindQuote, app.KindClaim}: {"supports", "denies", "contradicts", "mentions"},
		{app.KindClaim, app.KindParty}: {"about", "made-by"},
		{app.KindQuote, app.KindParty}: {"mentions"},
		{app.KindParty, app.KindParty}: {"part-of", "speaks-for"},
	}
	relations := append(slices.Clone(app.Relations), "refutes", "")
	if got, want := len(app.Relations), 8; got != want {
		t.Fatalf("len(Relations) = %d, want %d", got, want)
	}

	rows := 0
	for _, from := range app.Kinds {
		for _, to := range app.Kinds {
			ok := allowed[[2]app.Kind{from, to}]
			for _, r := range relations {
				rows++
				t.Run(fmt.Sprintf("%s %s %s", from, r, to), func(t *testing.T) {
					err := app.CheckRelation(from, to, r)
					if slices.Contains(ok, r) {
						if err != nil {
							t.Fatalf("err = %v, want nil", err)
						}
						return
					}
					if got, want := app.ErrorCode(err), app.EINVALID; got != want {
						t.Fatalf("ErrorCode = %q, want %q (err: %v)", got, want, err)
					}
					msg := app.ErrorMessage(err)
					switch {
					case !slices.Contains(app.Relations, r):
						// Names every relation there is.
						if want := fmt.Sprintf("%q is not a relation", r); !strings.HasPrefix(msg, want) {
							t.Errorf("message = %q, want it to start with %q", msg, want)
						}
						for _, a := range app.Relations {
							if !strings.Contains(msg, string(a)) {
								t.Errorf("message = %q does not name %s", msg, a)
							}
						}
					case len(ok) == 0:
						if want := fmt.Sprintf("a %s cannot be linked to a %s", from, to); msg != want {
							t.Errorf("message = %q, want %q", msg, want)
						}
					default:
						// Names the relations allowed between these kinds.
						if want := fmt.Sprintf("a %s %s a %s is not allowed", from, r, to); !strings.HasPrefix(msg, want) {
							t.Errorf("message = %q, want it to start with %q", msg, want)
						}
						for _, a := range ok {
							if !strings.Contains(msg, string(a)) {
								t.Errorf("message = %q does not name %s", msg, a)
							}
						}
					}
				})
			}
		}
	}
	if got, want := rows, 4*4*10; got != want {
		t.Errorf("rows = %d, want %d", got, want)
	}

	t.Run("RelationsFor", func(t *testing.T) {
		for _, from := range app.Kinds {
			for _, to := range app.Kinds {
				got, want := app.RelationsFor(from, to), allowed[[2]app.Kind{from, to}]
				slices.Sort(got)
				want = slices.Clone(want)
				slices.Sort(want)
				if !slices.Equal(got, want) {
					t.Errorf("RelationsFor(%s, %s) = %v, want %v", from, to, got, want)
				}
			}
		}
	})

	t.Run("message", func(t *testing.T) {
		err := app.CheckRelation(app.KindQuote, app.KindClaim, app.RelAbout)
		if got, want := app.ErrorMessage(err), "a quote about a claim is not allowed: a quote can only be linked to a claim by contradicts, denies, mentions or supports"; got != want {
			t.Errorf("message = %q, want %q", got, want)
		}
	})
}

func TestValidID(t *testing.T) {
	for _, tt := range []struct {
		id   string
		want bool
	}{
		{"a", true},
		{"zdnet-2018-10-04", true},
		{"A.b_c-9", true},
		{strings.Repeat("x", 64), true},
		{strings.Repeat("x", 65), false},
		{"", false},
		{"a b", false},
		{"a/b", false},
		{"ä", false},
		{"a\n", false},
		{"id:1", false},
	} {
		if got := app.ValidID(tt.id); got != tt.want {
			t.Errorf("ValidID(%q) = %v, want %v", tt.id, got, tt.want)
		}
	}
}

func TestSliceRunes(t *testing.T) {
	const s = "a🙂中b" // code points: a 🙂 中 b
	for _, tt := range []struct {
		s          string
		start, end int
		want       string
		ok         bool
	}{
		{s, 0, 4, s, true},
		{s, 0, 0, "", true},
		{s, 1, 2, "🙂", true},
		{s, 1, 3, "🙂中", true},
		{s, 2, 4, "中b", true},
		{s, 3, 4, "b", true},
		{s, 4, 4, "", true},
		{s, 0, 5, "", false},
		{s, 4, 5, "", false},
		{s, 5, 5, "", false},
		{s, -1, 2, "", false},
		{s, 3, 2, "", false},
		{"", 0, 0, "", true},
		{"", 0, 1, "", false},
		{"", 1, 1, "", false},
		{"قال", 1, 3, "ال", true},
	} {
		t.Run(fmt.Sprintf("%q[%d:%d]", tt.s, tt.start, tt.end), func(t *testing.T) {
			got, ok := app.SliceRunes(tt.s, tt.start, tt.end)
			if got != tt.want || ok != tt.ok {
				t.Errorf("got %q, %v; want %q, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestDateOrTime(t *testing.T) {
	for _, tt := range []struct {
		in    string
		valid bool
		norm  string // NormalizeDateOrTime(in)
	}{
		{"2018-10-04", true, "2018-10-04"},
		{"2016-02-29", true, "2016-02-29"},
		{"2018-10-04T09:00:00Z", true, "2018-10-04T09:00:00Z"},
		{"2018-10-04T10:00:00+01:00", true, "2018-10-04T09:00:00Z"},
		{"2018-10-03T23:30:00-09:30", true, "2018-10-04T09:00:00Z"},
		{"2018-10-04T09:00:00.500Z", true, "2018-10-04T09:00:00.5Z"},
		{"2018-10-04T09:00:00.000+00:00", true, "2018-10-04T09:00:00Z"},
		{"0000-01-01T00:00:00Z", true, "0000-01-01T00:00:00Z"},
		{"9999-12-31T23:59:59Z", true, "9999-12-31T23:59:59Z"},
		// Years outside 0000 to 9999 once in UTC cannot be written back.
		{"0000-01-01T00:00:00+01:00", false, "0000-01-01T00:00:00+01:00"},
		{"9999-12-31T23:00:00-02:00", false, "9999-12-31T23:00:00-02:00"},
		// time.Parse takes these; RFC 3339 does not.
		{"2018-10-04T9:00:00Z", false, "2018-10-04T9:00:00Z"},
		{"2018-10-04T09:00:00,5Z", false, "2018-10-04T09:00:00,5Z"},
		{"2018-10-04T09:00:00+24:00", false, "2018-10-04T09:00:00+24:00"},
		{"2018-10-04T09:00:00+01:60", false, "2018-10-04T09:00:00+01:60"},
		{"", false, ""},
		{"2017-02-29", false, "2017-02-29"},
		{"2018-13-01", false, "2018-13-01"},
		{"2018-1-4", false, "2018-1-4"},
		{"04/10/2018", false, "04/10/2018"},
		{"2018-10-04 09:00:00Z", false, "2018-10-04 09:00:00Z"},
		{"2018-10-04T09:00:00", false, "2018-10-04T09:00:00"},
		{"2018-10-04T25:00:00Z", false, "2018-10-04T25:00:00Z"},
		{"2018-10-04T09:00:00z", false, "2018-10-04T09:00:00z"},
		{"２０１８-10-04", false, "２０１８-10-04"},
		{"yesterday", false, "yesterday"},
		{"2018-10-04T09:00:00.000000000000000000000000000000000000000000000Z", false, "2018-10-04T09:00:00Z"},
	} {
		t.Run(tt.in, func(t *testing.T) {
			if got := app.ValidDateOrTime(tt.in); got != tt.valid {
				t.Errorf("ValidDateOrTime = %v, want %v", got, tt.valid)
			}
			got := app.NormalizeDateOrTime(tt.in)
			if got != tt.norm {
				t.Errorf("NormalizeDateOrTime = %q, want %q", got, tt.norm)
			}
			if again := app.NormalizeDateOrTime(got); again != got {
				t.Errorf("NormalizeDateOrTime is not idempotent: %q, then %q", got, again)
			}
		})
	}
}

func TestErrorCode(t *testing.T) {
	e := app.Errorf(app.ENOTFOUND, "no claim with id %q", "c9")
	for _, tt := range []struct {
		name string
		err  error
		code string
		msg  string
	}{
		{"nil", nil, "", ""},
		{"app error", e, app.ENOTFOUND, `no claim with id "c9"`},
		{"wrapped", fmt.Errorf("opening: %w", e), app.ENOTFOUND, `no claim with id "c9"`},
		{"other error", errors.New("disk I/O error"), app.EINTERNAL, "Internal error: disk I/O error"},
		{"no message", &app.Error{Code: app.ECONFLICT, Err: errors.New("busy")}, app.ECONFLICT, "busy"},
		{"invalid document", app.InvalidDocument([]app.Problem{{Path: "a", Message: "is wrong"}}), app.EINVALID, "the document has 1 problem: a: is wrong"},
		{"invalid document, two problems", app.InvalidDocument([]app.Problem{{Path: "a", Message: "x"}, {Path: "b", Message: "y"}}), app.EINVALID, "the document has 2 problems; the first: a: x"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got, want := app.ErrorCode(tt.err), tt.code; got != want {
				t.Errorf("ErrorCode = %q, want %q", got, want)
			}
			if got, want := app.ErrorMessage(tt.err), tt.msg; got != want {
				t.Errorf("ErrorMessage = %q, want %q", got, want)
			}
		})
	}

	t.Run("cause", func(t *testing.T) {
		cause := errors.New("cause")
		err := &app.Error{Code: app.EINTERNAL, Message: "failed", Err: cause}
		if !errors.Is(err, cause) {
			t.Error("errors.Is(err, cause) = false")
		}
		if got, want := err.Error(), "failed"; got != want {
			t.Errorf("Error() = %q, want %q", got, want)
		}
	})
}

func TestWriteFileAtomic(t *testing.T) {
	// leftovers returns the names in dir other than keep.
	leftovers := func(t *testing.T, dir string, keep ...string) []string {
		t.Helper()
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range entries {
			if !slices.Contains(keep, e.Name()) {
				names = append(names, e.Name())
			}
		}
		return names
	}

	t.Run("OK", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "board.json")
		err := app.WriteFileAtomic(path, func(w io.Writer) error {
			_, err := io.WriteString(w, "hello\n")
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if got, err := os.ReadFile(path); err != nil {
			t.Fatal(err)
		} else if want := "hello\n"; string(got) != want {
			t.Errorf("content = %q, want %q", got, want)
		}
		if got := leftovers(t, dir, "board.json"); len(got) != 0 {
			t.Errorf("left in the folder: %v", got)
		}
	})

	t.Run("Replace", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "board.json")
		if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
		err := app.WriteFileAtomic(path, func(w io.Writer) error {
			_, err := io.WriteString(w, "new")
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(path); string(got) != "new" {
			t.Errorf("content = %q, want %q", got, "new")
		}
	})

	t.Run("WriteFails", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "board.json")
		old := bytes.Repeat([]byte("old board\n"), 1000)
		if err := os.WriteFile(path, old, 0o644); err != nil {
			t.Fatal(err)
		}
		boom := errors.New("boom")
		err := app.WriteFileAtomic(path, func(w io.Writer) error {
			if _, err := w.Write([]byte("half a new bo")); err != nil {
				return err
			}
			return boom
		})
		if got, want := app.ErrorCode(err), app.EINTERNAL; got != want {
			t.Errorf("ErrorCode = %q, want %q (err: %v)", got, want, err)
		}
		if !errors.Is(err, boom) {
			t.Errorf("errors.Is(err, boom) = false (err: %v)", err)
		}
		if got, _ := os.ReadFile(path); !bytes.Equal(got, old) {
			t.Errorf("file changed: %d bytes, want the old %d", len(got), len(old))
		}
		if got := leftovers(t, dir, "board.json"); len(got) != 0 {
			t.Errorf("left in the folder: %v", got)
		}
	})

	// An *app.Error from write comes back as it was.
	t.Run("WriteFailsWithAppError", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "board.json")
		err := app.WriteFileAtomic(path, func(w io.Writer) error {
			return app.Errorf(app.EINVALID, "nothing to write")
		})
		if got, want := app.ErrorMessage(err), "nothing to write"; got != want {
			t.Errorf("ErrorMessage = %q, want %q", got, want)
		}
		if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("Stat(path) err = %v, want not exist", err)
		}
		if got := leftovers(t, dir); len(got) != 0 {
			t.Errorf("left in the folder: %v", got)
		}
	})

	t.Run("MissingFolder", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "no-such-folder")
		called := false
		err := app.WriteFileAtomic(filepath.Join(dir, "board.json"), func(w io.Writer) error {
			called = true
			return nil
		})
		if got, want := app.ErrorCode(err), app.EINVALID; got != want {
			t.Fatalf("ErrorCode = %q, want %q (err: %v)", got, want, err)
		}
		if got, want := app.ErrorMessage(err), "the folder "+dir+" does not exist"; got != want {
			t.Errorf("ErrorMessage = %q, want %q", got, want)
		}
		if called {
			t.Error("write was called")
		}
	})

	t.Run("PathIsAFolder", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "board.json")
		if err := os.Mkdir(path, 0o755); err != nil {
			t.Fatal(err)
		}
		err := app.WriteFileAtomic(path, func(w io.Writer) error {
			_, err := io.WriteString(w, "x")
			return err
		})
		if got, want := app.ErrorCode(err), app.EINVALID; got != want {
			t.Errorf("ErrorCode = %q, want %q (err: %v)", got, want, err)
		}
		if got := leftovers(t, dir, "board.json"); len(got) != 0 {
			t.Errorf("left in the folder: %v", got)
		}
	})
}

func TestRelation_EveryOneHasAMeaning(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range app.Relations {
		m := r.Meaning()
		if m == "" || seen[m] {
			t.Errorf("%s: meaning %q is empty or not its own", r, m)
		}
		seen[m] = true
	}
}
