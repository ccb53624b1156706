// Package app is the domain of Evidence Board: the items a board holds
// (sources, parties, claims, quotes), the typed links between them, the
// services that read and change a board, the interchange document and its
// validation, and the one coded Error type.
//
// It imports neither Fyne nor gorm: the storage package implements the
// services, the ui package drives them, and both depend on this one.
package app
