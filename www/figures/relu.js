// The ReLU explorer: a z slider and a switch that shows the sigmoid beside ReLU, drawn by Rust.
import { element, range, mountFrame, urlSettings } from './common.js';

export function mountRelu(mount, id) {
  const z = range(`${id}-z`, 'Input z', { min: -5, max: 5, step: 0.1, value: 1 });
  const compare = element('input', { type: 'checkbox', id: `${id}-compare` });
  compare.checked = true;
  const compareLabel = element('label', { for: compare.id, class: 'figure-switch' });
  compareLabel.append(compare, ' Show the sigmoid for comparison');
  const frame = mountFrame(mount, id, {
    kind: 'relu',
    short: 'ReLU',
    name: 'Two graphs for z from −5 to 5: ReLU(z), solid, and its slope ReLU′(z), a step from 0 to 1 at z = 0, with the dead region z ≤ 0 shaded, markers at the chosen z, and optionally the sigmoid σ(z), dotted, and its slope σ′(z), dashed, for comparison',
    controls: [z.wrapper, compareLabel],
    numbers: () => [Number(z.input.value), compare.checked ? 1 : 0],
    setNumbers: ([value, shown]) => {
      z.input.value = String(value ?? 1);
      compare.checked = shown !== 0;
    },
    onTexts: (lines) => {
      z.input.setAttribute('aria-valuetext', lines[2]);
      z.shown.textContent = `z = ${z.input.value}`;
      return [];
    },
  });
  z.input.addEventListener('input', () => frame.update());
  compare.addEventListener('change', () => frame.update());
  const stored = urlSettings('relu');
  if (stored.length) {
    z.input.value = String(stored[0]);
    compare.checked = stored[1] !== 0;
  }
  frame.update({ share: false });
}
