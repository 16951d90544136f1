package cms

import (
	"encoding/json"
	"fmt"
	"html"
)

// pageHTML is /admin/index.html, given the site's title (escaped). admin.js
// runs first, to keep the editor from starting before the site's settings
// are registered (the editor starts itself as it loads unless told not to).
const pageHTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Edit %s</title>
<script src="admin.js"></script>
<script src="` + ScriptURL + `" integrity="` + ScriptIntegrity + `" crossorigin="anonymous"></script>
</head>
<body>
<noscript>The editor needs JavaScript, in an up-to-date Chrome, Edge, Firefox or Safari.</noscript>
</body>
</html>
`

func page(o Options) []byte {
	return fmt.Appendf(nil, pageHTML, html.EscapeString(o.Title))
}

// scriptTemplate is /admin/admin.js: it registers the site's style sheets
// for the preview and starts the editor; on a site with no repository to
// save to, it says how to set one up instead (except on this computer,
// where `parentpages serve` lets the editor work on the content folder).
const scriptTemplate = `// The editor's start, written by parentpages.
window.CMS_MANUAL_INIT = true;
window.addEventListener("DOMContentLoaded", function () {
  var styles = %s;
  var repository = %s;
  var local = ["localhost", "127.0.0.1", "[::1]"].indexOf(location.hostname) >= 0;
  if (!repository && !local) {
    var p = document.createElement("p");
    p.textContent = "This site's editor is not set up yet: add repository: owner/name (the GitHub repository that holds the site) to content/site.yaml, as README.md's \"Set up the editor\" says.";
    document.body.appendChild(p);
    return;
  }
  styles.forEach(function (s) { window.CMS.registerPreviewStyle(s); });
  window.CMS.init();
});
`

func script(o Options) []byte {
	styles, _ := json.Marshal(append([]string{}, o.Styles...))
	repo, _ := json.Marshal(o.Repository)
	return fmt.Appendf(nil, scriptTemplate, styles, repo)
}
