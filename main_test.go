package main

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	_ "github.com/glebarez/go-sqlite"

	"evidenceboard/assets"
	"evidenceboard/storage"
)

var binary string

// TestMain builds the real binary once; the tests run it as a user would.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "evidenceboard-bin")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "evidenceboard")
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		panic("building the binary: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	code           int
	stdout, stderr string
}

// runCLI runs the binary with no display, as on a server or in CI.
func runCLI(t *testing.T, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = append(os.Environ(), "DISPLAY=", "WAYLAND_DISPLAY=")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{code, out.String(), errb.String()}
}

func (r result) want(t *testing.T, code int, inStdout, inStderr string) {
	t.Helper()
	if r.code != code || !strings.Contains(r.stdout, inStdout) || !strings.Contains(r.stderr, inStderr) {
		t.Fatalf("exit %d (want %d)\nstdout: %s\nstderr: %s\nwant stdout to contain %q and stderr %q", r.code, code, r.stdout, r.stderr, inStdout, inStderr)
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func sameData(t *testing.T, a, b []byte) bool {
	t.Helper()
	var va, vb any
	if err := json.Unmarshal(a, &va); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &vb); err != nil {
		t.Fatal(err)
	}
	return reflect.DeepEqual(va, vb)
}

func TestCLI_SampleCheckExportImport(t *testing.T) {
	dir := t.TempDir()
	board := filepath.Join(dir, "sample.evboard")
	runCLI(t, "sample", board).want(t, 0, "wrote the sample board", "")
	runCLI(t, "sample", board).want(t, 1, "", "already exists (use --force")
	runCLI(t, "check", board).want(t, 0, "ok", "")

	exported := runCLI(t, "export", "--format", "json", board)
	exported.want(t, 0, `"format": "evidence-board"`, "")
	if !sameData(t, []byte(exported.stdout), assets.SampleJSON) {
		t.Fatal("export of the sample is not the sample")
	}
	out := filepath.Join(dir, "out.json")
	runCLI(t, "export", board, "-o", out).want(t, 0, "", "")
	if !bytes.Equal(readFile(t, out), []byte(exported.stdout)) {
		t.Fatal("export -o and export to stdout differ")
	}

	again := filepath.Join(dir, "again.evboard")
	runCLI(t, "import", out, again).want(t, 0, "imported 4 sources", "")
	runCLI(t, "import", out, again).want(t, 1, "", "use --force")
	runCLI(t, "import", "--force", out, again).want(t, 0, "imported", "")
	if r := runCLI(t, "export", again); !bytes.Equal([]byte(r.stdout), []byte(exported.stdout)) {
		t.Fatal("import then export did not give back the same bytes")
	}
}

func TestCLI_ImportRefusesBrokenDocument(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "broken.json")
	doc := `{"format":"evidence-board","version":1,
	  "board":{"title":"","created":"2018-10-04T09:00:00Z","updated":"yesterday"},
	  "parties":[{"id":"apple","name":"Apple","kind":"company"}],
	  "quotes":[{"id":"q1","text":"hi","speaker":"p9"}],
	  "links":[{"from":"q1","to":"apple","relation":"supports"}],
	  "extra":true}`
	if err := os.WriteFile(in, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.evboard")
	r := runCLI(t, "import", in, out)
	r.want(t, 1, "", "problem")
	for _, want := range []string{
		"board.updated: ", "warning: extra: unknown field",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	// Type errors stop before value rules; fix the time and see the rest.
	doc = strings.Replace(doc, `"yesterday"`, `"2018-10-05T00:00:00Z"`, 1)
	os.WriteFile(in, []byte(doc), 0o644)
	r = runCLI(t, "import", in, out)
	r.want(t, 1, "", "4 problems")
	for _, want := range []string{
		"board.title: is required",
		`parties[0].kind: "company" is not a kind of party`,
		`quotes[0].speaker: no party with id "p9"`,
		"links[0].relation: a quote supports a party is not allowed",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("import left files behind: %v", entries)
	}
}

func TestCLI_ForeignFilesUntouched(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.evboard")
	os.WriteFile(text, []byte("just some text\n"), 0o644)
	foreign := filepath.Join(dir, "other.db")
	conn, err := sql.Open("sqlite", foreign)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x')"); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	for _, f := range []struct{ path, msg string }{
		{text, "not a SQLite database"},
		{foreign, "SQLite database of another program"},
		{filepath.Join(dir, "missing.evboard"), "there is no file at"},
		{dir, "is a folder"},
	} {
		var before []byte
		if fi, err := os.Stat(f.path); err == nil && !fi.IsDir() {
			before = readFile(t, f.path)
		}
		runCLI(t, "check", f.path).want(t, 1, "", f.msg)
		runCLI(t, "export", f.path).want(t, 1, "", f.msg)
		if before != nil && !bytes.Equal(before, readFile(t, f.path)) {
			t.Fatalf("%s changed", f.path)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Fatalf("files appeared: %v", entries)
	}
}

func TestCLI_CheckFindsDamage(t *testing.T) {
	board := filepath.Join(t.TempDir(), "b.evboard")
	runCLI(t, "sample", board).want(t, 0, "", "")
	conn, err := sql.Open("sqlite", board)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec("PRAGMA foreign_keys = OFF; UPDATE quotes SET speaker = 'ghost'"); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	runCLI(t, "check", board).want(t, 1, "foreign key", "problem")
	// Export hands on no document that breaks the format's rules.
	runCLI(t, "export", board).want(t, 1, "", `no party with id "ghost"`)
	out := filepath.Join(t.TempDir(), "out.json")
	runCLI(t, "export", "-o", out, board).want(t, 1, "", "was not exported")
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatalf("export of a broken board wrote %s", out)
	}
	// A board missing one of its tables is damaged, in those words.
	conn, _ = sql.Open("sqlite", board)
	if _, err := conn.Exec("PRAGMA foreign_keys = OFF; DROP TABLE layout"); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	runCLI(t, "export", board).want(t, 1, "", "it has no layout table")
	runCLI(t, "check", board).want(t, 1, "", "is damaged")
	runCLI(t, "export", board).want(t, 1, "", "evidenceboard restore FILE.evboard BACKUP.evboard")
}

func TestCLI_Usage(t *testing.T) {
	for _, cmd := range []string{"import", "export", "sample", "check"} {
		runCLI(t, cmd, "--help").want(t, 0, "Usage: evidenceboard "+cmd, "")
	}
	runCLI(t, "--help").want(t, 0, "Exit codes", "")
	runCLI(t, "frobnicate", "x").want(t, 2, "", `unknown command "frobnicate"`)
	runCLI(t, "check").want(t, 2, "", "expected 1 file argument")
	runCLI(t, "export", "--format", "docx", "x.evboard").want(t, 2, "", `unknown format "docx"`)
	runCLI(t, "import", "--nope", "a", "b").want(t, 2, "", "flag provided but not defined")
}

func TestCLI_NoDisplay(t *testing.T) {
	board := filepath.Join(t.TempDir(), "b.evboard")
	runCLI(t, "sample", board).want(t, 0, "", "")
	runCLI(t, board).want(t, 1, "", "no display")
}

// TestCLI_ForceRefusesBoardOpenElsewhere: import --force and sample --force
// do not replace a board another program (here this test) holds open for
// editing, nor touch its -wal and -shm; they say why.
func TestCLI_ForceRefusesBoardOpenElsewhere(t *testing.T) {
	dir := t.TempDir()
	board := filepath.Join(dir, "held.evboard")
	runCLI(t, "sample", board).want(t, 0, "wrote the sample board", "")
	in := filepath.Join(dir, "in.json")
	if err := os.WriteFile(in, assets.SampleJSON, 0o644); err != nil {
		t.Fatal(err)
	}
	db, err := storage.Open(board, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.MoveCard(t.Context(), "apple", 1, 2); err != nil { // makes a -wal and a -shm
		t.Fatal(err)
	}
	before := map[string][]byte{}
	for _, s := range []string{"", "-wal", "-shm"} {
		before[s] = readFile(t, board+s)
	}
	runCLI(t, "import", "--force", in, board).want(t, 1, "", "open for editing elsewhere")
	runCLI(t, "sample", "--force", board).want(t, 1, "", "open for editing elsewhere")
	for s, data := range before {
		if !bytes.Equal(readFile(t, board+s), data) {
			t.Fatalf("%s%s changed", board, s)
		}
	}
}

// The usage comes from the command table: every command is listed, and
// every one answers --help.
func TestUsage_ListsEveryCommand(t *testing.T) {
	u := usage()
	for _, c := range commands {
		if !strings.Contains(u, "evidenceboard "+c.name+" ") {
			t.Errorf("the usage does not list %s", c.name)
		}
		var out, errw bytes.Buffer
		if code := run([]string{c.name, "--help"}, nil, &out, &errw); code != exitOK || !strings.Contains(out.String()+errw.String(), "Usage: evidenceboard "+c.name) {
			t.Errorf("%s --help: exit %d, %q", c.name, code, out.String()+errw.String())
		}
	}
}
