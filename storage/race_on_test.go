//go:build race

package storage

// raceOn is set when the tests run under the race detector, which makes
// the crash test's children ten times slower: it runs fewer trials then.
const raceOn = true
