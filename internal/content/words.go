package content

import "slices"

// The words each field of the format that takes a fixed list allows, in the
// order the format lists them, for a program that offers them to choose
// from (the editor at /admin/, package cms). Each is the caller's own copy:
// the loader checks against the same lists.

// FrameworkKeys returns the inspection frameworks' keys, oldest first.
func FrameworkKeys() []string { return slices.Clone(frameworkKeys) }

// Categories returns every category word, "none" first.
func Categories() []string { return slices.Clone(categories) }

// Phases returns the words for a school's phase.
func Phases() []string { return slices.Clone(phases) }

// InspectionTypes returns the words for an inspection's type, the default first.
func InspectionTypes() []string { return slices.Clone(inspectionTypes) }

// MilestoneKinds returns the words for a milestone's kind.
func MilestoneKinds() []string { return slices.Clone(milestoneKinds) }

// MeetingKinds returns the words for a meeting's kind.
func MeetingKinds() []string { return slices.Clone(meetingKinds) }

// MeetingStatuses returns the words for a meeting's status, the default first.
func MeetingStatuses() []string { return slices.Clone(meetingStatuses) }

// ThemeStatuses returns the words for a "you said, we did" theme's status,
// the default first.
func ThemeStatuses() []string { return slices.Clone(themeStatuses) }
