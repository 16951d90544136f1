// parentpages preview: reload this page when the site has been rebuilt.
// The server names each version of the site it serves; the page carries
// the name of the version it shows, and the event stream sends the name of
// the version being served now, when the stream opens (so that a rebuild
// that finished while the page was loading, or a restart of the server, is
// not missed) and after every rebuild.
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="parentpages-state"]');
  if (!meta || !window.EventSource) {
    return;
  }
  var shown = meta.getAttribute("content");
  var events = new EventSource("/_parentpages/events");
  function check(e) {
    if (e.data && e.data !== shown) {
      events.close();
      window.location.reload();
    }
  }
  events.addEventListener("hello", check);
  events.addEventListener("reload", check);
})();
