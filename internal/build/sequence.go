package build

import (
	"bytes"
	"fmt"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/site"
)

// sequenceEpoch is the zero of SEQUENCE: numbers are minutes since then, so
// they fit in 31 bits for four thousand years.
var sequenceEpoch = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

func minutesSince(t time.Time) int {
	return max(0, int(t.Sub(sequenceEpoch)/time.Minute))
}

// history is the Git history of every meetings.yaml, read once a build.
type history struct {
	top, prefix string
	commits     map[string][]commit // repo path of a meetings.yaml -> commits that changed it, newest first
}

// readHistory reads the history of the content folder's meetings.yaml
// files; it returns nil outside a Git repository.
func readHistory(contentDir string) (*history, error) {
	top, prefix, ok := gitRoot(contentDir)
	if !ok {
		return nil, nil
	}
	commits, err := meetingsHistory(top, prefix)
	if err != nil {
		return nil, err
	}
	return &history{top: top, prefix: prefix, commits: commits}, nil
}

// key names what a school's SEQUENCE numbers depend on besides its files:
// the last commit that changed its meetings.yaml.
func (h *history) key(dir string) string {
	if h == nil {
		return ""
	}
	if cs := h.commits[path.Join(h.prefix, dir, "meetings.yaml")]; len(cs) > 0 {
		return cs[0].hash
	}
	return ""
}

// sequencer returns what gives every meeting its calendar SEQUENCE: the
// time, in minutes since 2020, of the commit from which its published
// details have been as they are now. So SEQUENCE grows whenever the details
// change, stays the same when only other meetings or files change, and is
// the same for every build of the same commit. A meeting whose details
// differ from the last commit (a preview of an edit) gets the build's
// "now". Outside a Git repository (h is nil) every SEQUENCE is 0.
func (h *history) sequencer(now time.Time, schools []*site.Entry) (func(dir, id, details string) int, error) {
	if h == nil {
		return nil, nil
	}
	wanted := map[string][]commit{}
	for _, sch := range schools {
		if sch.Paths[sch.Dir+"/meetings.yaml"] {
			p := path.Join(h.prefix, sch.Dir, "meetings.yaml")
			wanted[p] = h.commits[p]
		}
	}
	versions, err := readVersions(h.top, wanted)
	if err != nil {
		return nil, err
	}
	nowSeq := minutesSince(now)
	return func(dir, id, details string) int {
		p := path.Join(h.prefix, dir, "meetings.yaml")
		seq := nowSeq
		for _, c := range h.commits[p] { // newest first
			d, ok := versions[c.hash+":"+p][id]
			if !ok || d != details {
				break
			}
			seq = minutesSince(c.when)
		}
		return seq
	}, nil
}

type commit struct {
	hash string
	when time.Time
}

// gitRoot finds the repository holding dir, and dir's path in it.
func gitRoot(dir string) (top, prefix string, ok bool) {
	out, err := exec.Command("git", "-C", dir, "rev-parse", "--show-toplevel", "--show-prefix").Output()
	if err != nil {
		return "", "", false
	}
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(lines) < 1 || lines[0] == "" {
		return "", "", false
	}
	if len(lines) > 1 {
		prefix = strings.TrimSuffix(lines[1], "/")
	}
	return filepath.Clean(lines[0]), prefix, true
}

// meetingsHistory lists, for every meetings.yaml under prefix, the commits
// that changed it, newest first.
func meetingsHistory(top, prefix string) (map[string][]commit, error) {
	return fileHistory(top, []string{path.Join(prefix, "schools") + "/*/meetings.yaml"})
}

// maxPathspecs is how many paths one git log is given: a command line has
// room for a few thousand.
const maxPathspecs = 1000

// fileHistory lists, for every file that specs (paths or patterns, in the
// repository at top) match, the commits that changed it, newest first.
func fileHistory(top string, specs []string) (map[string][]commit, error) {
	history := map[string][]commit{}
	for len(specs) > 0 {
		n := min(len(specs), maxPathspecs)
		args := append([]string{"-C", top, "log", "--format=commit %H %ct", "--name-only", "--no-renames", "--"}, specs[:n]...)
		specs = specs[n:]
		out, err := exec.Command("git", args...).Output()
		if err != nil {
			// A repository with no commits yet has no history: every file is new.
			continue
		}
		var cur commit
		for _, line := range strings.Split(string(out), "\n") {
			if rest, ok := strings.CutPrefix(line, "commit "); ok {
				hash, ts, _ := strings.Cut(rest, " ")
				secs, err := strconv.ParseInt(ts, 10, 64)
				if err != nil {
					return nil, fmt.Errorf("git log: %q", line)
				}
				cur = commit{hash: hash, when: time.Unix(secs, 0)}
				continue
			}
			if line != "" {
				history[line] = append(history[line], cur)
			}
		}
	}
	return history, nil
}

// readVersions reads every listed version of every meetings.yaml with one
// git process, and returns each meeting's details by version and meeting id.
func readVersions(top string, history map[string][]commit) (map[string]map[string]string, error) {
	blobs, err := readBlobs(top, history)
	if err != nil {
		return nil, err
	}
	versions := map[string]map[string]string{}
	for key, blob := range blobs {
		ms, _ := content.DecodeMeetings(key, blob)
		details := map[string]string{}
		for k := range ms {
			details[site.MeetingID(&ms[k])] = site.Details(&ms[k])
		}
		versions[key] = details
	}
	return versions, nil
}

// readBlobs reads every listed version of every file with one git
// process, by "hash:path"; a version that deleted the file is left out.
func readBlobs(top string, history map[string][]commit) (map[string][]byte, error) {
	var req bytes.Buffer
	var keys []string
	for p, cs := range history {
		for _, c := range cs {
			keys = append(keys, c.hash+":"+p)
			req.WriteString(c.hash + ":" + p + "\n")
		}
	}
	blobs, err := catFiles(top, &req, len(keys))
	if err != nil {
		return nil, err
	}
	out := make(map[string][]byte, len(keys))
	for i, key := range keys {
		if blobs[i] != nil {
			out[key] = blobs[i]
		}
	}
	return out, nil
}
