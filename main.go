// Command evidenceboard opens a board in a window, or works on board files
// from the command line with no display: import, export, sample, check.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"image"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"evidenceboard/app"
	"evidenceboard/app/arrange"
	"evidenceboard/assets"
	"evidenceboard/storage"
	"evidenceboard/ui"
)

// Exit codes, as the README documents them.
const (
	exitOK    = 0 // done; for check: the board is sound
	exitFail  = 1 // the input or the board has problems, or the work failed
	exitUsage = 2 // the command line itself is wrong
)

// command is one of the command line's commands. The table below is
// both what run dispatches on and what the usage lists.
type command struct {
	name     string
	synopsis string // the arguments, after the name
	summary  string // for the usage, "" to list the synopsis alone
	run      func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

var commands = []command{
	{"import", "[--force] IN.json OUT.evboard", "make a board from an interchange document", cmdImport},
	{"export", "[--format F] [--as-of TIME] [-o OUT] FILE.evboard", "F: " + strings.Join(formatNames(), ", "), cmdExport},
	{"sample", "[--force] OUT.evboard", "write the built-in sample board", cmdSample},
	{"check", "FILE.evboard", "check a board file", cmdCheck},
	{"review", "[--json] FILE.evboard", "list the board's weak spots", cmdReview},
	{"arrange", "FILE.evboard", "lay the board's cards out anew (one undo step)", cmdArrange},
	{"backup", "FILE.evboard", "make a backup copy now", cmdBackup},
	{"backups", "FILE.evboard", "list the backups, newest first", cmdBackups},
	{"restore", "FILE.evboard BACKUP", "put a backup in the board's place", cmdRestore},
	{"exercise", "[--verdicts] [--links] [--instructions TEXT] KEY.evboard OUT.evboard", "make a classroom exercise: the board without its answers", cmdExercise},
	{"grade", "[--format csv|html] [-o OUT] [--anonymous] KEY.evboard STUDENT.evboard|FOLDER...", "grade handed-in exercises against the key", cmdGrade},
}

// usage lists the commands from the table.
func usage() string {
	var b strings.Builder
	b.WriteString("Evidence Board: pin quotes, tie them to who said them and to the claims\n" +
		"they support or deny, and mark each claim alleged, denied or unconfirmed.\n\nUsage:\n")
	line := func(left, right string) {
		if right == "" {
			fmt.Fprintf(&b, "  %s\n", left)
		} else if len(left) > 44 {
			fmt.Fprintf(&b, "  %s\n  %-44s  %s\n", left, "", right)
		} else {
			fmt.Fprintf(&b, "  %-44s  %s\n", left, right)
		}
	}
	line("evidenceboard [FILE.evboard]", "open a board in the window")
	for _, c := range commands {
		line("evidenceboard "+c.name+" "+c.synopsis, c.summary)
	}
	b.WriteString("\nRun \"evidenceboard COMMAND --help\" for a command's options.\n" +
		"Exit codes: 0 done, 1 problems found or the work failed, 2 wrong usage.\n")
	return b.String()
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		for _, c := range commands {
			if c.name == args[0] {
				return c.run(args[1:], stdin, stdout, stderr)
			}
		}
		switch args[0] {
		case "-h", "-help", "--help", "help":
			fmt.Fprint(stdout, usage())
			return exitOK
		}
		if len(args) > 1 || (len(args[0]) > 0 && args[0][0] == '-') {
			fmt.Fprintf(stderr, "evidenceboard: unknown command %q\n\n%s", args[0], usage())
			return exitUsage
		}
	}
	return cmdWindow(args, stderr)
}

