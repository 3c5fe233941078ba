// What every figure shares: its frame (canvas, read-outs, takeaway, data table, export buttons,
// print twin), its controls, and its state's round trip through the URL query.
import { drawFigure, figureText, figureTable, figureCsv, figureSettings, figureQuery } from '../../pkg/vanishing_gradients.js';
import { keepDrawn } from '../canvas.js';

export function element(tag, attributes = {}, text = '') {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text) node.textContent = text;
  return node;
}

/** A labelled native range input with a visible value beside it. */
export function range(id, label, { min, max, step, value }) {
  const input = element('input', { type: 'range', id, min: String(min), max: String(max), step: String(step), value: String(value) });
  const shown = element('span', { class: 'figure-value', 'aria-hidden': 'true' });
  const wrapper = element('div', { class: 'figure-control' });
  wrapper.append(element('label', { for: id }, label), input, shown);
  return { wrapper, input, shown };
}

/** A plain button. */
export function button(text, attributes = {}) {
  return element('button', { type: 'button', ...attributes }, text);
}

function download(blob, name) {
  if (!blob) return;
  const link = element('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/** Fills `table` from the page text of a figure's data table (see figureTable). */
function fillTable(table, text) {
  const [caption, marked, headers, ...rows] = text.split('\n');
  const head = element('thead');
  const headRow = element('tr');
  for (const name of headers.split('\t')) headRow.append(element('th', { scope: 'col' }, name));
  head.append(headRow);
  const body = element('tbody');
  rows.forEach((line, index) => {
    const row = element('tr');
    line.split('\t').forEach((cell, column) => {
      row.append(element(column === 0 ? 'th' : 'td', column === 0 ? { scope: 'row' } : {}, cell));
    });
    if (String(index) === marked) {
      row.className = 'is-marked';
      row.firstChild.append(element('span', { class: 'visually-hidden' }, ' (marked in the figure)'));
    }
    body.append(row);
  });
  table.replaceChildren(element('caption', {}, caption), head, body);
}

let pendingUrl = 0;
/** Writes figure `kind`'s control values into the URL query, keeping the deck's hash. */
function writeUrl(kind, numbers) {
  clearTimeout(pendingUrl);
  pendingUrl = setTimeout(() => {
    try {
      const search = figureQuery(location.search, kind, ...numbers);
      if (search !== location.search) history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    } catch (error) {
      console.warn('Vanishing Gradients: the URL was not updated', error);
    }
  }, 120);
}

/** The control values stored in the URL for `kind` (defaults when absent or malformed). */
export function urlSettings(kind) {
  try {
    return [...figureSettings(location.search, kind)];
  } catch {
    return [];
  }
}

/**
 * Builds a figure in `mount`. `spec`: { kind, name (canvas accessible name), controls (nodes),
 * numbers() → control values, setNumbers(values), onTexts(lines) }. Returns { update, figure }.
 */
export function mountFrame(mount, id, spec) {
  const { kind } = spec;
  const takeawayId = `${id}-takeaway`;
  const canvas = element('canvas', { role: 'img', 'aria-label': spec.name, 'aria-describedby': takeawayId });
  const readout = element('output', { class: 'readout', id: `${id}-readout` });
  const extra = element('div', { class: 'readout-extra' });
  const takeaway = element('p', { class: 'takeaway', id: takeawayId });
  const controls = element('div', { class: 'figure-controls' });
  controls.append(...spec.controls);
  const table = element('table', { class: 'figure-data' });
  const details = element('details', { class: 'figure-details' });
  details.append(element('summary', {}, 'Show data'), table);
  // Accessible names start with the visible text (WCAG 2.5.3, axe label-content-name-mismatch).
  const png = button('Download PNG', { 'aria-label': `Download PNG image of the ${spec.short} figure` });
  const csv = button('Download CSV', { 'aria-label': `Download CSV data of the ${spec.short} figure` });
  const exports = element('div', { class: 'figure-export' });
  exports.append(png, csv);

  const twin = mount.querySelector('.figure-static') ?? element('img', {
    src: new URL(`../figures-static/${kind}.svg`, import.meta.url).href,
    alt: `${spec.name} (at its default settings)`,
    loading: 'lazy',
  });
  twin.classList.add('figure-print');

  const figure = element('figure', { class: 'figure', 'data-figure': kind, id });
  figure.append(canvas, controls, readout, extra, takeaway, details, exports, twin);
  mount.replaceChildren(figure);

  const values = () => spec.numbers().map((n) => (Number.isFinite(n) ? n : NaN));
  const redraw = keepDrawn(
    canvas,
    (target, scale, dark) => {
      const [a, b, c] = values();
      drawFigure(target, kind, a, b, c, scale, dark);
    },
    (error) => { takeaway.textContent = `The figure could not be drawn: ${error.message ?? error}`; },
  );
  const refreshTable = () => {
    if (details.open) fillTable(table, figureTable(kind, ...values()));
  };
  details.addEventListener('toggle', refreshTable);

  const update = ({ share = true, now = true } = {}) => {
    const lines = figureText(kind, ...values()).split('\n');
    readout.textContent = lines[0];
    takeaway.textContent = lines[1];
    extra.replaceChildren(...spec.onTexts(lines).map((line) => element('p', {}, line)));
    if (now) redraw.now();
    else redraw();
    refreshTable();
    if (share) {
      writeUrl(kind, values());
      document.dispatchEvent(new CustomEvent('figures:state', { detail: { kind, numbers: values(), source: id } }));
    }
  };

  png.addEventListener('click', () => canvas.toBlob((blob) => download(blob, `${kind}.png`), 'image/png'));
  csv.addEventListener('click', () => {
    download(new Blob([figureCsv(kind, ...values())], { type: 'text/csv;charset=utf-8' }), `${kind}-data.csv`);
  });
  document.addEventListener('figures:state', (event) => {
    const { detail } = event;
    if (detail.kind !== kind || detail.source === id) return;
    spec.setNumbers(detail.numbers);
    update({ share: false, now: false });
  });
  return { update, figure, canvas };
}
