// Keeps a canvas sharp and current: backing store × devicePixelRatio, one redraw per frame,
// redrawn on resize, on slide change and on theme change.

export function isDark() {
  const theme = document.documentElement.dataset.theme;
  if (theme === 'dark' || theme === 'light') return theme === 'dark';
  return window.matchMedia('(prefers-color-scheme: dark)').matches;
}

// `paint(canvas, scale, dark)` draws at the canvas's backing size; returns `request()`.
export function keepDrawn(canvas, paint, onError) {
  let pending = false;
  const frame = () => {
    pending = false;
    const layoutWidth = canvas.clientWidth;
    if (layoutWidth === 0) return; // hidden: drawn when it is shown
    const box = canvas.getBoundingClientRect();
    const onScreen = box.width > 0 ? box.width / layoutWidth : 1; // the deck may scale slides
    const scale = (window.devicePixelRatio || 1) * onScreen;
    const width = Math.round(layoutWidth * scale);
    const height = Math.round(canvas.clientHeight * scale);
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    try {
      paint(canvas, scale, isDark());
    } catch (error) {
      onError(error);
    }
  };
  const request = () => {
    if (!pending) {
      pending = true;
      requestAnimationFrame(frame);
    }
  };
  new ResizeObserver(request).observe(canvas);
  document.addEventListener('deck:slidechange', request);
  new MutationObserver(request).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', request);
  const watchPixelRatio = () => {
    window.matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`).addEventListener('change', () => {
      request();
      watchPixelRatio();
    }, { once: true });
  };
  watchPixelRatio();
  request();
  return request;
}