// parse parses flags and positional arguments in any order and checks the
// count of positional ones: want of them, or at least -want if negative.
func parse(fs *flag.FlagSet, args []string, want int, stdout, stderr io.Writer) ([]string, int) {
	for _, a := range args {
		if a == "-h" || a == "-help" || a == "--help" {
			fs.SetOutput(stdout)
			fs.Usage()
			return nil, exitOK
		}
	}
	fs.SetOutput(stderr)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, exitUsage
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos, args = append(pos, args[0]), args[1:]
	}
	if (want >= 0 && len(pos) != want) || (want < 0 && len(pos) < -want) {
		if want < 0 {
			fmt.Fprintf(stderr, "evidenceboard %s: expected at least %s, got %d\n", fs.Name(), app.CountWords(-want, "file argument", "file arguments"), len(pos))
		} else {
			fmt.Fprintf(stderr, "evidenceboard %s: expected %s, got %d\n", fs.Name(), app.CountWords(want, "file argument", "file arguments"), len(pos))
		}
		fs.Usage()
		return nil, exitUsage
	}
	return pos, -1
}

func newFlags(name, synopsis, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: evidenceboard %s\n\n%s\n", synopsis, about)
		fs.PrintDefaults()
	}
	return fs
}

// fail prints err in words and returns exitFail. A validation error lists
// every problem, one "path: message" a line.
func fail(stderr io.Writer, cmd string, err error) int {
	var ve *app.ValidationError
	if errors.As(err, &ve) {
		fmt.Fprintf(stderr, "evidenceboard %s: %s:\n", cmd, app.CountWords(len(ve.Problems), "problem", "problems"))
		for _, p := range ve.Problems {
			fmt.Fprintln(stderr, p.String())
		}
		return exitFail
	}
	fmt.Fprintf(stderr, "evidenceboard %s: %s\n", cmd, app.ErrorMessage(err))
	if errors.Is(err, app.ErrDamaged) {
		fmt.Fprint(stderr, "List its backups with: evidenceboard backups FILE.evboard\n"+
			"and put one in its place with: evidenceboard restore FILE.evboard BACKUP.evboard\n")
	}
	return exitFail
}

func cmdImport(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("import", "import [--force] IN.json OUT.evboard",
		"Makes a new board file from an interchange document (IN may be - for standard input).\n"+
			"All or nothing: on any problem it lists every one and creates nothing.")
	force := fs.Bool("force", false, "replace OUT if it exists")
	pos, code := parse(fs, args, 2, stdout, stderr)
	if code >= 0 {
		return code
	}
	in, out := pos[0], pos[1]
	var data []byte
	var err error
	if in == "-" {
		data, err = io.ReadAll(io.LimitReader(stdin, app.MaxDocumentBytes+1))
	} else {
		data, err = readLimited(in)
	}
	if err != nil {
		return fail(stderr, "import", err)
	}
	doc, warnings, err := app.ParseDocument(data)
	for _, w := range warnings {
		fmt.Fprintf(stderr, "warning: %s\n", w)
	}
	if err != nil {
		return fail(stderr, "import", err)
	}
	if err := (storage.Files{}).Import(out, doc, *force); err != nil {
		return fail(stderr, "import", err)
	}
	fmt.Fprintf(stdout, "imported %d sources, %d parties, %d claims, %d quotes, %d links into %s\n",
		len(doc.Sources), len(doc.Parties), len(doc.Claims), len(doc.Quotes), len(doc.Links), out)
	return exitOK
}

func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		switch {
		case errors.Is(err, os.ErrNotExist):
			return nil, app.Errorf(app.ENOTFOUND, "there is no file at %s", path)
		case errors.Is(err, os.ErrPermission):
			return nil, app.Errorf(app.EINVALID, "%s cannot be read: permission denied", path)
		}
		return nil, app.Errorf(app.EINVALID, "%s cannot be read: %v", path, err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return nil, app.Errorf(app.EINVALID, "%s is a folder, not a document", path)
	}
	data, err := io.ReadAll(io.LimitReader(f, app.MaxDocumentBytes+1))
	if err != nil {
		return nil, app.Errorf(app.EINVALID, "%s cannot be read: %v", path, err)
	}
	return data, nil
}

