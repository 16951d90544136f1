package build

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// gitRepo is a new Git repository in a temporary folder, for the tests of
// what a check reads from the history of the content folder in it.
type gitRepo struct {
	t   *testing.T
	dir string
}

// newGitRepo makes the repository; the test is skipped where there is no
// git to make it with.
func newGitRepo(t *testing.T) *gitRepo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	r := &gitRepo{t: t, dir: t.TempDir()}
	r.git(nil, "init", "-q")
	return r
}

// content is the content folder's path.
func (r *gitRepo) content() string { return filepath.Join(r.dir, "content") }

// git runs git in the repository as a PSA, with env added to its
// environment.
func (r *gitRepo) git(env []string, args ...string) {
	r.t.Helper()
	cmd := exec.Command("git", append([]string{"-C", r.dir}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=PSA", "GIT_AUTHOR_EMAIL=psa@example.org", "GIT_COMMITTER_NAME=PSA", "GIT_COMMITTER_EMAIL=psa@example.org")
	cmd.Env = append(cmd.Env, env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		r.t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// write writes a file of the content folder at path p.
func (r *gitRepo) write(p, data string) {
	r.t.Helper()
	full := filepath.Join(r.content(), p)
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

// commitAt commits every change as made at when (a date Git reads).
func (r *gitRepo) commitAt(when string) {
	r.t.Helper()
	r.git(nil, "add", "-A")
	r.git([]string{"GIT_AUTHOR_DATE=" + when, "GIT_COMMITTER_DATE=" + when}, "commit", "-q", "-m", "edit")
}
