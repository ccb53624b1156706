//go:build unix

package storage

import (
	"bufio"
	"context"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"reflect"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"evidenceboard/app"
)

// TestCrash_SIGKILL: a child process makes random edits through the
// services and reports each after its commit returns; the parent kills it
// with SIGKILL at a random moment. Every reported edit must be in the file
// afterwards, and integrity_check, foreign_key_check and the board's own
// rules must pass, every time. EVB_CRASH_TRIALS sets the number of trials
// (200 by default; the long run in the notes used 1,000).
func TestCrash_SIGKILL(t *testing.T) {
	trials := 200
	if testing.Short() || raceOn {
		trials = 30
	}
	if n, err := strconv.Atoi(os.Getenv("EVB_CRASH_TRIALS")); err == nil {
		trials = n
	}
	path := sampleFile(t)
	r := rand.New(rand.NewSource(time.Now().UnixNano()))
	reported := map[string]bool{}
	statusOf := map[string]app.Status{}
	totalEdits := 0
	for trial := 0; trial < trials; trial++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$")
		cmd.Env = append(os.Environ(), "EVB_CRASH_CHILD="+path, fmt.Sprintf("EVB_CRASH_SEED=%d", r.Int63()), fmt.Sprintf("EVB_CRASH_BASE=%d", trial*100000))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string)
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		// The kill comes at a random moment once the child has opened the
		// board, so that it lands among edits, not during start-up.
		var kill <-chan time.Time
		var madeNow []string
	read:
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					break read
				}
				if l == "ready" {
					kill = time.After(time.Duration(r.Intn(150)) * time.Millisecond)
					continue
				}
				madeNow = append(madeNow, recordEdit(l, reported, statusOf)...)
				totalEdits++
			case <-kill:
				cmd.Process.Signal(syscall.SIGKILL)
				for l := range lines { // edits reported before the kill landed
					madeNow = append(madeNow, recordEdit(l, reported, statusOf)...)
					totalEdits++
				}
				break read
			}
		}
		if err := cmd.Wait(); err != nil && !strings.Contains(err.Error(), "killed") {
			t.Fatalf("trial %d: the child failed: %v", trial, err)
		}

		db, err := Open(path, Options{})
		if err != nil {
			t.Fatalf("trial %d: the board does not open after SIGKILL: %v", trial, err)
		}
		problems, err := db.Check(context.Background())
		if err != nil || len(problems) > 0 {
			t.Fatalf("trial %d: check after SIGKILL: %v %v", trial, problems, err)
		}
		doc, _ := db.Export(context.Background())
		have := map[string]app.Status{}
		for _, c := range doc.Claims {
			have[c.ID] = c.Status
		}
		for id := range reported {
			if _, ok := have[id]; !ok {
				t.Fatalf("trial %d: claim %s was reported committed and is missing", trial, id)
			}
		}
		// The edit in flight when the kill came may have committed
		// unreported: at most one status may be newer than reported.
		newer := 0
		for id, s := range statusOf {
			if have[id] != s {
				if newer++; newer > 1 {
					t.Fatalf("trial %d: claim %s is %s, but %s was reported committed last", trial, id, have[id], s)
				}
				statusOf[id] = have[id]
			}
		}
		// The change log holds a whole step for every edit reported, and
		// its last step undoes and redoes: no half step was left.
		for _, id := range madeNow {
			steps, err := db.Log(context.Background(), app.LogFilter{Item: id})
			if err != nil || len(steps) == 0 || steps[0].Label != "New claim" {
				t.Fatalf("trial %d: the log of claim %s, reported made: %+v %v", trial, id, steps, err)
			}
		}
		if undo, _, _ := db.UndoState(context.Background()); undo != "" {
			before, _ := db.Export(context.Background())
			if _, err := db.Undo(context.Background()); err != nil {
				t.Fatalf("trial %d: undo of %q after SIGKILL: %v", trial, undo, err)
			}
			if _, err := db.Redo(context.Background()); err != nil {
				t.Fatalf("trial %d: redo of %q after SIGKILL: %v", trial, undo, err)
			}
			after, _ := db.Export(context.Background())
			before.Board.Updated, after.Board.Updated = time.Time{}, time.Time{}
			if !reflect.DeepEqual(before, after) {
				t.Fatalf("trial %d: undoing and redoing %q after SIGKILL changed the board", trial, undo)
			}
		}
		db.Close()
	}
	t.Logf("%d trials, %d edits reported and found", trials, totalEdits)
}

// recordEdit notes a line the child printed after a commit returned:
// "new ID" or "status ID STATUS". It returns the id of a new claim.
func recordEdit(line string, reported map[string]bool, statusOf map[string]app.Status) []string {
	f := strings.Fields(line)
	switch {
	case len(f) == 2 && f[0] == "new":
		reported[f[1]] = true
		statusOf[f[1]] = app.StatusAlleged
		return f[1:]
	case len(f) == 3 && f[0] == "status":
		statusOf[f[1]] = app.Status(f[2])
	}
	return nil
}

// TestCrashChild is the child of TestCrash_SIGKILL; it does nothing when
// run on its own.
func TestCrashChild(t *testing.T) {
	path := os.Getenv("EVB_CRASH_CHILD")
	if path == "" {
		t.Skip("the child of TestCrash_SIGKILL")
	}
	seed, _ := strconv.ParseInt(os.Getenv("EVB_CRASH_SEED"), 10, 64)
	base, _ := strconv.Atoi(os.Getenv("EVB_CRASH_BASE"))
	r := rand.New(rand.NewSource(seed))
	ctx := context.Background()
	db, err := Open(path, Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	var mine []string
	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(w, "ready")
	w.Flush()
	for n := base; ; n++ {
		switch k := r.Intn(5); {
		case k < 2 || len(mine) == 0:
			id := fmt.Sprintf("crash-%d", n)
			if err := db.CreateClaim(ctx, &app.Claim{ID: id, Statement: strings.Repeat("words ", 1+r.Intn(50)), Status: app.StatusAlleged}, nil); err != nil {
				os.Exit(4)
			}
			mine = append(mine, id)
			fmt.Fprintf(w, "new %s\n", id)
		case k == 2:
			id := mine[r.Intn(len(mine))]
			s := app.Statuses[r.Intn(3)]
			if _, err := db.SetClaimStatus(ctx, id, app.StatusChange{Status: s, Note: "crash test"}); err != nil {
				os.Exit(5)
			}
			fmt.Fprintf(w, "status %s %s\n", id, s)
		case k == 3:
			if err := db.MoveCard(ctx, mine[r.Intn(len(mine))], float64(r.Intn(5000)), float64(r.Intn(5000))); err != nil {
				os.Exit(6)
			}
		default:
			// A link, sometimes undone at once: undo must take back that
			// edit only, never one reported before it.
			err := db.CreateLink(ctx, &app.Link{From: mine[r.Intn(len(mine))], To: "apple", Relation: app.RelAbout})
			if err == nil && r.Intn(4) == 0 {
				if ch, err := db.Undo(ctx); err != nil || ch.Label != "New link" {
					os.Exit(7)
				}
				if r.Intn(2) == 0 {
					if ch, err := db.Redo(ctx); err != nil || ch.Label != "New link" {
						os.Exit(8)
					}
				}
			}
		}
		w.Flush() // reported only after the commit returned
	}
}
