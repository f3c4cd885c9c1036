// Knowledge-base answers for what is being typed (the appeal form, the agent desk). The page holds a
// #answer-suggestions panel naming the API to ask (data-source), the asker (data-asker) and the fields to read
// (data-fields). Without this script the forms work as before; the panel only ever adds to them.
(function () {
  var panel = document.getElementById('answer-suggestions');
  if (!panel || !window.fetch) { return; }
  var PAUSE_MS = 400;
  // the question is in the title and the first lines; and 200 Chinese characters, percent-encoded, keep the
  // request line well inside the server's 4 KiB limit (the API takes up to 500)
  var MAX_CHARS = 200;
  var list = panel.querySelector('.answer-list');
  var fields = (panel.getAttribute('data-fields') || '').split(' ').map(function (id) {
    return document.getElementById(id);
  }).filter(function (field) { return field; });
  var csrfField = document.querySelector('input[name=_csrf]');
  var csrf = csrfField ? csrfField.value : '';
  var timer = null;
  var inFlight = false;
  var asked = '';

  function question() {
    var text = fields.map(function (field) { return field.value.trim(); }).filter(function (t) { return t; }).join(' ');
    return Array.from(text).slice(0, MAX_CHARS).join('');
  }

  // one request at a time: typing during a request asks again, with the latest text, when it returns
  function ask() {
    var q = question();
    if (inFlight || q === asked) { return; }
    if (Array.from(q).length < 2) { return; }
    inFlight = true;
    asked = q;
    var url = panel.getAttribute('data-source') + '?q=' + encodeURIComponent(q) + '&asker='
      + encodeURIComponent(panel.getAttribute('data-asker'));
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (answers) { if (answers) { show(answers); } })
      .catch(function () { /* suggestions are a help, never in the way */ })
      .then(function () { inFlight = false; if (question() !== asked) { ask(); } });
  }

  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text) { e.textContent = text; }
    return e;
  }

  function show(answers) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    answers.forEach(function (a) { list.appendChild(item(a)); });
    panel.hidden = answers.length === 0;
    panel.setAttribute('data-shown', String(answers.length));
  }

  function item(a) {
    var li = element('li', 'answer');
    li.setAttribute('data-shown-id', a.shownId);
    li.appendChild(element('strong', 'answer-title', a.title));
    li.appendChild(element('p', 'answer-text', a.answer));
    var source = element('p', 'hint answer-source', '依据：');
    if (a.sourceLink && /^https?:\/\//.test(a.sourceLink)) {
      var link = element('a', null, a.sourceName || a.sourceLink);
      link.href = a.sourceLink;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      source.appendChild(link);
    } else {
      source.appendChild(document.createTextNode(a.sourceName || ''));
    }
    if (a.unitName) { source.appendChild(document.createTextNode('（' + a.unitName + '）')); }
    li.appendChild(source);
    li.appendChild(panel.getAttribute('data-mode') === 'desk' ? deskAction(a) : feedback(a));
    return li;
  }

  // the agent's "answered without an appeal": posts the page's own form, like the server-drawn panel
  function deskAction(a) {
    var button = element('button', 'answered', '已用此条解答，无需立单');
    button.type = 'submit';
    button.setAttribute('form', panel.getAttribute('data-answered-form'));
    button.name = 'shownId';
    button.value = a.shownId;
    return button;
  }

  function feedback(a) {
    var box = element('p', 'answer-feedback', '这条回答有帮助吗？');
    [['有帮助', true], ['没帮助', false]].forEach(function (choice) {
      var button = element('button', choice[1] ? 'helpful' : 'unhelpful', choice[0]);
      button.type = 'button';
      button.addEventListener('click', function () { send(a.shownId, choice[1], box); });
      box.appendChild(button);
    });
    return box;
  }

  function send(shownId, helpful, box) {
    var headers = { 'Content-Type': 'application/json' };
    if (csrf) { headers['X-CSRF-Token'] = csrf; }
    fetch('/api/v1/knowledge/answers/' + encodeURIComponent(shownId) + '/feedback', {
      method: 'POST', credentials: 'same-origin', headers: headers, body: JSON.stringify({ helpful: helpful })
    }).then(function (r) {
      var said = box.querySelector('.answer-thanks');
      if (said) { box.removeChild(said); }
      box.appendChild(element('span', 'hint answer-thanks', r.ok ? ' 感谢您的反馈' : ' 反馈未能提交，请稍后再试'));
      box.setAttribute('data-feedback', r.ok ? String(helpful) : 'failed');
    }).catch(function () { box.setAttribute('data-feedback', 'failed'); });
  }

  fields.forEach(function (field) {
    field.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(ask, PAUSE_MS);
    });
  });
  panel.setAttribute('data-ready', 'true');
})();
