'use strict';
// The console page. Reads the platform's state from /events (live) and acts through the admin API and
// /settings/platform with the browser session's CSRF token. Long actions come back as jobs whose progress is polled.
(function () {
  let csrf = null;
  const $ = (id) => document.getElementById(id);

  function message(text, error) {
    $('message').textContent = text;
    $('message').className = error ? 'error' : '';
  }

  async function call(method, path, body) {
    if (csrf === null) {
      const s = await fetch('/ui/session', { credentials: 'same-origin' });
      csrf = (await s.json()).csrfToken || '';
    }
    const res = await fetch(path, {
      method, credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) {
      throw new Error(data.message || ('HTTP ' + res.status));
    }
    return data;
  }

  async function follow(job) {
    const bar = $('job-progress');
    for (;;) {
      bar.max = job.total > 0 ? job.total : 1;
      bar.value = job.total > 0 ? job.done : 0;
      $('job-step').textContent = job.name + ': ' + job.step;
      if (job.finished) {
        bar.value = bar.max;
        message(job.name + ': ' + job.result, !job.ok);
        document.body.dataset.lastJob = job.name + (job.ok ? ' ok' : ' failed');
        return;
      }
      await new Promise((r) => setTimeout(r, 250));
      job = await call('GET', '/admin/api/jobs/' + job.id);
    }
  }

  function act(button, fn) {
    $(button).addEventListener('click', async () => {
      $(button).disabled = true;
      try {
        await fn();
      } catch (e) {
        message(e.message, true);
      } finally {
        $(button).disabled = false;
      }
    });
  }

  async function setting(values, done) {
    await call('PUT', '/settings/platform', values);
    message(done, false);
  }

  act('sam-auth', async () => follow(await call('POST', '/admin/api/sam/authenticate')));
  act('rescan', async () => message((await call('POST', '/admin/api/rescan')).message, false));
  for (const id of ['reset-0', 'reset-1', 'reset-2', 'reset-3', 'reset-fsim']) {
    act(id, async () => follow(await call('POST', '/admin/api/reset', { target: $(id).dataset.target })));
  }
  act('apply-reader-type', () => setting({ readerType: $('reader-type').value }, 'reader type: ' + $('reader-type').value));
  act('apply-sam-mode', () => setting({ samMode: $('sam-mode').value }, 'SAM mode: ' + $('sam-mode').value));
  act('remote', () => setting({ remoteDesktop: true }, 'readers on a remote desktop client'));
  act('local', () => setting({ remoteDesktop: false }, 'readers on this PC'));
  $('fast-auth').addEventListener('change', () => setting({ hpcFastAuth: $('fast-auth').checked },
    'HPC fast authentication ' + ($('fast-auth').checked ? 'on' : 'off')).catch((e) => message(e.message, true)));
  $('watch-overlay').addEventListener('change', () => setting({ watchOverlay: $('watch-overlay').checked },
    'watch overlay window ' + ($('watch-overlay').checked ? 'on' : 'off')).catch((e) => message(e.message, true)));
  act('stop', async () => {
    if (window.confirm('Stop the platform? HIS calls fail until it is started again.')) {
      message((await call('POST', '/admin/api/stop')).message, false);
    }
  });

  async function loadLog() {
    const file = $('log-file').value;
    const data = await call('GET', '/admin/api/log' + (file ? '?file=' + encodeURIComponent(file) : ''));
    const select = $('log-file');
    if (select.options.length !== data.files.length) {
      select.replaceChildren(...data.files.map((f) => new Option(f, f, false, f === data.file)));
    }
    $('log-lines').textContent = data.lines.join('\n');
  }
  act('log-refresh', loadLog);

  // the audit trail with its three filters (GET /admin/api/audit); text only, never HTML from the records
  async function loadAudit() {
    const q = new URLSearchParams({ limit: '200' });
    if ($('audit-since').value) q.set('since', $('audit-since').value);
    if ($('audit-card').value) q.set('card', $('audit-card').value);
    if ($('audit-function').value) q.set('function', $('audit-function').value.trim());
    const data = await call('GET', '/admin/api/audit?' + q.toString());
    const body = $('audit-table').tBodies[0];
    body.replaceChildren();
    for (const r of data.records.slice().reverse()) {
      const tr = document.createElement('tr');
      for (const v of [r.time, r.function, r.number, r.facade, r.caller, r.slot, r.card, r.code, r.micros,
        r.apdus, r.written]) {
        const td = document.createElement('td');
        td.textContent = v === undefined ? '' : String(v);
        tr.appendChild(td);
      }
      body.appendChild(tr);
    }
    $('audit-count').textContent = data.count + ' records (newest first)';
  }
  $('audit-form').addEventListener('submit', (e) => {
    e.preventDefault();
    loadAudit().catch((err) => message(err.message, true));
  });

  function render(s) {
    $('platform').textContent = s.platform.name + ' ' + s.platform.version + (s.platform.demo ? ' (demo)' : '');
    $('sam-status').textContent = s.sam.status + ' ' + s.sam.state + ' (' + s.sam.mode + ')';
    $('hospital-id').textContent = s.sam.hospitalId || '–';
    $('sam-id').textContent = s.sam.samId || '–';
    $('current-reader-type').textContent = (s.settings || {}).readerType || '–';
    $('reader-status').textContent = s.reader.status + (s.reader.reason ? ': ' + s.reader.reason : '');
    for (const slot of ['HC', 'HPC']) {
      const x = s.slots[slot];
      $('slot-' + slot).textContent = (x.reader || '(none)') + ' · ' + x.status + ' · ' + (x.lightLabel || '');
    }
    $('last-error').textContent = s.lastError ? s.lastError.message : 'none';
    const recent = $('recent-notices');
    recent.replaceChildren();
    for (const n of s.recentNotices || []) {
      const li = document.createElement('li');
      li.className = n.red ? 'red' : '';
      li.textContent = n.time.replace('T', ' ').replace(/\..*$/, '') + ' · ' + n.message;
      recent.appendChild(li);
    }
    if (!recent.firstChild) {
      const li = document.createElement('li');
      li.textContent = 'none';
      recent.appendChild(li);
    }
    if (s.settings) {
      $('fast-auth').checked = s.settings.hpcFastAuth;
      $('watch-overlay').checked = s.settings.watchOverlay;
      $('remote-state').textContent = s.settings.remoteDesktop ? '(now: remote desktop)' : '(now: this PC)';
      if (document.activeElement !== $('reader-type')) {
        $('reader-type').value = s.settings.readerType;
      }
      if (document.activeElement !== $('sam-mode')) {
        $('sam-mode').value = s.settings.samMode;
      }
    }
    document.body.dataset.updates = String(Number(document.body.dataset.updates || 0) + 1);
  }

  const events = new EventSource('/events');
  events.addEventListener('open', () => { $('connection').textContent = 'live'; });
  events.addEventListener('status', (e) => render(JSON.parse(e.data)));
  events.addEventListener('error', () => {
    $('connection').textContent = events.readyState === EventSource.CLOSED
      ? 'disconnected: reload to log in again' : 'reconnecting…';
  });
  loadLog().catch((e) => message(e.message, true));
})();
