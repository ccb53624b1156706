package storage

import (
	"context"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	ctx := context.Background()
	t.Run("OK", func(t *testing.T) {
		db := MustSampleDB(t)
		problems, err := db.Check(ctx)
		if err != nil || len(problems) != 0 {
			t.Fatalf("problems = %q, %v", problems, err)
		}
	})
	tests := []struct {
		name  string
		stmts []string
		want  string
	}{
		{"ErrDanglingSpeaker", []string{"PRAGMA foreign_keys = OFF", "UPDATE quotes SET speaker = 'ghost' WHERE rowid = (SELECT min(rowid) FROM quotes)"}, "foreign key: row"},
		{"ErrOrphanItem", []string{"INSERT INTO items (id, kind, seq) VALUES ('lost', 'claim', 99999)"}, `item "lost" (claim) has no row of its kind`},
		{"ErrStatusHistory", []string{"UPDATE claims SET status = 'alleged' WHERE id = (SELECT claim_id FROM claim_history WHERE status = 'denied' LIMIT 1)"}, "but the last history entry says"},
		{"ErrRelation", []string{"UPDATE links SET relation = 'part-of' WHERE seq = 1"}, "links[0].relation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := MustSampleDB(t)
			for _, s := range tt.stmts {
				if err := db.gdb.Exec(s).Error; err != nil {
					t.Fatal(err)
				}
			}
			problems, err := db.Check(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(strings.Join(problems, "\n"), tt.want) {
				t.Fatalf("problems = %q, want one with %q", problems, tt.want)
			}
		})
	}
}
