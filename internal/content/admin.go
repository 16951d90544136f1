package content

import "regexp"

// repositoryRE is a GitHub repository's owner and name; branchRE a branch
// name without spaces or the characters Git forbids.
var (
	repositoryRE = regexp.MustCompile(`^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?/[A-Za-z0-9._-]+$`)
	branchRE     = regexp.MustCompile(`^[A-Za-z0-9._/-]+$`)
)

// adminSettings checks the settings of the editor at /admin/ and fills in
// the default branch.
func (l *loader) adminSettings(s *SiteConfig) {
	const p = "site.yaml"
	if s.Repository != "" && !repositoryRE.MatchString(s.Repository) {
		l.ds.Errorf(p, s.At("repository"), "`repository` is %q; write the GitHub repository that holds this site as owner/name, for example plymouth-pp/parents-site (the part of its address after github.com/)", s.Repository)
	}
	if s.Branch == "" {
		s.Branch = "main"
	} else if !branchRE.MatchString(s.Branch) || s.Branch[0] == '-' {
		l.ds.Errorf(p, s.At("branch"), "`branch` is %q, which is not a branch name; write the branch the site is published from, such as main", s.Branch)
	}
}
