'use strict';
// The watch overlay: one EventSource on /events (the browser session's cookie authenticates it) and a redraw of
// the three lights on every 'status' event. Every light carries its number and a text label, never colour alone.
(function () {
  const SAM_LIGHTS = {
    0: ['white', 'no SAM file'], 1: ['brown', 'not authenticated with the IDC'],
    2: ['green', 'authenticated with the IDC'], 9: ['grey', 'not a usable SAM']
  };

  function show(slot, value, colour, label, detail) {
    const light = document.getElementById('light-' + slot);
    light.className = 'light ' + colour;
    light.dataset.light = String(value);
    light.querySelector('.number').textContent = String(value);
    document.getElementById('label-' + slot).textContent = value + ' — ' + label;
    document.getElementById('detail-' + slot).textContent = detail || '';
  }

  function render(status) {
    const sam = status.sam || {};
    const samLight = SAM_LIGHTS[sam.status] || ['grey', sam.state || 'unknown'];
    const samDetail = [sam.hospitalId && ('hospital ' + sam.hospitalId), sam.samId && ('SAM ' + sam.samId),
      sam.mode && (sam.mode + ' SAM')].filter(Boolean).join(' · ');
    show('SAM', sam.status, samLight[0], samLight[1], samDetail);
    for (const slot of ['HC', 'HPC']) {
      const s = (status.slots || {})[slot] || {};
      const detail = s.status === 'ONLINE' ? s.reader : (s.reason || 'reader offline');
      show(slot, s.cardStatus === undefined ? 0 : s.cardStatus, s.light || 'white', s.lightLabel || 'no card', detail);
    }
    renderNotices(status.notices || []);
    const err = document.getElementById('last-error');
    err.textContent = status.lastError ? status.lastError.message + ' (' + status.lastError.time + ')' : 'none';
    err.className = status.lastError ? 'some' : '';
  }

  // 取號 notices (就醫次數提醒, red from 90 visits; 重大傷病到期): they stay until dismissed or the card leaves
  // (the status then lists none); never a dialog, so nobody at the counter is blocked.
  const dismissed = new Set();
  function renderNotices(notices) {
    const box = document.getElementById('notices');
    box.replaceChildren();
    for (const n of notices) {
      const key = n.time + n.message;
      if (dismissed.has(key)) {
        continue;
      }
      const p = document.createElement('p');
      p.className = 'notice ' + n.kind + (n.red ? ' red' : '');
      p.dataset.kind = n.kind;
      p.textContent = n.message;
      const close = document.createElement('button');
      close.type = 'button';
      close.textContent = '知道了 dismiss';
      close.addEventListener('click', () => {
        dismissed.add(key);
        p.remove();
      });
      p.appendChild(close);
      box.appendChild(p);
    }
  }

  function connection(text, lost) {
    const c = document.getElementById('connection');
    c.textContent = text;
    c.className = 'connection' + (lost ? ' lost' : '');
  }

  const events = new EventSource('/events');
  events.addEventListener('open', () => connection('live', false));
  events.addEventListener('status', (e) => {
    render(JSON.parse(e.data));
    document.body.dataset.updates = String(Number(document.body.dataset.updates || 0) + 1);
  });
  events.addEventListener('error', () => {
    if (events.readyState === EventSource.CLOSED) {
      connection('disconnected: the session ended or the platform stopped — reload to log in again', true);
    } else {
      connection('reconnecting…', true);
    }
  });
})();
