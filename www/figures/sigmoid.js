// The sigmoid explorer: a z slider, the canvas drawn by Rust, a read-out and a takeaway sentence.
import { drawSigmoid, SigmoidReadout } from '../../pkg/vanishing_gradients.js';
import { keepDrawn } from '../canvas.js';

function element(tag, attributes = {}, text = '') {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text) node.textContent = text;
  return node;
}

export function mountSigmoid(mount, id) {
  const canvas = element('canvas', {
    role: 'img',
    'aria-label': 'Graph of the sigmoid σ(z), solid, and its slope σ′(z), dashed, for z from −10 to 10, with the saturated zones shaded and a marker at the chosen z',
  });
  const slider = element('input', { type: 'range', id: `${id}-z`, min: '-10', max: '10', step: '0.1', value: '0' });
  const label = element('label', { for: slider.id }, 'Input z');
  const readout = element('output', { for: slider.id, class: 'readout', id: `${id}-readout` });
  const takeaway = element('p', { class: 'takeaway' });
  const controls = element('div', { class: 'figure-controls' });
  controls.append(label, slider, readout);
  const figure = element('figure', { class: 'figure', 'data-figure': 'sigmoid' });
  figure.append(canvas, controls, takeaway);
  mount.replaceChildren(figure);

  const z = () => {
    const value = Number(slider.value);
    return Number.isFinite(value) ? value : 0;
  };
  const redraw = keepDrawn(
    canvas,
    (target, scale, dark) => drawSigmoid(target, z(), scale, dark),
    (error) => { takeaway.textContent = `The figure could not be drawn: ${error.message ?? error}`; },
  );
  const update = () => {
    const reading = new SigmoidReadout(z());
    readout.textContent = reading.text;
    takeaway.textContent = reading.takeaway;
    slider.setAttribute('aria-valuetext', `z = ${slider.value}`);
    reading.free();
    redraw();
  };
  slider.addEventListener('input', update);
  update();
}
