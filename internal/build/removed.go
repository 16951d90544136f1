package build

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/site"
)

// lastCommits are the versions of meetings.yaml that a meeting removed
// since is looked for in: the last commit, for an edit not yet committed
// (a preview, a local build), and the one before it, for a build of the
// commit that removed it (a pull request's check, whose HEAD is the merge
// with its first parent the branch merged into; a Netlify build).
var lastCommits = []struct{ rev, when string }{
	{"HEAD", "at the last commit"},
	{"HEAD^", "before the last commit"},
}

// removedMeetings warns of each meeting that was in a school's
// meetings.yaml in one of the last commits and is not there now:
// subscribers' calendars would drop it without a word, where `status:
// cancelled` tells them. Schools whose meetings.yaml has errors are left
// out (what could not be read is not gone). Outside a Git repository it
// warns of nothing.
func removedMeetings(contentDir string, entries []*site.Entry, ds content.Diagnostics) (content.Diagnostics, error) {
	top, prefix, ok := gitRoot(contentDir)
	if !ok || len(entries) == 0 {
		return nil, nil
	}
	broken := map[string]bool{}
	for _, d := range ds {
		if !d.Warning {
			broken[d.Path] = true
		}
	}
	changed := changedSince(top, prefix)
	var req bytes.Buffer
	var asked []*site.Entry
	for _, e := range entries {
		if broken[e.Dir+"/meetings.yaml"] || !changed[path.Join(prefix, e.Dir, "meetings.yaml")] {
			continue
		}
		asked = append(asked, e)
		for _, c := range lastCommits {
			fmt.Fprintf(&req, "%s:%s\n", c.rev, path.Join(prefix, e.Dir, "meetings.yaml"))
		}
	}
	versions, err := catFiles(top, &req, len(asked)*len(lastCommits))
	if err != nil {
		return nil, err
	}
	var out content.Diagnostics
	for i, e := range asked {
		// Most schools' meetings.yaml is as it was: decode only versions
		// that differ from the file and from the version after them.
		same, _ := os.ReadFile(filepath.Join(contentDir, filepath.FromSlash(e.Dir), "meetings.yaml"))
		now := map[string]bool{}
		for _, m := range e.Meetings {
			now[m.ID] = true
		}
		for j, c := range lastCommits {
			blob := versions[i*len(lastCommits)+j]
			if blob == nil || bytes.Equal(blob, same) {
				continue
			}
			same = blob
			ms, _ := content.DecodeMeetings(e.Dir+"/meetings.yaml", blob)
			for k := range ms {
				id := site.MeetingID(&ms[k])
				if now[id] || ms[k].Start.IsZero() {
					continue
				}
				now[id] = true // once, from the newest version that has it
				out = append(out, removedWarning(e.Dir+"/meetings.yaml", &ms[k], id, c.when))
			}
		}
	}
	return out, nil
}

// changedSince lists the meetings.yaml files (by their path in the
// repository) that differ, in the working tree, from one of the last
// commits: git compares them by the index's record of each file, so the
// files of a large site that did not change are neither read nor decoded.
func changedSince(top, prefix string) map[string]bool {
	spec := path.Join(prefix, "schools") + "/*/meetings.yaml"
	changed := map[string]bool{}
	for _, c := range lastCommits {
		out, err := exec.Command("git", "-C", top, "diff", "--no-renames", "--name-only", "-z", c.rev, "--", spec).Output()
		if err != nil {
			continue // no such commit: a new repository, or a shallow clone of one commit
		}
		for _, p := range strings.Split(string(out), "\x00") {
			if p != "" {
				changed[p] = true
			}
		}
	}
	return changed
}

// removedWarning says what removing a meeting does and what to do instead.
func removedWarning(p string, m *content.Meeting, id, when string) content.Diagnostic {
	msg := fmt.Sprintf("the meeting '%s' (first on %s) was in meetings.yaml %s and is not there now, so it will vanish from the calendars of parents who added it, without a word: to call it off, put it back with `status: cancelled` and say why in its `description`",
		m.Title, m.Start.Format("2006-01-02"), when)
	if m.ID == "" {
		msg += fmt.Sprintf("; if you changed its title or first date instead, add `id: %s` to it, which keeps it the same meeting in calendars", id)
	}
	return content.Diagnostic{Path: p, Msg: msg, Warning: true}
}

// catFiles reads n objects named in req ("rev:path" lines) with one git
// process, in order; a missing object (no such commit or file) is nil.
func catFiles(top string, req io.Reader, n int) ([][]byte, error) {
	if n == 0 {
		return nil, nil
	}
	cmd := exec.Command("git", "-C", top, "cat-file", "--batch")
	cmd.Stdin = req
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git cat-file: %w", err)
	}
	r := bufio.NewReader(bytes.NewReader(out))
	blobs := make([][]byte, n)
	for i := range blobs {
		header, err := r.ReadString('\n')
		if err != nil {
			return nil, fmt.Errorf("git cat-file: %w", err)
		}
		fields := strings.Fields(header)
		if len(fields) >= 2 && fields[len(fields)-1] == "missing" {
			continue
		}
		if len(fields) != 3 || fields[1] != "blob" {
			return nil, fmt.Errorf("git cat-file: unexpected %q", header)
		}
		size, err := strconv.Atoi(fields[2])
		if err != nil {
			return nil, fmt.Errorf("git cat-file: unexpected %q", header)
		}
		blob := make([]byte, size+1) // and the newline after it
		if _, err := io.ReadFull(r, blob); err != nil {
			return nil, fmt.Errorf("git cat-file: %w", err)
		}
		blobs[i] = blob[:size]
	}
	return blobs, nil
}
