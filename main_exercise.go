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
	fs := newFlags("exercise", "exercise [--verdicts] [--links] [--instructions TEXT | --instructions-file FILE] [--force] KEY.evboard OUT.evboard",
		"Makes a classroom exercise from KEY, the board with the answers: a new board file OUT\n"+
			"holding everything of KEY but its answers. Every claim loses its status, history,\n"+
			"verdict and notes; the students decide each claim's status (always), its verdict on\n"+
			"the board's scale with --verdicts, and with --links which quotes support or deny it\n"+
			"(the key's supporting, denying and contradicting links are removed). OUT is built\n"+
			"fresh, not copied from KEY, so nothing of the answers is in its bytes. Grade the\n"+
			"boards the students hand in with: evidenceboard grade KEY.evboard STUDENTS...")
	verdicts := fs.Bool("verdicts", false, "ask for each claim's verdict on the board's rating scale")
	links := fs.Bool("links", false, "ask which quotes support or deny each claim (their links are removed)")
	instructions := fs.String("instructions", "", "instructions shown to the student when the exercise opens")
	instrFile := fs.String("instructions-file", "", "read the instructions from this UTF-8 text file")
	force := fs.Bool("force", false, "replace OUT if it exists")
	pos, code := parse(fs, args, 2, stdout, stderr)
	if code >= 0 {
		return code
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
	opts := app.ExerciseOptions{Verdict: *verdicts, Links: *links, Instructions: *instructions}
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