func cmdExport(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("export", "export [--format F] [--as-of TIME] [-o OUT] FILE.evboard",
		"Writes the board in a portable format or as a report, to OUT or to standard\n"+
			"output. OUT is written whole or not at all. Formats: "+strings.Join(formatNames(), ", ")+".\n"+
			"With --as-of, the board as it stood at TIME: statuses and history cut at TIME,\n"+
			"verdicts given after it and items first dated after it left out.\n"+
			"The generation time in reports honours SOURCE_DATE_EPOCH.")
	format := fs.String("format", "json", "output format: "+strings.Join(formatNames(), ", "))
	out := fs.String("o", "", "write to this file instead of standard output")
	scale := fs.Float64("scale", 1, "png: pixels per board unit (0.1 to 4)")
	region := fs.String("region", "", "png: the part of the board to draw, as X,Y,WIDTH,HEIGHT in board units (default: all of it)")
	paper := fs.String("paper", "A4", "pdf: paper size, A4 or Letter")
	dark := fs.Bool("dark", false, "png: draw the board in the dark theme")
	asOf := fs.String("as-of", "", "the board as it stood at this `TIME`: a date (YYYY-MM-DD, to the end of that day, UTC) or an RFC 3339 time")
	pos, code := parse(fs, args, 1, stdout, stderr)
	if code >= 0 {
		return code
	}
	var at time.Time
	if *asOf != "" {
		var err error
		if at, err = app.ParseAsOf(*asOf); err != nil {
			fmt.Fprintf(stderr, "evidenceboard export: --as-of: %s\n", app.ErrorMessage(err))
			return exitUsage
		}
	}
	write, err := exporter(*format, *scale, *region, *paper, *dark, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "evidenceboard export: %s\n", app.ErrorMessage(err))
		return exitUsage
	}
	db, err := storage.OpenForReading(pos[0])
	if err != nil {
		return fail(stderr, "export", err)
	}
	defer db.Close()
	doc, err := db.Export(context.Background())
	if err != nil {
		return fail(stderr, "export", err)
	}
	// A board the format's rules refuse was changed behind the program's
	// back: exporting it would hand on a document nothing can import.
	if ps := app.ValidateDocument(doc); len(ps) > 0 {
		fmt.Fprintf(stderr, "evidenceboard export: %s breaks the board format's rules and was not exported (evidenceboard check lists every problem):\n", pos[0])
		for i, p := range ps {
			if i == 5 {
				fmt.Fprintf(stderr, "  … and %d more\n", len(ps)-5)
				break
			}
			fmt.Fprintf(stderr, "  %s\n", p)
		}
		return exitFail
	}
	if *asOf != "" {
		doc = app.AsOf(doc, at)
	}
	if *out == "" || *out == "-" {
		err = write(stdout, doc)
	} else {
		err = app.WriteFileAtomic(*out, func(w io.Writer) error { return write(w, doc) })
	}
	if err != nil {
		return fail(stderr, "export", err)
	}
	return exitOK
}

func formatNames() []string {
	var names []string
	for _, f := range ui.ExportFormats {
		names = append(names, f.Name)
	}
	return names
}

// exporter returns the writer for a format, from the one list the window
// offers too, or EINVALID for a wrong format or option.
func exporter(format string, scale float64, region, paper string, dark bool, stderr io.Writer) (func(io.Writer, *app.Document) error, error) {
	f, ok := ui.LookupFormat(format)
	if !ok {
		return nil, app.Errorf(app.EINVALID, "unknown format %q (use one of %s)", format, strings.Join(formatNames(), ", "))
	}
	if paper != "A4" && paper != "Letter" {
		return nil, app.Errorf(app.EINVALID, "--paper must be A4 or Letter, not %q", paper)
	}
	if scale < 0.1 || scale > 4 {
		return nil, app.Errorf(app.EINVALID, "--scale must be between 0.1 and 4, not %g", scale)
	}
	opts := ui.ExportOptions{Paper: paper, PNG: ui.RenderOptions{Scale: float32(scale), Dark: dark},
		Warn: func(msg string) { fmt.Fprintf(stderr, "warning: %s\n", msg) }}
	if region != "" {
		var x, y, w, h int
		if n, err := fmt.Sscanf(region, "%d,%d,%d,%d", &x, &y, &w, &h); n != 4 || err != nil || w <= 0 || h <= 0 {
			return nil, app.Errorf(app.EINVALID, "--region must be X,Y,WIDTH,HEIGHT in whole board units, such as 0,0,1200,800")
		}
		opts.PNG.Region = image.Rect(x, y, x+w, y+h)
	}
	return func(w io.Writer, doc *app.Document) error { return f.Write(context.Background(), w, doc, opts) }, nil
}

