package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/app"
)

// itemHistoryShown is how many of an item's newest edits the inspector
// lists.
const itemHistoryShown = 12

// itemHistory is the inspector's account of who changed the item, when,
// and from what: its newest edits, each with only its own changes.
func (i *inspector) itemHistory(id string) fyne.CanvasObject {
	box := container.NewVBox(heading("Edit history"))
	steps, err := i.w.file.Log(i.w.ctx, app.LogFilter{Item: id, Limit: itemHistoryShown})
	if err != nil {
		return container.NewVBox(box, caption("The edit history cannot be read: "+app.ErrorMessage(err)))
	}
	if len(steps) == 0 {
		box.Add(caption("No edits since the board was made or imported."))
		return box
	}
	for k := len(steps) - 1; k >= 0; k-- {
		st := steps[k]
		var said []string
		for _, c := range st.Changes {
			for _, it := range c.Items() {
				if it == id {
					said = append(said, app.DescribeChange(c, i.w.itemNamer()))
					break
				}
			}
		}
		head := fmt.Sprintf("%s · %s · %s", historyTime(st.At), st.Author, st.Label)
		if st.Undone {
			head += " (undone)"
		}
		l := &widget.Label{Text: head, TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}
		d := &widget.Label{Text: strings.Join(said, "\n"), Wrapping: fyne.TextWrapWord}
		if st.Undone {
			l.Importance, d.Importance = widget.WarningImportance, widget.WarningImportance
		}
		box.Add(container.NewVBox(l, d))
	}
	all := &widget.Button{Text: "The board's whole edit history…", OnTapped: i.w.showEditHistory}
	box.Add(container.NewHBox(all))
	return box
}
