// Entry point: loads the wasm module once, then mounts every figure the lesson's HTML asks for.
import init from '../pkg/vanishing_gradients.js';
import { mountSigmoid } from './figures/sigmoid.js';
import { mountRelu } from './figures/relu.js';
import { mountDepth } from './figures/depth.js';
import { mountBall } from './figures/ball.js';
import { mountPractice } from './practice.js';
import { mountLabs } from './lab.js';
import { startEmbed } from './embed.js';

const mounters = { sigmoid: mountSigmoid, relu: mountRelu, depth: mountDepth, ball: mountBall };

function showUnavailable(mount, reason) {
  const note = document.createElement('p');
  note.className = 'figure-unavailable';
  note.setAttribute('role', 'note');
  note.textContent = `This interactive figure could not start (${reason}). The text and formulas above still tell the whole story.`;
  const fallback = mount.querySelector('.figure-static');
  fallback?.classList.remove('figure-print'); // a twin the figure had kept for print only
  mount.replaceChildren(note, ...(fallback ? [fallback] : []));
}

// When the wasm cannot answer (it did not load, or it trapped), answer forms say so plainly
// instead of calling it; this listener runs before the forms' own.
let answersOff = '';
document.addEventListener('submit', (event) => {
  const form = event.target instanceof Element ? event.target.closest('form.answer') : null;
  if (!answersOff || !form) return;
  event.preventDefault();
  event.stopImmediatePropagation();
  const status = form.querySelector('[role="status"]');
  if (status) {
    status.dataset.verdict = 'invalid';
    status.textContent = answersOff;
  }
}, true);

// A Rust panic inside the wasm surfaces as a WebAssembly.RuntimeError ("unreachable") and
// leaves the module unusable: say so once in plain words, put the static figures back and stop
// the answer forms; the slides, formulas and pictures keep working.
let trapped = false;
function onTrap(error) {
  if (trapped || typeof WebAssembly === 'undefined' || !(error instanceof WebAssembly.RuntimeError)) return;
  trapped = true;
  document.documentElement.dataset.wasm = 'failed';
  for (const mount of document.querySelectorAll('.figure-mount[data-figure]')) showUnavailable(mount, 'it stopped after an internal error');
  answersOff = "Can't read answers right now: the checker stopped after an internal error. Reload the page to try again; the worked solution below still shows the method.";
  const alert = document.createElement('p');
  alert.className = 'wasm-failure';
  alert.setAttribute('role', 'alert');
  alert.textContent = 'Something went wrong in the interactive parts of this lesson, so they have stopped. The slides, formulas and pictures still work; reload the page to try the interactive parts again.';
  Object.assign(alert.style, { position: 'fixed', insetInline: '0', top: '0', zIndex: '1000', margin: '0', padding: '0.5rem 1rem', background: 'Canvas', color: 'CanvasText', borderBottom: '3px solid currentColor' });
  document.body.prepend(alert);
  console.warn('Vanishing Gradients: the wasm stopped after an internal error', error);
}
window.addEventListener('error', (event) => onTrap(event.error));
window.addEventListener('unhandledrejection', (event) => onTrap(event.reason));

async function start() {
  const mounts = [...document.querySelectorAll('.figure-mount[data-figure]')];
  try {
    await init();
  } catch (error) {
    for (const mount of mounts) showUnavailable(mount, 'WebAssembly did not load');
    answersOff = "Can't read answers right now: the checker did not load. The worked solution below still shows the method.";
    document.documentElement.dataset.wasm = 'failed';
    console.warn('Vanishing Gradients: wasm failed to load', error);
    return;
  }
  const counts = {};
  for (const mount of mounts) {
    const kind = mount.dataset.figure;
    const mountFigure = Object.hasOwn(mounters, kind) ? mounters[kind] : null;
    if (!mountFigure) continue;
    counts[kind] = (counts[kind] ?? 0) + 1;
    try {
      mountFigure(mount, `${kind}-${counts[kind]}`);
    } catch (error) {
      showUnavailable(mount, 'it failed to start');
      console.warn(`Vanishing Gradients: the ${kind} figure could not start`, error);
    }
  }
  try {
    mountPractice();
  } catch (error) {
    console.warn('Vanishing Gradients: practice forms could not start', error);
  }
  mountLabs();
  document.documentElement.dataset.wasm = 'ready';
}

startEmbed(); // before the wasm loads: an LMS's saved progress goes in first
start();
