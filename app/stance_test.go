package app_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"evidenceboard/app"
)

// cellLine is a cell in one line: party claim stance roles quotes counts.
func cellLine(c app.StanceCell) string {
	roles := make([]string, len(c.Roles))
	for i, r := range c.Roles {
		roles[i] = string(r)
	}
	stance := c.Stance
	if stance == "" {
		stance = "-"
	}
	return fmt.Sprintf("%s %s %s [%s] [%s] %d/%d/%d/%d", c.Party, c.Claim, stance, strings.Join(roles, " "),
		strings.Join(c.Quotes, " "), c.Supports, c.Denies, c.Contradicts, c.Mentions)
}

func cellLines(cs []app.StanceCell) string {
	var b strings.Builder
	for _, c := range cs {
		b.WriteString(cellLine(c) + "\n")
	}
	return b.String()
}

func TestStance(t *testing.T) {
	// Two parties, one claim; each case ties the parties' quotes to the
	// claim its own way.
	base := func() *app.Document {
		d := reviewDoc()
		d.Parties = []app.Party{{ID: "p1", Name: "One", Kind: app.PartyPerson}, {ID: "p2", Name: "Two", Kind: app.PartyOrganisation}}
		d.Claims = []app.Claim{{ID: "c1", Statement: "It happened.", Status: app.StatusAlleged}, {ID: "c2", Statement: "It did not.", Status: app.StatusAlleged}}
		for i, sp := range []string{"p1", "p1", "p1", "p2", ""} {
			d.Quotes = append(d.Quotes, app.Quote{ID: fmt.Sprintf("q%d", i+1), Text: "words", Speaker: sp})
		}
		return d
	}
	tests := []struct {
		name  string
		links []app.Link
		want  string
	}{
		{"NothingMeets", nil, ""},
		{"Supports", []app.Link{link("q1", app.RelSupports, "c1"), link("q2", app.RelSupports, "c1")},
			"p1 c1 supports [] [q1 q2] 2/0/0/0\n"},
		{"Denies", []app.Link{link("q1", app.RelDenies, "c1")}, "p1 c1 denies [] [q1] 0/1/0/0\n"},
		{"Contradicts", []app.Link{link("q1", app.RelContradicts, "c1")}, "p1 c1 contradicts [] [q1] 0/0/1/0\n"},
		{"Mentions", []app.Link{link("q1", app.RelMentions, "c1")}, "p1 c1 mentions [] [q1] 0/0/0/1\n"},
		{"DeniesAndContradictsIsDenies", []app.Link{link("q2", app.RelContradicts, "c1"), link("q1", app.RelDenies, "c1")},
			"p1 c1 denies [] [q1 q2] 0/1/1/0\n"},
		{"MentionsGiveWayToASide", []app.Link{link("q1", app.RelMentions, "c1"), link("q2", app.RelSupports, "c1")},
			"p1 c1 supports [] [q1 q2] 1/0/0/1\n"},
		{"SupportsAndDeniesIsMixed", []app.Link{link("q1", app.RelSupports, "c1"), link("q3", app.RelDenies, "c1")},
			"p1 c1 mixed [] [q1 q3] 1/1/0/0\n"},
		{"SupportsAndContradictsIsMixed", []app.Link{link("q3", app.RelContradicts, "c1"), link("q1", app.RelSupports, "c1")},
			"p1 c1 mixed [] [q1 q3] 1/0/1/0\n"},
		{"OneQuoteTwoWaysIsOneQuote", []app.Link{link("q1", app.RelMentions, "c1"), link("q1", app.RelDenies, "c1")},
			"p1 c1 denies [] [q1] 0/1/0/1\n"},
		{"RolesOnly", []app.Link{link("c1", app.RelAbout, "p2"), link("c1", app.RelMadeBy, "p2")},
			"p2 c1 - [made-by about] [] 0/0/0/0\n"},
		{"RolesAndQuotes", []app.Link{link("c1", app.RelAbout, "p2"), link("q4", app.RelDenies, "c1")},
			"p2 c1 denies [about] [q4] 0/1/0/0\n"},
		{"NoSpeakerNoCell", []app.Link{link("q5", app.RelSupports, "c1")}, ""},
		{"PartyThenClaimOrder", []app.Link{link("q4", app.RelSupports, "c2"), link("c1", app.RelMadeBy, "p2"), link("q1", app.RelMentions, "c2"), link("q2", app.RelSupports, "c1")},
			"p1 c1 supports [] [q2] 1/0/0/0\np1 c2 mentions [] [q1] 0/0/0/1\np2 c1 - [made-by] [] 0/0/0/0\np2 c2 supports [] [q4] 1/0/0/0\n"},
		{"LinksTwiceAndUnknownCountOnce", []app.Link{link("q1", app.RelSupports, "c1"), link("q1", app.RelSupports, "c1"),
			link("ghost", app.RelSupports, "c1"), link("q1", "loves", "c1"), link("c1", app.RelAbout, "ghost"), link("c1", app.RelAbout, "p1"), link("c1", app.RelAbout, "p1")},
			"p1 c1 supports [about] [q1] 1/0/0/0\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := base()
			d.Links = tt.links
			got := app.Stance(d)
			if cellLines(got) != tt.want {
				t.Errorf("cells:\n%swant:\n%s", cellLines(got), tt.want)
			}
			b, err := json.Marshal(got)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(b), "null") {
				t.Errorf("JSON has a null: %s", b)
			}
		})
	}
}

func TestStance_Sample(t *testing.T) {
	data, err := readSample(t)
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := mustParse(t, data)
	cells := app.Stance(doc)
	at := map[string]app.StanceCell{}
	for _, c := range cells {
		at[c.Party+" "+c.Claim] = c
	}
	for _, want := range []string{
		"bloomberg c-pla-chips supports [made-by] [q-17-sources q-officials] 2/0/0/0",
		"sources-17 c-pla-chips - [made-by] [] 0/0/0/0",
		"pla c-pla-chips - [about] [] 0/0/0/0",
		"apple c-apple-found-2015 denies [about] [q-apple-never q-apple-no-evidence q-apple-refute] 0/2/1/0",
		"amazon c-beijing-dc denies [about] [q-beijing-claim q-similarly-untrue] 0/1/0/1",
		"steve-schmidt c-aws-knew denies [] [q-schmidt-absurd] 0/1/0/0",
		"zdnet c-us-authorities mentions [] [q-not-confirmed q-forwarded q-fbi-declined] 0/0/0/3",
		"ministry c-china-victim supports [made-by] [q-defender q-victim] 2/0/0/0",
	} {
		key := strings.Join(strings.Fields(want)[:2], " ")
		if got := cellLine(at[key]); got != want {
			t.Errorf("%s: got %s, want %s", key, got, want)
		}
	}
	if len(cells) != 46 {
		t.Errorf("%d cells on the sample", len(cells))
	}
	if _, ok := at["officials c-aws-knew"]; ok {
		t.Error("a cell for a party and claim that do not meet")
	}
}

func TestStanceCell_Roles(t *testing.T) {
	c := app.StanceCell{Roles: []app.Relation{app.RelMadeBy}}
	if !c.MadeBy() || c.About() {
		t.Errorf("MadeBy %v, About %v", c.MadeBy(), c.About())
	}
}

func BenchmarkStance(b *testing.B) {
	d := bigReviewDoc()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		app.Stance(d)
	}
}
