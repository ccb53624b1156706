package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"evidenceboard/app"
	"evidenceboard/app/arrange"
	"evidenceboard/app/report"
	"evidenceboard/storage"
)

func cmdExercise(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("exercise", "exercise [--verdicts] [--links] [--no-notes | --keep-notes] [--instructions TEXT | --instructions-file FILE] [--force] KEY.evboard OUT.evboard",
		"Makes a classroom exercise from KEY, the board with the answers: a new board file OUT\n"+
			"holding everything of KEY but its answers. Every claim loses its status, history,\n"+
			"verdict and notes; the students decide each claim's status (always), its verdict on\n"+
			"the board's scale with --verdicts, and with --links which quotes support or deny it\n"+
			"(the key's supporting, denying and contradicting links are removed, the quotes' notes\n"+
			"left out unless --keep-notes, and the cards laid out anew). OUT is built fresh, not\n"+
			"copied from KEY, so nothing of the answers is in its bytes. The board's description\n"+
			"and the notes of sources, parties, quotes and links carry over, and may give answers\n"+
			"away: they are listed, and --no-notes leaves them all out. KEY keeps a record of the\n"+
			"exercise (what it asks), which grading follows. Grade the boards the students hand\n"+
			"in with: evidenceboard grade KEY.evboard STUDENTS...")
	verdicts := fs.Bool("verdicts", false, "ask for each claim's verdict on the board's rating scale")
	links := fs.Bool("links", false, "ask which quotes support or deny each claim (their links are removed)")
	instructions := fs.String("instructions", "", "instructions shown to the student when the exercise opens")
	instrFile := fs.String("instructions-file", "", "read the instructions from this UTF-8 text file")
	force := fs.Bool("force", false, "replace OUT if it exists")
	noNotes := fs.Bool("no-notes", false, "leave out the board's description and the notes of sources, parties, quotes and links")
	keepNotes := fs.Bool("keep-notes", false, "with --links, keep the quotes' notes (left out by default, for they tend to give links away)")
	pos, code := parse(fs, args, 2, stdout, stderr)
	if code >= 0 {
		return code
	}
	if *noNotes && *keepNotes {
		fmt.Fprintln(stderr, "evidenceboard exercise: give --no-notes or --keep-notes, not both")
		return exitUsage
	}
	keyPath, out := pos[0], pos[1]
	if *instrFile != "" {
		if *instructions != "" {
			fmt.Fprintln(stderr, "evidenceboard exercise: give --instructions or --instructions-file, not both")
			return exitUsage
		}
		data, err := readLimited(*instrFile)
		if err != nil {
			return fail(stderr, "exercise", err)
		}
		*instructions = strings.TrimRight(string(data), "\r\n")
	}
	if a, _ := filepath.Abs(keyPath); func() bool { b, _ := filepath.Abs(out); return a == b }() {
		fmt.Fprintln(stderr, "evidenceboard exercise: OUT is the key itself: write the exercise to another file")
		return exitUsage
	}
	// The key is opened for editing: it keeps the record of the exercise
	// (which is no edit, and no step of its change log).
	key, err := storage.Open(keyPath, storage.Options{})
	if err != nil {
		return fail(stderr, "exercise", err)
	}
	defer key.Close()
	opts := app.ExerciseOptions{Verdict: *verdicts, Links: *links, Instructions: *instructions, NoNotes: *noNotes, KeepQuoteNotes: *keepNotes}
	ex, err := app.MakeExerciseFile(context.Background(), key, storage.Files{}, out, *force, opts,
		func(d *app.Document) []app.Position { return arrange.Arrange(d, arrange.CardSizes) })
	if err != nil {
		return fail(stderr, "exercise", err)
	}
	asks := "status"
	if *verdicts {
		asks += ", verdict"
	}
	if *links {
		asks += ", links"
	}
	fmt.Fprintf(stdout, "wrote the exercise %s (%d claims to decide; asks: %s) to %s\n", ex.Exercise.ID, len(ex.Claims), asks, out)
	if notes := app.CarriedNotes(ex, app.ExerciseOptions{}); len(notes) > 0 {
		fmt.Fprintf(stdout, "it carries over %s of the key, which may give answers away (--no-notes leaves them out):\n", app.CountWords(len(notes), "note", "notes"))
		for _, n := range notes {
			fmt.Fprintf(stdout, "  %s %s: %s\n", n.Kind, n.Of, oneLine(n.Note, 100))
		}
	}
	return exitOK
}

