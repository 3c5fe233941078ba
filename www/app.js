// Entry point: loads the wasm module once, then mounts every figure the lesson's HTML asks for.
import init from '../pkg/vanishing_gradients.js';
import { mountSigmoid } from './figures/sigmoid.js';
import { mountRelu } from './figures/relu.js';
import { mountDepth } from './figures/depth.js';
import { mountBall } from './figures/ball.js';
import { mountPractice } from './practice.js';

const mounters = { sigmoid: mountSigmoid, relu: mountRelu, depth: mountDepth, ball: mountBall };

function showUnavailable(mount, reason) {
  const note = document.createElement('p');
  note.className = 'figure-unavailable';
  note.setAttribute('role', 'note');
  note.textContent = `This interactive figure could not start (${reason}). The text and formulas above still tell the whole story.`;
  const fallback = mount.querySelector('.figure-static');
  mount.replaceChildren(note, ...(fallback ? [fallback] : []));
}

async function start() {
  const mounts = [...document.querySelectorAll('.figure-mount[data-figure]')];
  try {
    await init();
  } catch (error) {
    for (const mount of mounts) showUnavailable(mount, 'WebAssembly did not load');
    for (const form of document.querySelectorAll('form.answer')) {
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        const status = form.querySelector('[role="status"]');
        if (status) {
          status.dataset.verdict = 'invalid';
          status.textContent = "Can't read answers right now: the checker did not load. The worked solution below still shows the method.";
        }
      });
    }
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
  document.documentElement.dataset.wasm = 'ready';
}

start();
