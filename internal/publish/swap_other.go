//go:build !linux

package publish

// exchange is not available here: a swap takes two renames.
func exchange(a, b string) error { return errNoExchange }
