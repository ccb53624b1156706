package main

import (
	"bytes"
	"context"
	"database/sql"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"

	"evidenceboard/app"
	"evidenceboard/storage"
)

// folderState is every file of a folder and its bytes.
func folderState(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		out[strings.TrimPrefix(p, dir)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func names(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestCLI_GradeReadOnly: grading leaves a folder of hand-ins byte for byte
// as it was, with no new file, on a folder the teacher can only read
// (here one of mode 0555, graded as an unprivileged user where the tests
// run as root, for root may write anywhere). The folder holds a hand-in of
// the schema before this one (read as it is, not upgraded), one still open
// for editing with its write-ahead log beside it, and the same student
// twice: the board edited last counts, and the other is named.
func TestCLI_GradeReadOnly(t *testing.T) {
	dir := t.TempDir()
	os.Chmod(filepath.Dir(dir), 0o755)
	os.Chmod(dir, 0o755)
	keyPath, exPath := filepath.Join(dir, "key.evboard"), filepath.Join(dir, "ex.evboard")
	key, _ := writeKey(t, keyPath)
	runCLI(t, "exercise", "--links", keyPath, exPath).want(t, 0, "asks: status, links", "")
	class := filepath.Join(dir, "class")
	os.Mkdir(class, 0o755)
	writeStudent(t, exPath, filepath.Join(class, "ada.evboard"), "Ada", key, []int{0, 1}, nil)
	writeStudent(t, exPath, filepath.Join(class, "bo draft.evboard"), "Bo", key, []int{0}, []int{1, 2})
	writeStudent(t, exPath, filepath.Join(class, "bo.evboard"), "bo ", key, []int{0, 1, 2}, nil)
	// Cy's board is of schema 4, as the program before this one wrote it.
	cy := filepath.Join(class, "cy.evboard")
	writeStudent(t, exPath, cy, "Cy", key, []int{3}, nil)
	old, err := sql.Open("sqlite", cy)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"DROP TABLE exercise_key", "PRAGMA user_version = 4"} {
		if _, err := old.Exec(s); err != nil {
			t.Fatal(s, err)
		}
	}
	old.Close()
	// Di's board is open for editing, its last edit in the log only.
	di := filepath.Join(class, "di.evboard")
	writeStudent(t, exPath, di, "Di", key, nil, nil)
	open, err := storage.Open(di, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer open.Close()
	c := key.Claims[4]
	if _, err := open.SetClaimStatus(context.Background(), c.ID, app.StatusChange{Status: c.Status}); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(di + "-wal"); err != nil || fi.Size() == 0 {
		t.Fatalf("Di's board has no write-ahead log: %v", err)
	}
	before := folderState(t, class)
	// Graded in the folder as it is, writable, then read-only.
	r := runCLI(t, "grade", keyPath, class)
	r.want(t, 0, "TOTAL", "graded 4 of 5 boards")
	after := folderState(t, class)
	if got, want := strings.Join(names(after), " "), strings.Join(names(before), " "); got != want {
		t.Errorf("the writable folder holds %s after grading, %s before", got, want)
	}
	for n, b := range before {
		if after[n] != b {
			t.Errorf("%s changed", n)
		}
	}
	for n := range before {
		os.Chmod(filepath.Join(class, n), 0o444)
	}
	os.Chmod(class, 0o555)
	defer os.Chmod(class, 0o755)

	cmd := exec.Command(binary, "grade", keyPath, class)
	if os.Geteuid() == 0 {
		// The binary and the key where an unprivileged user can read them.
		bin := filepath.Join(dir, "evidenceboard")
		if err := os.WriteFile(bin, readFile(t, binary), 0o755); err != nil {
			t.Fatal(err)
		}
		os.Chmod(keyPath, 0o644)
		cmd = exec.Command(bin, "grade", keyPath, class)
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		cmd.Env = append(os.Environ(), "HOME="+dir)
		cmd.Dir = dir
	}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("grade: %v\n%s", err, errb.String())
	}
	after = folderState(t, class)
	if got, want := strings.Join(names(after), " "), strings.Join(names(before), " "); got != want {
		t.Errorf("the folder holds %s after grading, %s before", got, want)
	}
	for n, b := range before {
		if after[n] != b {
			t.Errorf("%s changed", n)
		}
	}
	if !strings.Contains(errb.String(), "graded 4 of 5 boards") ||
		!strings.Contains(errb.String(), "bo handed in more than once: graded "+filepath.Join(class, "bo.evboard")) ||
		!strings.Contains(errb.String(), "not graded: "+filepath.Join(class, "bo draft.evboard")) {
		t.Errorf("stderr: %s", errb.String())
	}
	totals := map[string]string{}
	for _, line := range strings.Split(out.String(), "\n") {
		f := strings.Split(line, ",")
		if len(f) > 5 && f[1] == "TOTAL" {
			totals[strings.TrimPrefix(f[0], "\uFEFF")] = f[5]
		}
	}
	// Cy's old board is read as it is; Di's last edit, in the log, counts.
	want := map[string]string{"Ada": "2/12", "bo": "3/12", "Cy": "1/12", "Di": "1/12"}
	for name, w := range want {
		if totals[name] != w {
			t.Errorf("TOTAL of %q = %q, want %s (totals %v)", name, totals[name], w, totals)
		}
	}
	if len(totals) != len(want) {
		t.Errorf("totals = %v", totals)
	}
	// The class report names the duplicates, quotes by their words and
	// speaker, each kind of note under its heading, and each point's reason.
	page := filepath.Join(dir, "class.html")
	runCLI(t, "grade", "--format", "html", "-o", page, keyPath, class).want(t, 0, "", "graded 4 of 5")
	html := string(readFile(t, page))
	for _, w := range []string{"Handed in more than once", "bo draft.evboard", "missed “", "Notes on the claim", "Why " + string(key.Claims[0].Status),
		"Why the verdict", "Status: 2 of 2 points", "Links: "} {
		if !strings.Contains(html, w) {
			t.Errorf("the class report lacks %q", w)
		}
	}
	for _, q := range key.Quotes {
		if strings.Contains(html, "missed "+q.ID) || strings.Contains(html, ", "+q.ID+";") {
			t.Errorf("the class report names quote %s by its id", q.ID)
		}
	}
}