func cmdSample(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("sample", "sample [--force] OUT.evboard",
		"Writes the built-in sample board, \"The Big Hack: claims and denials\".")
	force := fs.Bool("force", false, "replace OUT if it exists")
	pos, code := parse(fs, args, 1, stdout, stderr)
	if code >= 0 {
		return code
	}
	if err := writeSample(pos[0], *force); err != nil {
		return fail(stderr, "sample", err)
	}
	fmt.Fprintf(stdout, "wrote the sample board to %s\n", pos[0])
	return exitOK
}

func writeSample(path string, force bool) error {
	doc, _, err := app.ParseDocument(assets.SampleJSON)
	if err != nil {
		return err
	}
	return storage.Files{}.Import(path, doc, force)
}

func cmdCheck(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("check", "check FILE.evboard",
		"Runs SQLite's integrity and foreign key checks and the board's own rules.\n"+
			"Prints ok and exits 0, or lists the problems and exits 1.")
	pos, code := parse(fs, args, 1, stdout, stderr)
	if code >= 0 {
		return code
	}
	db, err := storage.OpenForReading(pos[0])
	if err != nil {
		return fail(stderr, "check", err)
	}
	defer db.Close()
	problems, err := db.Check(context.Background())
	if err != nil {
		return fail(stderr, "check", err)
	}
	if len(problems) == 0 {
		fmt.Fprintln(stdout, "ok")
		return exitOK
	}
	for _, p := range problems {
		fmt.Fprintln(stdout, p)
	}
	fmt.Fprintf(stderr, "evidenceboard check: %s in %s\n", app.CountWords(len(problems), "problem", "problems"), pos[0])
	return exitFail
}

func cmdReview(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("review", "review [--json] FILE.evboard",
		"Lists the board's weak spots, one a line: kind, the id of the item it is about,\n"+
			"and what was found in words; with --json, a JSON array of\n"+
			"{\"kind\", \"item\", \"items\", \"message\"}. A weak spot is advice, not an error:\n"+
			"it exits 0 whatever it finds, and 1 only if the board cannot be read.")
	asJSON := fs.Bool("json", false, "write the findings as a JSON array")
	pos, code := parse(fs, args, 1, stdout, stderr)
	if code >= 0 {
		return code
	}
	db, err := storage.OpenForReading(pos[0])
	if err != nil {
		return fail(stderr, "review", err)
	}
	defer db.Close()
	doc, err := db.Export(context.Background())
	if err != nil {
		return fail(stderr, "review", err)
	}
	findings := app.Review(doc)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(findings); err != nil {
			return fail(stderr, "review", err)
		}
		return exitOK
	}
	for _, f := range findings {
		fmt.Fprintf(stdout, "%s\t%s\t%s\n", f.Kind, f.Item, f.Message)
	}
	if len(findings) == 0 {
		fmt.Fprintln(stderr, "evidenceboard review: no weak spots found")
	}
	return exitOK
}

// hasDisplay reports whether a window can be shown. It is checked before
// Fyne starts, because GLFW panics without a display.
func hasDisplay() bool {
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd", "netbsd":
		return os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != ""
	}
	return true
}

