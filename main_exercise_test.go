package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"evidenceboard/app"
	"evidenceboard/assets"
	"evidenceboard/storage"
)

// writeKey writes the sample, with a findable word in each of its answers
// and a verdict on each claim, as a key board; it returns the words.
func writeKey(t *testing.T, path string) (*app.Document, []string) {
	t.Helper()
	doc, _, err := app.ParseDocument(assets.SampleJSON)
	if err != nil {
		t.Fatal(err)
	}
	var secrets []string
	for i := range doc.Claims {
		c := &doc.Claims[i]
		c.Notes += fmt.Sprintf(" KEYNOTE%02dQ", i)
		for j := range c.History {
			c.History[j].Note += fmt.Sprintf(" HISTNOTE%02d%02dQ", i, j)
			secrets = append(secrets, fmt.Sprintf("HISTNOTE%02d%02dQ", i, j))
		}
		c.Verdict = &app.Verdict{Label: app.DefaultScale[i%5].Label, Note: fmt.Sprintf("VERDICTNOTE%02dQ", i), At: time.Date(2018, 10, 20, 0, 0, 0, 0, time.UTC)}
		secrets = append(secrets, fmt.Sprintf("KEYNOTE%02dQ", i), fmt.Sprintf("VERDICTNOTE%02dQ", i))
	}
	if err := (storage.Files{}).Import(path, doc, false); err != nil {
		t.Fatal(err)
	}
	return doc, secrets
}

