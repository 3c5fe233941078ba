// The sigmoid explorer: a z slider with quick buttons for z = 0, 3 and 5, drawn by Rust.
import { element, range, button, mountFrame, urlSettings } from './common.js';

export function mountSigmoid(mount, id) {
  const z = range(`${id}-z`, 'Input z', { min: -10, max: 10, step: 0.1, value: 0 });
  const quick = element('div', { class: 'figure-quick', role: 'group', 'aria-label': 'Jump to z' });
  const buttons = [0, 3, 5].map((value) => {
    const jump = button(`z = ${value}`, { 'data-z': String(value) });
    quick.append(jump);
    return jump;
  });
  const frame = mountFrame(mount, id, {
    kind: 'sigmoid',
    short: 'sigmoid',
    name: 'Graph of the sigmoid σ(z), solid, and its slope σ′(z), dashed, for z from −10 to 10, with the saturated zones |z| ≥ 3 shaded, the 0.25 maximum of the slope dotted, and markers at the chosen z',
    controls: [z.wrapper, quick],
    numbers: () => [Number(z.input.value)],
    setNumbers: ([value]) => { z.input.value = String(value ?? 0); },
    onTexts: (lines) => {
      z.input.setAttribute('aria-valuetext', lines[2]);
      z.shown.textContent = `z = ${z.input.value}`;
      return [];
    },
  });
  z.input.addEventListener('input', () => frame.update());
  for (const jump of buttons) {
    jump.addEventListener('click', () => {
      z.input.value = jump.dataset.z;
      frame.update();
    });
  }
  const [fromUrl] = urlSettings('sigmoid');
  if (fromUrl !== undefined) z.input.value = String(fromUrl);
  frame.update({ share: false });
}
