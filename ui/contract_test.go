package ui

import (
	"testing"

	"evidenceboard/app"
	"evidenceboard/app/storetest"
)

// The in-memory store the window's tests use keeps the same contract as
// the real one, so that what the window tests prove holds on a real file.
func TestMemFileContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T, doc *app.Document) app.Store { return newMemFile(doc) })
}
