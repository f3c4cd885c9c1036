// The dispatcher's desk sends the catalogue's category and unit lists once, in <template> elements; a row's
// "choose" link opens a copy of them in the row's own form instead of leading to the appeal's placement page.
(function () {
  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a.choose') : null;
    if (!link) { return; }
    var fields = document.getElementById(link.getAttribute('data-fields'));
    if (!fields || !fields.content) { return; }
    event.preventDefault();
    link.parentNode.replaceChild(fields.content.cloneNode(true), link);
  });
})();
