// The depth explorer: per-layer factor, depth and learning rate; the gradient reaching the
// first layer on a log scale, drawn by Rust.
import { range, mountFrame, urlSettings } from './common.js';

export function mountDepth(mount, id) {
  const factor = range(`${id}-factor`, 'Gradient factor per layer', { min: 0.01, max: 1, step: 0.01, value: 0.2 });
  const layers = range(`${id}-layers`, 'Number of layers', { min: 1, max: 50, step: 1, value: 5 });
  const rate = range(`${id}-rate`, 'Learning rate', { min: 0, max: 9, step: 1, value: 6 });
  const frame = mountFrame(mount, id, {
    kind: 'depth',
    short: 'depth',
    name: 'Graph, on a log scale, of the gradient reaching the first layer against the number of layers from 1 to 50: your factor to the power n, solid; the weight update, thin with triangles; sigmoid at best 0.25 to the n, dashed; ReLU 1 to the n, dotted; with lines at 10 to the −6 and at float32’s smallest normal number',
    controls: [factor.wrapper, layers.wrapper, rate.wrapper],
    numbers: () => [Number(factor.input.value), Number(layers.input.value), Number(rate.input.value)],
    setNumbers: ([f, n, r]) => {
      factor.input.value = String(f ?? 0.2);
      layers.input.value = String(n ?? 5);
      rate.input.value = String(r ?? 6);
    },
    onTexts: (lines) => {
      const [, , factorText, layersText, rateText, references, thresholds] = lines;
      factor.input.setAttribute('aria-valuetext', factorText);
      layers.input.setAttribute('aria-valuetext', layersText);
      rate.input.setAttribute('aria-valuetext', rateText);
      factor.shown.textContent = factorText;
      layers.shown.textContent = `${layers.input.value} layers`;
      rate.shown.textContent = rateText.split(':')[0];
      return [references, thresholds];
    },
  });
  for (const control of [factor, layers, rate]) control.input.addEventListener('input', () => frame.update());
  const stored = urlSettings('depth');
  if (stored.length) [factor, layers, rate].forEach((control, i) => { control.input.value = String(stored[i]); });
  frame.update({ share: false });
}