func cmdGrade(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("grade", "grade [--format csv|html] [-o OUT] [--anonymous] KEY.evboard STUDENT.evboard|FOLDER...",
		"Grades the boards students handed in for an exercise made from KEY, each file given\n"+
			"and every .evboard file in each FOLDER (KEY itself is left out), by the rubric:\n"+
			"  "+strings.Join(app.DefaultRubric.Describe(), "\n  ")+"\n"+
			"csv: the gradebook, one row per student and claim with the columns\n"+
			"  "+strings.Join(report.GradeCSVHeader, ", ")+"\n"+
			"  and after each student's claims a row with claim_id TOTAL: correct is right out of\n"+
			"  all (7/12), points and max_points the sums, score the percentage.\n"+
			"html: the class report: the claims the class got wrong most, the spread of scores,\n"+
			"  and a page per student with their reasoning beside the key's notes (no script).\n"+
			"A board that is no answer to KEY (another exercise, the key itself, a changed or\n"+
			"damaged file) is reported on standard error and in the report, and skipped.\n"+
			"Exit codes: 0 every board graded; 1 some refused (the rest are graded and the report\n"+
			"is written), none could be graded, or KEY cannot be read; 2 wrong usage.")
	format := fs.String("format", "csv", "csv or html")
	out := fs.String("o", "", "write to this file instead of standard output")
	anonymous := fs.Bool("anonymous", false, "leave the students' names and files out (Student 1, 2, …)")
	pos, code := parse(fs, args, -2, stdout, stderr)
	if code >= 0 {
		return code
	}
	if *format != "csv" && *format != "html" {
		fmt.Fprintf(stderr, "evidenceboard grade: --format must be csv or html, not %q\n", *format)
		return exitUsage
	}
	// Grading reads every board as it is and writes nothing beside it:
	// the folder may be a shared drive the teacher can only read.
	class, err := report.GradeFiles(storage.Files{}, pos[0], pos[1:], nil)
	if err != nil {
		return fail(stderr, "grade", err)
	}
	class.Anonymous = *anonymous
	class.Generated = report.GeneratedTime(time.Now)
	for _, r := range class.Refused {
		fmt.Fprintf(stderr, "evidenceboard grade: %s was not graded: %s\n", r.File, r.Reason)
	}
	for _, d := range class.Duplicates {
		fmt.Fprintf(stderr, "evidenceboard grade: %s handed in more than once: graded %s, the board edited last; not graded: %s\n", d.Student, d.Kept, strings.Join(d.Dropped, ", "))
	}
	write := func(w io.Writer) error {
		if *format == "html" {
			return report.WriteGradeHTML(w, class)
		}
		return report.WriteGradeCSV(w, class)
	}
	if *out == "" || *out == "-" {
		err = write(stdout)
	} else {
		err = app.WriteFileAtomic(*out, write)
	}
	if err != nil {
		return fail(stderr, "grade", err)
	}
	fmt.Fprintf(stderr, "evidenceboard grade: graded %d of %s\n", len(class.Graded), app.CountWords(class.Files, "board", "boards"))
	if len(class.Refused) > 0 || len(class.Graded) == 0 {
		return exitFail
	}
	return exitOK
}

// oneLine returns s on one line, cut to at most n characters.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		s = string(r[:n-1]) + "…"
	}
	return s
}
