// Gyre dashboard: polls /api/status once a second and renders it. Plain JavaScript, no build step,
// nothing loaded from elsewhere. docs/operations.md ("Dashboard and metrics") describes the fields.
'use strict';

const POLL_MS = 1000;
const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

function escape(text) {
  return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function ms(value) {
  if (value === null || value === undefined) return '–';
  return value < 10 ? value.toFixed(2) + ' ms' : decimal.format(value) + ' ms';
}

function rate(value) {
  return value === null || value === undefined ? '–' : decimal.format(value);
}

function uptime(seconds) {
  const h = Math.floor(seconds / 3600), m = Math.floor(seconds / 60) % 60, s = seconds % 60;
  return (h ? h + 'h ' : '') + (h || m ? m + 'm ' : '') + s + 's';
}

function tags(object) {
  return Object.entries(object).map(([k, v]) => k + '=' + v).join(', ');
}

function card(stage) {
  const element = document.createElement('div');
  element.className = 'card';
  element.dataset.stage = stage.name;
  element.innerHTML = `<h3>${escape(stage.name)}</h3>
    <div class="stats">
      <div><div class="label">in / s</div><div class="value" data-field="inRate"></div></div>
      <div><div class="label">out / s</div><div class="value" data-field="outRate"></div></div>
      <div><div class="label">dead letters / s</div><div class="value" data-field="deadLetterRate"></div></div>
      <div><div class="label">in (total)</div><div class="value" data-field="in"></div></div>
      <div><div class="label">out (total)</div><div class="value" data-field="out"></div></div>
      <div><div class="label">dead letters</div><div class="value" data-field="deadLetters"></div></div>
      <div><div class="label">latency p50</div><div class="value" data-field="latencyP50Ms"></div></div>
      <div><div class="label">latency p99</div><div class="value" data-field="latencyP99Ms"></div></div>
    </div>
    <canvas width="300" height="44" aria-label="events in per second, last 60 s"></canvas>
    <div class="spark-label">events in per second, last 60 s (peak <span data-field="peak">0</span>)</div>`;
  return element;
}

function sparkline(canvas, points) {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || 300, height = canvas.clientHeight || 44;
  canvas.width = width * ratio;
  canvas.height = height * ratio;
  const g = canvas.getContext('2d');
  g.scale(ratio, ratio);
  g.clearRect(0, 0, width, height);
  if (points.length < 2) return;
  const peak = Math.max(1, ...points);
  const x = i => (i + 60 - points.length) * width / 59;
  const y = v => height - 2 - (v / peak) * (height - 4);
  g.beginPath();
  points.forEach((v, i) => (i ? g.lineTo(x(i), y(v)) : g.moveTo(x(i), y(v))));
  g.strokeStyle = '#4fb3ff';
  g.lineWidth = 1.5;
  g.stroke();
  g.lineTo(x(points.length - 1), height);
  g.lineTo(x(0), height);
  g.fillStyle = 'rgba(79, 179, 255, 0.15)';
  g.fill();
}

function renderStages(stages) {
  const container = document.getElementById('stages');
  for (const stage of stages) {
    let element = container.querySelector(`[data-stage="${CSS.escape(stage.name)}"]`);
    if (!element) {
      element = card(stage);
      container.appendChild(element);
    }
    const set = (field, text) => { element.querySelector(`[data-field="${field}"]`).textContent = text; };
    set('inRate', rate(stage.inRate));
    set('outRate', rate(stage.outRate));
    set('deadLetterRate', rate(stage.deadLetterRate));
    set('in', number.format(stage.in));
    set('out', number.format(stage.out));
    set('deadLetters', number.format(stage.deadLetters));
    set('latencyP50Ms', ms(stage.latencyP50Ms));
    set('latencyP99Ms', ms(stage.latencyP99Ms));
    set('peak', rate(Math.max(0, ...stage.throughput)));
    element.querySelector('[data-field="deadLetters"]').classList.toggle('bad', stage.deadLetters > 0);
    sparkline(element.querySelector('canvas'), stage.throughput);
  }
}

function table(id, rows, cells, emptyId, sectionId) {
  document.querySelector(`#${id} tbody`).innerHTML = rows
    .map(row => '<tr>' + cells(row).map(([text, cls]) => `<td class="${cls || ''}">${escape(text)}</td>`).join('') + '</tr>')
    .join('');
  if (emptyId) document.getElementById(emptyId).hidden = rows.length > 0;
  if (emptyId) document.getElementById(id).hidden = rows.length === 0;
  if (sectionId) document.getElementById(sectionId).hidden = rows.length === 0;
}

function render(status) {
  document.getElementById('pipeline').textContent = status.pipeline;
  document.title = 'Gyre · ' + status.pipeline;
  document.getElementById('uptime').textContent = uptime(status.uptimeSeconds);
  document.getElementById('window').textContent = status.rateWindowSeconds;
  renderStages(status.stages);
  table('dead-letters', status.deadLetters, d => [[d.kind + ' ' + d.name], [d.reason],
    [number.format(d.count), 'num'], [rate(d.rate), 'num']], 'dead-letters-empty');
  table('models', status.models, m => [[m.stage], [m.model], [m.version], [m.role, 'role-' + m.role],
    [Math.round(m.share * 100) + ' %', 'num'], [m.predictions === null ? '–' : number.format(m.predictions), 'num'],
    [rate(m.predictionRate), 'num']], 'models-empty');
  table('sinks', status.sinks, s => [[s.name], [number.format(s.written), 'num'], [rate(s.writtenRate), 'num'],
    [number.format(s.skipped), 'num'], [number.format(s.deadLetters), 'num'], [ms(s.writeP99Ms), 'num']],
    null, 'sinks-section');
  table('quality', status.quality, q => [[q.name], [tags(q.tags)], [String(q.value), 'num']], null, 'quality-section');
  table('other', status.otherMetrics, o => [[o.name], [tags(o.tags)], [decimal.format(o.value), 'num'],
    [rate(o.rate), 'num']], null, 'other-section');
}

function connected(live, text) {
  document.getElementById('connection').className = 'dot ' + (live ? 'live' : 'stale');
  document.getElementById('connection-text').textContent = text;
}

async function poll() {
  try {
    const response = await fetch('api/status', { cache: 'no-store' });
    if (!response.ok) throw new Error('HTTP ' + response.status);
    render(await response.json());
    connected(true, 'live · ' + new Date().toLocaleTimeString());
  } catch (e) {
    connected(false, 'disconnected (' + e.message + '); last values shown');
  } finally {
    setTimeout(poll, POLL_MS);
  }
}

poll();
