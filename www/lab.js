// The gradient lab: a real network trains in the page while six charts, drawn by Rust, show
// its gradients per layer, loss, decision boundary, saturated/dead units and chain-rule ledger.
// Training runs in chunks inside requestAnimationFrame (about 8 ms a frame) and only while the
// lab is on screen and the tab is visible. Settings live in the URL query under `lab.` keys
// (Rust reads and writes them); the hash belongs to the deck and is never touched.
import { Lab } from '../pkg/vanishing_gradients.js';
import { keepDrawn } from './canvas.js';

/** Milliseconds of training per animation frame, and of work per frame in all. */
const BUDGET_MS = 8;
const FRAME_MS = 14;
/** How often, while playing, the fast charts (bars, lines, loss, health) and the slow ones
 *  (decision map, ledger) are redrawn, and the sentences and open tables rewritten. */
const FAST_MS = 120;
const SLOW_MS = 400;
const TEXT_MS = 500;
const TABLE_MS = 1000;

const CHARTS = [
  {
    name: 'gradients',
    title: 'Gradient reaching each layer, this step',
    label: 'Bar chart on a log scale: the mean absolute weight gradient of each layer, layer 1 on the left, the output layer on the right; this run as filled bars, the comparison run as outlined bars',
  },
  {
    name: 'history',
    title: 'Gradient per layer over training',
    label: 'Line chart on a log scale: each layer’s mean absolute weight gradient against the training step; layer 1 thick and solid, the output layer thick and dashed, the layers between thin',
  },
  {
    name: 'loss',
    title: 'Loss',
    label: 'Line chart: the mini-batch loss against the training step; this run solid, the comparison run dashed, and ln 2, the loss of a 50/50 guess, dotted',
  },
  {
    name: 'decision',
    title: 'Decision boundary over the data',
    label: 'Map of the plane shaded by the network’s probability of class 1, with the p = 0.5 boundary drawn as a line; class 1 points are discs, class 0 points are crosses, and the ledger’s example is ringed',
  },
  {
    name: 'health',
    title: 'Saturated and dead units per layer',
    label: 'Bar chart: for each hidden layer, the percentage of units saturated (sigmoid, tanh) or dead (ReLU); this run filled, the comparison run outlined',
  },
  {
    name: 'ledger',
    title: 'Chain-rule ledger for one example',
    label: 'Line chart on a log scale: for each layer, its local factor (dashed, squares) and the running product of factors from the output back to it (solid, discs), with 0.2 per layer, the practice problem’s factor, dotted',
  },
];

const DATASETS = [['circle', 'Circle'], ['xor', 'XOR'], ['spiral', 'Spiral'], ['blobs', 'Two blobs']];
const ACTIVATIONS = [['sigmoid', 'Sigmoid'], ['tanh', 'tanh'], ['relu', 'ReLU'], ['leaky-relu', 'Leaky ReLU']];
const INITS = [['xavier', 'Xavier / Glorot'], ['he', 'He'], ['small', 'Small N(0, 0.01²)'], ['large', 'Large N(0, 1)']];
const RATES = ['0.001', '0.003', '0.01', '0.03', '0.05', '0.1', '0.3', '1', '1.8', '3', '10'];

function element(tag, attributes = {}, text = '') {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text) node.textContent = text;
  return node;
}

/** A labelled control in the settings grid. */
function control(id, label, input, shown) {
  const wrapper = element('div', { class: 'lab-control' });
  const name = element('label', { for: id }, label);
  if (shown) name.append(' ', shown);
  wrapper.append(name, input);
  return wrapper;
}

function select(id, options) {
  const node = element('select', { id });
  for (const [value, text] of options) node.append(element('option', { value }, text));
  return node;
}

/** Sets a select's value, adding the value as an option first if it has none. */
function choose(node, value) {
  if (![...node.options].some((o) => o.value === value)) node.append(element('option', { value }, value));
  node.value = value;
}

