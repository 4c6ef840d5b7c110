// The observer page: lists the standards, shows one with its editions and text, and adds new
// publications live from the server-sent events stream. Plain browser JavaScript, no build step.
// Every request is relative to the API's address that the server writes into the page
// (<meta name="accord-api">: /api/ behind the gateway, ../ when the page is read as a file).
(function () {
  'use strict';

  const apiBase = document.querySelector('meta[name="accord-api"]').getAttribute('content') || '../';
  const api = (path) => new URL(apiBase + path, document.baseURI).toString();
  const $ = (id) => document.getElementById(id);
  const tbody = document.querySelector('#standards tbody');
  const rows = new Map(); // project number -> row
  const state = { committee: new URLSearchParams(location.search).get('committee') || '', source: null,
    loading: false, pending: [], selected: null };

  // What the browser test reads: proof that live additions came without a reload.
  window.accordObserver = { loadedAt: Date.now(), liveEvents: 0 };

  const labels = Array.from(document.querySelectorAll('#standards thead th')).map((th) => th.textContent);

  function cell(text, className) {
    const td = document.createElement('td');
    td.textContent = text == null ? '' : String(text);
    if (className) td.className = className;
    return td;
  }

  function day(instant) {
    return instant ? String(instant).substring(0, 10) : '';
  }

  // s: a list item or an SSE event's data; both carry designation, slug, projectNumber, edition, title...
  function upsertRow(s, live) {
    const tr = document.createElement('tr');
    tr.dataset.project = s.projectNumber;
    tr.dataset.slug = s.slug;
    tr.dataset.edition = s.edition;
    tr.dataset.designation = s.designation;
    tr.append(cell(s.designation, 'designation-cell'), cell(s.title), cell(s.committeeId), cell(s.edition),
      cell(s.status, 'status-' + s.status), cell(day(s.publishedAt)));
    // Each cell names its column, shown beside the value where a narrow screen stacks the cells.
    Array.from(tr.children).forEach((td, i) => { td.dataset.label = labels[i]; });
    tr.addEventListener('click', () => openStandard(tr.dataset.slug, tr.dataset.edition));
    const existing = rows.get(String(s.projectNumber));
    if (existing) {
      if (live) {
        existing.remove();
        tbody.prepend(tr);
      } else {
        existing.replaceWith(tr);
      }
    } else if (live) {
      tbody.prepend(tr);
    } else {
      tbody.append(tr);
    }
    if (live) tr.classList.add('new');
    if (state.selected && state.selected.project === String(s.projectNumber)) tr.classList.add('selected');
    rows.set(String(s.projectNumber), tr);
    showEmpty();
  }

  function showEmpty() {
    $('empty').hidden = rows.size > 0;
    $('standards').hidden = rows.size === 0;
  }

  function showProblem(message) {
    $('problem').hidden = !message;
    $('problem').textContent = message ? 'Not available just now (' + message + '); try again shortly.' : '';
  }

  function onPublished(e) {
    window.accordObserver.liveEvents++;
    if (e.kind === 'NEW' || e.kind === 'REVISION' || !rows.has(String(e.projectNumber))) {
      upsertRow(e, true);
    } else {
      const tr = rows.get(String(e.projectNumber));
      tr.classList.add('new');
      tr.title = 'Latest: ' + e.designation;
    }
    refreshSelected(e.projectNumber);
  }

  function onWithdrawn(e) {
    window.accordObserver.liveEvents++;
    const tr = rows.get(String(e.projectNumber));
    if (tr && tr.dataset.designation === e.designation) {
      const status = tr.children[4];
      status.textContent = 'WITHDRAWN';
      status.className = 'status-WITHDRAWN';
    }
    refreshSelected(e.projectNumber);
  }

  function refreshSelected(projectNumber) {
    if (state.selected && state.selected.project === String(projectNumber)) {
      openStandard(state.selected.slug, state.selected.edition);
    }
  }

  async function getJson(path) {
    const res = await fetch(api(path), { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(path + ': ' + res.status);
    return res.json();
  }

  async function loadList() {
    state.loading = true;
    try {
      const query = 'standards?size=100' + (state.committee ? '&committee=' + encodeURIComponent(state.committee) : '');
      const page = await getJson(query);
      tbody.replaceChildren();
      rows.clear();
      page.items.forEach((item) => upsertRow(item, false));
      showEmpty();
      showProblem(null);
    } catch (error) {
      showProblem(error.message);
    } finally {
      state.loading = false;
      // Events that came while the list loaded are newer than it, or the same: apply them after.
      state.pending.splice(0).forEach(([type, data]) => (type === 'published' ? onPublished(data) : onWithdrawn(data)));
    }
  }

  function connect() {
    if (state.source) state.source.close();
    const query = state.committee ? '?committee=' + encodeURIComponent(state.committee) : '';
    const source = new EventSource(api('feeds/sse' + query));
    const status = $('live-status');
    source.addEventListener('open', () => { status.dataset.state = 'live'; status.textContent = 'live'; });
    source.addEventListener('error', () => { status.dataset.state = 'reconnecting'; status.textContent = 'reconnecting…'; });
    const handle = (type) => (message) => {
      const data = JSON.parse(message.data);
      if (state.loading) state.pending.push([type, data]);
      else if (type === 'published') onPublished(data);
      else onWithdrawn(data);
    };
    source.addEventListener('standard-published', handle('published'));
    source.addEventListener('standard-withdrawn', handle('withdrawn'));
    state.source = source;
  }

  // A standard that cannot be shown says so on the page rather than failing silently.
  function openStandard(slug, edition) {
    return show(slug, edition).then(() => showProblem(null), (error) => showProblem(error.message));
  }

  async function show(slug, edition) {
    const query = edition ? '?edition=' + encodeURIComponent(edition) : '';
    const [standard, editions, html, verification] = await Promise.all([
      getJson('standards/' + slug + query),
      getJson('standards/' + slug + '/editions'),
      fetch(api('standards/' + slug + '/text.html' + query)).then((r) => {
        if (!r.ok) throw new Error('standards/' + slug + '/text.html: ' + r.status);
        return r.text();
      }),
      getJson('standards/' + slug + '/verification'),
    ]);
    state.selected = { project: String(standard.projectNumber), slug, edition: String(standard.edition) };
    rows.forEach((tr, project) => tr.classList.toggle('selected', project === state.selected.project));
    $('detail').hidden = false;
    $('detail-designation').textContent = standard.designation;
    $('detail-title').textContent = standard.title;
    $('detail-facts').textContent = 'Edition ' + standard.edition + ' · ' + standard.committeeId + ' · ' + standard.status
      + ' · published ' + day(standard.publishedAt) + (standard.replaces ? ' · replaces ' + standard.replaces : '')
      + (standard.withdrawalReason ? ' · withdrawn: ' + standard.withdrawalReason : '');
    const list = $('editions');
    list.replaceChildren();
    editions.forEach((p) => {
      const li = document.createElement('li');
      li.className = 'edition status-' + p.status;
      li.dataset.designation = p.designation;
      const open = document.createElement('button');
      open.type = 'button';
      open.textContent = p.designation;
      open.addEventListener('click', () => openStandard(p.slug, String(p.edition)));
      li.append(open, document.createTextNode(' — edition ' + p.edition + ', ' + p.kind.toLowerCase() + ', '
        + p.status.toLowerCase() + ', published ' + day(p.publishedAt)));
      list.append(li);
    });
    const verdict = $('verification');
    verdict.textContent = 'Hash chain: ' + (verification.valid ? 'every text matches its recorded SHA-256'
      : 'a text or a link does NOT match');
    verdict.className = verification.valid ? 'valid' : 'invalid';
    // The server renders CommonMark with raw HTML escaped; only its article is shown here.
    const article = new DOMParser().parseFromString(html, 'text/html').querySelector('article');
    $('text').replaceChildren(...(article ? Array.from(article.childNodes).map((n) => document.importNode(n, true)) : []));
    history.replaceState(null, '', '#' + slug + (edition ? '@' + edition : ''));
  }

  $('committee').value = state.committee;
  $('filter').addEventListener('submit', (event) => {
    event.preventDefault();
    state.committee = $('committee').value.trim();
    const url = new URL(location.href);
    if (state.committee) url.searchParams.set('committee', state.committee); else url.searchParams.delete('committee');
    history.replaceState(null, '', url);
    connect();
    loadList();
  });

  // Live first, then the list: nothing published in between is missed.
  connect();
  loadList().then(() => {
    const [slug, edition] = location.hash.substring(1).split('@');
    if (slug) openStandard(slug, edition);
  });
})();
