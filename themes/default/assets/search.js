// Filters the home page's list of schools as you type. The list is whole
// without this script; the script shows the search box and hides the
// schools whose names do not match. Each word typed must match the start
// of a word of the school's name or place, in any order, ignoring case
// and accents: "brack prim" finds Brackenwood Primary School.
(function () {
  'use strict';
  var box = document.getElementById('school-search');
  var list = document.getElementById('school-list');
  var status = document.getElementById('school-search-status');
  if (!box || !list || !status) {
    return;
  }
  var fold = function (s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  };
  var items = Array.prototype.map.call(list.querySelectorAll('li[data-search]'), function (li) {
    return { li: li, words: ' ' + fold(li.getAttribute('data-search')) };
  });
  var filter = function () {
    var query = fold(box.value);
    var words = query ? query.split(' ') : [];
    var shown = 0;
    items.forEach(function (item) {
      var match = words.every(function (w) { return item.words.indexOf(' ' + w) >= 0; });
      item.li.hidden = !match;
      if (match) {
        shown++;
      }
    });
    if (!words.length) {
      status.textContent = '';
    } else if (shown === 0) {
      status.textContent = 'No school matches. Check the spelling, or clear the box to see every school.';
    } else {
      status.textContent = shown === 1 ? '1 school matches.' : shown + ' schools match.';
    }
  };
  box.closest('.school-search').hidden = false;
  box.addEventListener('input', filter);
  filter();
}());