function ensureStyles() {
  const href = new URL('./lab.css', import.meta.url).href;
  if ([...document.querySelectorAll('link[rel="stylesheet"]')].some((l) => l.href === href)) return;
  document.head.append(element('link', { rel: 'stylesheet', href }));
}

function fillTable(table, text) {
  const [caption, headers = '', ...rows] = text.split('\n');
  const head = element('thead');
  const headRow = element('tr');
  for (const name of headers.split('\t')) headRow.append(element('th', { scope: 'col' }, name));
  head.append(headRow);
  const body = element('tbody');
  for (const line of rows) {
    const row = element('tr');
    line.split('\t').forEach((cell, column) => {
      row.append(element(column === 0 ? 'th' : 'td', column === 0 ? { scope: 'row' } : {}, cell));
    });
    body.append(row);
  }
  table.replaceChildren(element('caption', {}, caption), head, body);
}

/** Builds the lab inside `mount` (a `.lab-mount[data-lab]`). */
export function mountLab(mount, id = 'lab-1') {
  ensureStyles();
  let lab = new Lab(location.search);
  let settings = new URLSearchParams(lab.settings());

  // ----- Controls -----
  const play = element('button', { type: 'button', class: 'lab-play' }, 'Play');
  const stepButton = element('button', { type: 'button' }, 'One step');
  const reset = element('button', { type: 'button' }, 'Reset');
  const counter = element('output', { class: 'lab-step', id: `${id}-step`, 'aria-label': 'Training progress' });
  const buttons = element('div', { class: 'lab-buttons', role: 'group', 'aria-label': 'Training' });
  buttons.append(play, stepButton, reset, counter);

  const presetList = Lab.presets().split('\n').map((line) => line.split('\t'));
  const preset = select(`${id}-preset`, [['custom', 'Your own settings'], ...presetList.map(([value, title]) => [value, title])]);
  const dataset = select(`${id}-data`, DATASETS);
  const layers = element('input', { type: 'range', id: `${id}-layers`, min: '1', max: '12', step: '1' });
  const layersShown = element('span', { class: 'lab-value', 'aria-hidden': 'true' });
  const width = element('input', { type: 'range', id: `${id}-width`, min: '2', max: '32', step: '1' });
  const widthShown = element('span', { class: 'lab-value', 'aria-hidden': 'true' });
  const activation = select(`${id}-act`, ACTIVATIONS);
  const init = select(`${id}-init`, INITS);
  const rate = select(`${id}-lr`, RATES.map((r) => [r, r]));
  const seed = element('input', { type: 'number', id: `${id}-seed`, min: '0', step: '1', inputmode: 'numeric' });
  const vsActivation = select(`${id}-vs-act`, [['none', 'No comparison'], ...ACTIVATIONS]);
  const vsInit = select(`${id}-vs-init`, INITS);
  const vsRate = select(`${id}-vs-lr`, RATES.map((r) => [r, r]));

  const controls = element('div', { class: 'lab-controls' });
  controls.append(
    control(`${id}-preset`, 'Story', preset),
    control(`${id}-data`, 'Dataset', dataset),
    control(`${id}-layers`, 'Hidden layers', layers, layersShown),
    control(`${id}-width`, 'Units per layer', width, widthShown),
    control(`${id}-act`, 'Activation', activation),
    control(`${id}-init`, 'Initialisation', init),
    control(`${id}-lr`, 'Learning rate', rate),
    control(`${id}-seed`, 'Seed', seed),
    control(`${id}-vs-act`, 'Compare with', vsActivation),
    control(`${id}-vs-init`, 'Its initialisation', vsInit),
    control(`${id}-vs-lr`, 'Its learning rate', vsRate),
  );
  const settingsBox = element('fieldset', { class: 'lab-settings' });
  settingsBox.append(element('legend', {}, 'Settings (changing one restarts training)'), controls);

  const story = element('p', { class: 'lab-story' });
  const notes = element('div', { class: 'lab-notes', role: 'note', hidden: '' });
  const failure = element('p', { class: 'lab-failure', role: 'alert', hidden: '' });
  const announce = element('p', { class: 'lab-sr', role: 'status' });

  // ----- Charts -----
  const charts = CHARTS.map((spec) => {
    const takeawayId = `${id}-${spec.name}-takeaway`;
    const canvas = element('canvas', { role: 'img', 'aria-label': spec.label, 'aria-describedby': takeawayId });
    const takeaway = element('p', { class: 'lab-takeaway', id: takeawayId });
    const table = element('table', { class: 'lab-data' });
    const details = element('details', { class: 'lab-details' });
    const summary = element('summary', {}, 'Show data');
    summary.append(element('span', { class: 'lab-sr' }, `: ${spec.title}`));
    details.append(summary, table);
    const heading = element('h3', { class: 'lab-title', id: `${id}-${spec.name}-title` }, spec.title);
    const figure = element('figure', { class: 'lab-chart', 'data-chart': spec.name, 'aria-labelledby': heading.id });
    figure.append(heading, canvas, takeaway, details);
    return { ...spec, canvas, takeaway, table, details, figure, redraw: null };
  });
  const byName = Object.fromEntries(charts.map((c) => [c.name, c]));
  const example = element('input', { type: 'number', id: `${id}-example`, min: '0', step: '1', inputmode: 'numeric' });
  const exampleControl = control(`${id}-example`, 'Example #', example);
  exampleControl.classList.add('lab-example');
  byName.ledger.figure.insertBefore(exampleControl, byName.ledger.takeaway);

  const grid = element('div', { class: 'lab-charts' });
  grid.append(...charts.map((c) => c.figure));

  const root = element('div', { class: 'lab', id });
  const bar = element('div', { class: 'lab-bar' });
  bar.append(buttons, story);
  root.append(bar, settingsBox, notes, failure, announce, grid);
  mount.replaceChildren(root);

  for (const chart of charts) {
    chart.redraw = keepDrawn(
      chart.canvas,
      (canvas, scale, dark) => lab.draw(chart.name, canvas, scale, dark),
      (error) => {
        chart.takeaway.textContent = `This chart could not be drawn: ${error.message ?? error}`;
        console.warn(`Vanishing Gradients: the lab's ${chart.name} chart`, error);
      },
    );
    chart.details.addEventListener('toggle', () => { if (chart.details.open) fillTable(chart.table, lab.table(chart.name)); });
  }

  // ----- State → page -----
  function showSettings() {
    settings = new URLSearchParams(lab.settings());
    const matching = presetList.find(([value]) => value === lab.preset());
    preset.value = matching ? matching[0] : 'custom';
    choose(dataset, settings.get('data'));
    layers.value = settings.get('layers');
    layersShown.textContent = settings.get('layers');
    width.value = settings.get('width');
    widthShown.textContent = settings.get('width');
    choose(activation, settings.get('act'));
    choose(init, settings.get('init'));
    choose(rate, settings.get('lr'));
    seed.value = settings.get('seed');
    const vs = settings.get('vs.act');
    choose(vsActivation, vs);
    vsInit.disabled = vsRate.disabled = vs === 'none';
    if (vs !== 'none') {
      choose(vsInit, settings.get('vs.init'));
      choose(vsRate, settings.get('vs.lr'));
    }
    example.max = String(Math.max(0, Number(settings.get('points')) - 1));
    example.value = settings.get('example');
    story.textContent = matching ? matching[2] : 'Your own settings: press Play and watch how much gradient each layer gets.';
    const noteText = lab.notes();
    notes.hidden = !noteText;
    notes.replaceChildren(...(noteText ? [element('strong', {}, 'Some settings in the address were not used. '), ...noteText.split('\n').map((n) => element('span', {}, `${n} `))] : []));
  }

  let lastFast = 0;
  let lastSlow = 0;
  let slowTurn = false;
  let lastText = 0;
  let lastTable = 0;
  function refresh(now = performance.now(), force = true) {
    counter.textContent = lab.status();
    root.dataset.step = String(lab.steps());
    root.dataset.gradients = [...lab.gradients()].join(' ');
    if (force || now - lastFast >= FAST_MS) {
      lastFast = now;
      for (const name of ['gradients', 'history', 'loss', 'health']) byName[name].redraw();
    }
    // The decision map and the ledger take longest to draw: never in the same frame.
    if (force) {
      byName.decision.redraw();
      byName.ledger.redraw();
    } else if (now - lastSlow >= SLOW_MS / 2) {
      lastSlow = now;
      slowTurn = !slowTurn;
      byName[slowTurn ? 'decision' : 'ledger'].redraw();
    }
    if (force || now - lastText >= TEXT_MS) {
      lastText = now;
      for (const chart of charts) chart.takeaway.textContent = lab.takeaway(chart.name);
    }
    if (force || now - lastTable >= TABLE_MS) {
      lastTable = now;
      for (const chart of charts) if (chart.details.open) fillTable(chart.table, lab.table(chart.name));
    }
    showFailure();
  }

  function showFailure() {
    const [code = '', layer = '0', message = ''] = lab.failure().split('\t');
    const text = [message, lab.comparisonFailure()].filter(Boolean).join(' ');
    if (failure.textContent !== text) failure.textContent = text;
    failure.hidden = !text;
    root.dataset.failure = code;
    root.dataset.failureLayer = layer;
    const stopped = Boolean(code);
    play.disabled = stopped;
    stepButton.disabled = stopped;
    if (stopped && playing) setPlaying(false);
  }

  // ----- Training loop -----
  let playing = false;
  let onScreen = false;
  let frame = 0;
  let chunk = 4;

  function setPlaying(value) {
    playing = value;
    play.textContent = value ? 'Pause' : 'Play';
    root.dataset.playing = String(value);
    if (!value) {
      refresh();
      announce.textContent = `${lab.status()}. ${lab.takeaway('gradients')}`;
    }
    schedule();
  }

  function schedule() {
    if (playing && onScreen && !document.hidden && !frame) frame = requestAnimationFrame(tick);
  }

  function tick(now) {
    frame = 0;
    if (!playing || !onScreen || document.hidden) return;
    if (document.documentElement.dataset.wasm === 'failed') {
      setPlaying(false);
      return;
    }
    // Charts redrawn earlier in this frame count against it: train for what is left of ~14 ms.
    const start = performance.now();
    const budget = Math.max(2, Math.min(BUDGET_MS, FRAME_MS - (start - now)));
    let alive = true;
    try {
      while (alive) {
        const before = performance.now();
        alive = lab.run(chunk);
        const spent = performance.now() - before;
        if (spent < 1) chunk = Math.min(chunk * 2, 4096);
        else if (spent > 3 && chunk > 1) chunk = Math.max(1, Math.floor(chunk / 2));
        if (performance.now() - start >= budget) break;
      }
      refresh(now, !alive);
    } catch (error) {
      // A trap inside the wasm: stop for good and let the page's handler report it.
      playing = false;
      root.dataset.playing = 'false';
      play.disabled = stepButton.disabled = true;
      throw error;
    }
    if (alive) schedule();
  }

  // ----- Controls → state -----
  let pendingUrl = 0;
  function writeUrl() {
    clearTimeout(pendingUrl);
    pendingUrl = setTimeout(() => {
      try {
        const search = lab.query(location.search);
        if (search !== location.search) history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
      } catch (error) {
        console.warn('Vanishing Gradients: the URL was not updated', error);
      }
    }, 250);
  }

  function rebuild(search) {
    const next = new Lab(search);
    lab.free();
    lab = next;
    chunk = 4;
    showSettings();
    refresh();
    writeUrl();
  }

  function controlsSearch() {
    const pairs = [
      ['preset', settings.get('preset')],
      ['data', dataset.value],
      ['points', settings.get('points')],
      ['noise', settings.get('noise')],
      ['layers', layers.value],
      ['width', width.value],
      ['act', activation.value],
      ['init', init.value],
      ['lr', rate.value],
      ['batch', settings.get('batch')],
      ['seed', seed.value.trim() || '0'],
      ['vs.act', vsActivation.value],
    ];
    if (vsActivation.value !== 'none') pairs.push(['vs.init', vsInit.value], ['vs.lr', vsRate.value]);
    pairs.push(['example', example.value.trim() || '0']);
    return pairs.map(([key, value]) => `lab.${key}=${encodeURIComponent(value ?? '')}`).join('&');
  }

  play.addEventListener('click', () => setPlaying(!playing));
  stepButton.addEventListener('click', () => {
    setPlaying(false);
    lab.run(1);
    refresh();
    announce.textContent = `${lab.status()}. ${lab.takeaway('gradients')}`;
  });
  reset.addEventListener('click', () => {
    rebuild(controlsSearch());
    announce.textContent = `Reset to step 0. ${lab.takeaway('gradients')}`;
  });
  preset.addEventListener('change', () => {
    if (preset.value !== 'custom') rebuild(`lab.preset=${encodeURIComponent(preset.value)}`);
  });
  for (const input of [dataset, activation, init, rate, vsInit, vsRate]) {
    input.addEventListener('change', () => rebuild(controlsSearch()));
  }
  vsActivation.addEventListener('change', () => {
    // A new comparison activation gets its usual initialisation: He for the ReLU family.
    if (vsActivation.value !== 'none') vsInit.value = vsActivation.value.includes('relu') ? 'he' : 'xavier';
    if (vsRate.disabled) vsRate.value = rate.value;
    vsInit.disabled = vsRate.disabled = false;
    rebuild(controlsSearch());
  });
  for (const [input, shown] of [[layers, layersShown], [width, widthShown]]) {
    input.addEventListener('input', () => { shown.textContent = input.value; });
    input.addEventListener('change', () => rebuild(controlsSearch()));
  }
  seed.addEventListener('change', () => rebuild(controlsSearch()));
  example.addEventListener('change', () => {
    const index = Math.max(0, Math.floor(Number(example.value) || 0));
    lab.setExample(index);
    example.value = new URLSearchParams(lab.settings()).get('example');
    byName.ledger.redraw();
    byName.decision.redraw();
    byName.ledger.takeaway.textContent = lab.takeaway('ledger');
    if (byName.ledger.details.open) fillTable(byName.ledger.table, lab.table('ledger'));
    writeUrl();
  });

  // Train only while the lab is on screen (its slide shown, scrolled into view) and the tab visible.
  new IntersectionObserver((entries) => {
    onScreen = entries.some((e) => e.isIntersecting);
    schedule();
  }).observe(root);
  document.addEventListener('visibilitychange', schedule);

  showSettings();
  setPlaying(false);
  announce.textContent = '';
  refresh();
  return root;
}

/** Mounts a lab in every `.lab-mount[data-lab]` of the page. */
export function mountLabs() {
  const mounts = [...document.querySelectorAll('.lab-mount[data-lab]')];
  mounts.forEach((mount, i) => {
    try {
      mountLab(mount, `lab-${i + 1}`);
    } catch (error) {
      const note = element('p', { class: 'figure-unavailable', role: 'note' },
        'The gradient lab could not start. The slides before and after it still tell the whole story.');
      mount.replaceChildren(note);
      console.warn('Vanishing Gradients: the gradient lab could not start', error);
    }
  });
}
