//go:build !stagehook

package publish

// stageHook does nothing in the command as it is shipped. Built with the
// stagehook tag (stagehook_on.go), it lets the command's tests stop a
// build at a known moment while it writes.
type stageHook struct{}

func (*stageHook) written(string) {}
