// An update names an appeal that changed: fetch this page again and swap in its lists, without a reload.
(function () {
  if (!window.EventSource) { return; }
  var pending = false;
  function refresh() {
    if (pending) { return; }
    pending = true;
    fetch(window.location.pathname + window.location.search, { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        pending = false;
        if (!html) { return; }
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('live-area');
        var area = document.getElementById('live-area');
        if (fresh && area) { area.innerHTML = fresh.innerHTML; document.body.setAttribute('data-refreshed', String(Date.now())); }
      })
      .catch(function () { pending = false; });
  }
  var source = new EventSource('/api/v1/workqueue/live');
  source.onmessage = refresh;
  source.onopen = function () { document.body.setAttribute('data-live', 'open'); };
})();