// writeStudent copies the exercise to path and works on it as a student
// would: a name, then the claims at right decided as the key has them
// (with the key's verdict), those at wrong decided otherwise, with notes.
func writeStudent(t testing.TB, exPath, path, name string, key *app.Document, right, wrong []int) {
	t.Helper()
	data, err := os.ReadFile(exPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	if _, err := db.SetStudent(ctx, name); err != nil {
		t.Fatal(err)
	}
	for _, i := range right {
		c := key.Claims[i]
		if _, err := db.SetClaimStatus(ctx, c.ID, app.StatusChange{Status: c.Status, Note: "reasons for " + c.ID}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SetClaimVerdict(ctx, c.ID, &app.Verdict{Label: c.Verdict.Label}); err != nil {
			t.Fatal(err)
		}
		if e, _ := db.Exercise(ctx); e.Asked.Links {
			for _, l := range key.Links {
				if l.To == c.ID && (l.Relation == app.RelSupports || l.Relation == app.RelDenies || l.Relation == app.RelContradicts) {
					if err := db.CreateLink(ctx, &app.Link{From: l.From, To: l.To, Relation: l.Relation}); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
	}
	for _, i := range wrong {
		c := key.Claims[i]
		s := app.StatusAlleged
		if c.Status == s {
			s = app.StatusDenied
		}
		if _, err := db.SetClaimStatus(ctx, c.ID, app.StatusChange{Status: s, Note: "a guess"}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestCLI_ExerciseAndGrade(t *testing.T) {
	dir := t.TempDir()
	keyPath, exPath := filepath.Join(dir, "key.evboard"), filepath.Join(dir, "exercise.evboard")
	key, secrets := writeKey(t, keyPath)
	instr := filepath.Join(dir, "instructions.txt")
	if err := os.WriteFile(instr, []byte("Read the quotes, then decide.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	runCLI(t, "exercise", "--verdicts", "--links", "--instructions", "x", "--instructions-file", instr, keyPath, exPath).want(t, 2, "", "not both")
	runCLI(t, "exercise", keyPath, keyPath).want(t, 2, "", "OUT is the key itself")
	runCLI(t, "exercise", "--verdicts", "--links", "--instructions-file", instr, keyPath, exPath).want(t, 0, "12 claims to decide; asks: status, verdict, links", "")
	runCLI(t, "exercise", keyPath, exPath).want(t, 1, "", "already exists")
	runCLI(t, "exercise", exPath, filepath.Join(dir, "ex2.evboard")).want(t, 1, "", "is an exercise, not an answer key")

	// Nothing of the answers is in the file, nor in any export of it.
	outputs := map[string][]byte{"file": readFile(t, exPath)}
	for _, f := range formatNames() {
		r := runCLI(t, "export", "--format", f, exPath)
		r.want(t, 0, "", "")
		outputs[f] = []byte(r.stdout)
		if f == "pdf" {
			if _, err := exec.LookPath("pdftotext"); err == nil {
				p := filepath.Join(dir, "ex.pdf")
				os.WriteFile(p, []byte(r.stdout), 0o644)
				txt, err := exec.Command("pdftotext", p, "-").Output()
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Contains(txt, []byte("Supermicro")) {
					t.Fatal("pdftotext finds no text in the PDF: the test cannot look in it")
				}
				outputs["pdf text"] = txt
			}
		}
	}
	if len(outputs) < 8 {
		t.Fatalf("only %d outputs looked at", len(outputs))
	}
	for name, data := range outputs {
		for _, s := range secrets {
			if bytes.Contains(data, []byte(s)) {
				t.Errorf("%s of the exercise holds the key's %q", name, s)
			}
		}
	}
	j := runCLI(t, "export", exPath)
	for _, w := range []string{`"exercise": {`, `"instructions": "Read the quotes, then decide."`, `"links": true`} {
		if !strings.Contains(j.stdout, w) {
			t.Errorf("the exercise's JSON lacks %s", w)
		}
	}

	// A class: three students, the key itself, another exercise, a changed
	// board and a damaged file.
	class := filepath.Join(dir, "class")
	os.Mkdir(class, 0o755)
	writeStudent(t, exPath, filepath.Join(class, "ada.evboard"), "Ada", key, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, nil)
	writeStudent(t, exPath, filepath.Join(class, "bo.evboard"), "Bo", key, []int{0, 1, 2}, []int{3, 4, 5})
	writeStudent(t, exPath, filepath.Join(class, "cy.evboard"), "Cy", key, nil, nil)
	os.WriteFile(filepath.Join(class, "key-copy.evboard"), readFile(t, keyPath), 0o644)
	// Another exercise of the same key is graded by what it asked; one of
	// another board (here the sample less a claim) is refused.
	otherKey := filepath.Join(dir, "other-key.evboard")
	od := *key
	drop := od.Claims[len(od.Claims)-1].ID
	od.Claims = od.Claims[:len(od.Claims)-1]
	od.Links, od.Layout = nil, nil
	for _, l := range key.Links {
		if l.From != drop && l.To != drop {
			od.Links = append(od.Links, l)
		}
	}
	for _, p := range key.Layout {
		if p.Item != drop {
			od.Layout = append(od.Layout, p)
		}
	}
	if err := (storage.Files{}).Import(otherKey, &od, false); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "other.evboard")
	runCLI(t, "exercise", otherKey, other).want(t, 0, "", "")
	writeStudent(t, other, filepath.Join(class, "other.evboard"), "Di", key, []int{0}, nil)
	writeStudent(t, exPath, filepath.Join(class, "tampered.evboard"), "Ed", key, []int{0}, nil)
	if db, err := storage.Open(filepath.Join(class, "tampered.evboard"), storage.Options{}); err == nil {
		s := "Something else entirely."
		db.UpdateClaim(context.Background(), key.Claims[1].ID, app.ClaimUpdate{Statement: &s})
		db.Close()
	}
	os.WriteFile(filepath.Join(class, "damaged.evboard"), []byte("SQLite format 3\x00 but not really"), 0o644)

	r := runCLI(t, "grade", keyPath, class)
	r.want(t, 1, "", "graded 3 of 7 boards")
	for _, w := range []string{"key-copy.evboard was not graded: this is the answer key itself",
		"other.evboard was not graded: it belongs to another exercise",
		"tampered.evboard was not graded: the statement of claim",
		"damaged.evboard was not graded"} {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, r.stderr)
		}
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(r.stdout, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0][:6], ","); got != "student,claim_id,claim,expected,given,correct" {
		t.Errorf("header = %s", got)
	}
	if len(rows) != 1+3*13 {
		t.Fatalf("%d rows, want %d", len(rows), 1+3*13)
	}
	totals := map[string][]string{}
	for _, row := range rows[1:] {
		if row[1] == "TOTAL" {
			totals[row[0]] = row
		}
	}
	// Two claims have no quote linked in the key: where the student links
	// none either, no link points are at stake, so the board is worth 56
	// points, not 60. Ada has every status, verdict and link of the key;
	// Bo three claims in full (13 points: one of them is one without
	// links) and three wrong, which earn nothing, though one of them the
	// key links no quote to either (it earned 2 points for links once);
	// Cy, who decides nothing, earns nothing.
	for name, want := range map[string][3]string{"Ada": {"12/12", "56", "100"}, "Bo": {"3/12", "13", "23.2"}, "Cy": {"0/12", "0", "0"}} {
		if row := totals[name]; row == nil || row[5] != want[0] || row[13] != want[1] || row[14] != "56" || row[15] != want[2] {
			t.Errorf("TOTAL of %s = %v, want correct %s, points %s of 56, score %s", name, row, want[0], want[1], want[2])
		}
	}
	if rows[1][0] != "Ada" || rows[1][1] != key.Claims[0].ID || rows[1][3] != string(key.Claims[0].Status) || rows[1][5] != "yes" {
		t.Errorf("first row = %v", rows[1])
	}

	// The HTML class report, with and without names.
	page := filepath.Join(dir, "class.html")
	runCLI(t, "grade", "--format", "html", "-o", page, keyPath, filepath.Join(class, "ada.evboard"), filepath.Join(class, "bo.evboard")).want(t, 0, "", "graded 2 of 2")
	html := string(readFile(t, page))
	for _, w := range []string{"<svg", "Which claims the class got wrong most", "Spread of scores", "Ada", "reasons for", "KEYNOTE00Q", "Rubric"} {
		if !strings.Contains(html, w) {
			t.Errorf("the class report lacks %q", w)
		}
	}
	if strings.Contains(html, "<script") {
		t.Error("the class report has a script")
	}
	anon := runCLI(t, "grade", "--format", "html", "--anonymous", keyPath, filepath.Join(class, "ada.evboard"), filepath.Join(class, "bo.evboard"))
	anon.want(t, 0, "Student 2", "")
	for _, w := range []string{"Ada", "ada.evboard", ">Bo<"} {
		if strings.Contains(anon.stdout, w) {
			t.Errorf("the anonymous report names %q", w)
		}
	}
	runCLI(t, "grade", "--format", "pdf", keyPath, class).want(t, 2, "", "--format must be csv or html")
	runCLI(t, "grade", keyPath).want(t, 2, "", "expected at least 2")
	runCLI(t, "grade", exPath, class).want(t, 1, "", "is an exercise, not the key")
}
