// The DOM in tests (happy-dom) has no SVG layout and lacks a few SVG and CSS APIs that bpmn-js calls while rendering.
// These stand-ins keep rendering going; the tests are about the model, not about geometry.
const box = { x: 0, y: 0, width: 0, height: 0 };
window.SVGElement.prototype.getBBox = () => box;
window.SVGElement.prototype.getComputedTextLength = () => 0;

const transforms = window.SVGTransformList?.prototype;
if (transforms && !transforms.consolidate) {
  transforms.consolidate = function consolidate() {
    if (this.numberOfItems === 0)
      return null;
    let matrix = this.getItem(0).matrix;
    for (let i = 1; i < this.numberOfItems; i++)
      matrix = matrix.multiply(this.getItem(i).matrix);
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    const single = svg.createSVGTransformFromMatrix(matrix);
    this.clear();
    this.appendItem(single);
    return single;
  };
}

window.CSS = window.CSS || {};
window.CSS.escape = window.CSS.escape || (value => String(value).replace(/[^a-zA-Z0-9_-]/g, ch => `\\${ch}`));
