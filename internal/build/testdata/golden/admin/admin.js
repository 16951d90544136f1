// The editor's start, written by parentpages.
window.CMS_MANUAL_INIT = true;
window.addEventListener("DOMContentLoaded", function () {
  var styles = ["/assets/style.css"];
  var repository = "parentpages/parentpages";
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
