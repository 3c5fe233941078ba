// Keeps the lesson inside its Content-Security-Policy (style-src 'self': no inline style
// attributes). plotters measures text by giving a <span> a style attribute —
// span.setAttribute('style', …) in plotters 0.3.7's src/style/font/web.rs — which the policy
// blocks: the measurement comes out wrong and a violation is reported. The same declarations set
// through the CSSOM (element.style) are allowed, so setAttribute('style', …) is routed there.
// Every other attribute, and every element without inline style, is left alone.
const original = Element.prototype.setAttribute;
if (!original.viaCssom) {
  const setAttribute = function setAttribute(name, value) {
    if (typeof name === 'string' && name.toLowerCase() === 'style' && this.style instanceof CSSStyleDeclaration) {
      this.style.cssText = String(value);
      return undefined;
    }
    return original.call(this, name, value);
  };
  setAttribute.viaCssom = true;
  Element.prototype.setAttribute = setAttribute;
}