func cmdWindow(args []string, stderr io.Writer) int {
	if !hasDisplay() {
		fmt.Fprint(stderr, "evidenceboard: there is no display to show the window on (DISPLAY is not set).\n"+
			"Run it in a desktop session, or use a command that needs no display: import, export, sample, check.\n")
		return exitFail
	}
	path, firstRun := "", false
	if len(args) == 1 {
		path = args[0]
	} else {
		var err error
		if path, firstRun, err = firstRunSample(); err != nil {
			return fail(stderr, "", err)
		}
	}
	// The window checks a board's file just after showing it, not before.
	ui.Run(storage.Files{Options: storage.Options{DeferCheck: true}}, path, firstRun)
	return exitOK
}

// firstRunSample returns the user's copy of the sample board, and true if
// it was made now, in the documents folder, on the first run.
func firstRunSample() (string, bool, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return "", false, app.Errorf(app.EINTERNAL, "cannot find your home folder: %v", err)
	}
	dir := filepath.Join(home, "Documents", "Evidence Board")
	path := filepath.Join(dir, "The Big Hack (sample).evboard")
	if _, err := os.Stat(path); err == nil {
		return path, false, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", false, app.Errorf(app.EINVALID, "cannot make the folder %s: %v", dir, err)
	}
	return path, true, writeSample(path, false)
}

func cmdArrange(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("arrange", "arrange FILE.evboard",
		"Lays every card of the board out anew: each claim with its quotes around it, supporting\n"+
			"and denying quotes on either side, speakers and sources near what they said. Stored as\n"+
			"one edit, which the window's Undo takes back. Prints what the new layout measures.")
	pos, code := parse(fs, args, 1, stdout, stderr)
	if code >= 0 {
		return code
	}
	db, err := storage.Open(pos[0], storage.Options{})
	if err != nil {
		return fail(stderr, "arrange", err)
	}
	defer db.Close()
	f, err := arrange.Board(context.Background(), db)
	if err != nil {
		return fail(stderr, "arrange", err)
	}
	fmt.Fprintf(stdout, "arranged %d cards: %d strings, %d crossings, %d through cards, %d overlaps, %.2f wide for its height\n",
		f.Cards, f.Strings, f.Crossings, f.ThroughCards, f.Overlaps, f.Aspect)
	return exitOK
}

func cmdBackup(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("backup", "backup FILE.evboard",
		"Makes a backup copy of the board now, in the folder ."+"NAME.evboard-backups beside it.")
	pos, code := parse(fs, args, 1, stdout, stderr)
	if code >= 0 {
		return code
	}
	db, err := storage.Open(pos[0], storage.Options{})
	if err != nil {
		return fail(stderr, "backup", err)
	}
	defer db.Close()
	b, err := db.Backup(context.Background(), app.BackupManual)
	if err != nil {
		return fail(stderr, "backup", err)
	}
	fmt.Fprintln(stdout, b.Path)
	return exitOK
}

func cmdBackups(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("backups", "backups FILE.evboard", "Lists the board's backups, newest first: time (UTC), reason, size, path.")
	pos, code := parse(fs, args, 1, stdout, stderr)
	if code >= 0 {
		return code
	}
	bs, err := storage.ListBackups(pos[0])
	if err != nil {
		return fail(stderr, "backups", err)
	}
	if len(bs) == 0 {
		fmt.Fprintf(stderr, "evidenceboard backups: %s has no backups yet\n", pos[0])
	}
	for _, b := range bs {
		fmt.Fprintf(stdout, "%s  %-14s  %8d  %s\n", b.Taken.Format("2006-01-02 15:04:05"), b.Reason, b.Size, b.Path)
	}
	return exitOK
}

func cmdRestore(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("restore", "restore FILE.evboard BACKUP.evboard",
		"Puts a backup in the board's place, all or nothing. The backup must pass check;\n"+
			"the board as it is now is backed up first. The board must not be open.")
	pos, code := parse(fs, args, 2, stdout, stderr)
	if code >= 0 {
		return code
	}
	if err := storage.Restore(pos[0], pos[1], storage.Options{}); err != nil {
		return fail(stderr, "restore", err)
	}
	fmt.Fprintf(stdout, "restored %s from %s\n", pos[0], pos[1])
	return exitOK
}
