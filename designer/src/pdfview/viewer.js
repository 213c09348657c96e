// Draws a PDF's pages on a canvas with PDF.js. Unlike the browser's own PDF viewer in a frame, nothing here takes the
// keyboard focus: the page keeps it where it put it, and the form beside the preview stays usable while the file loads.
import { GlobalWorkerOptions, getDocument, version } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { documentOptions } from './resources.js';
import { failureMessage, initialView, scaleFor, toolbar, turn, zoom } from './state.js';

GlobalWorkerOptions.workerSrc = workerUrl;

/** A change of width smaller than this (a scroll bar appearing) does not redraw the page. */
const REDRAW_WIDTH = 16;

export async function attach(preview) {
  const part = name => preview.querySelector(`[data-pdf=${name}]`);
  const canvas = part('canvas');
  const frame = part('frame');
  const name = preview.dataset.name;
  let view;
  let document;
  let width = 0;
  let drawing = Promise.resolve();

  const showMessage = text => {
    part('message').textContent = text;
    part('message').hidden = false;
    part('toolbar').hidden = true;
    frame.hidden = true;
  };

  const draw = () => {
    drawing = drawing.then(async () => {
      const page = await document.getPage(view.page);
      const natural = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: scaleFor(view, natural.width, width) });
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = `${Math.floor(viewport.width)}px`;
      canvas.style.height = `${Math.floor(viewport.height)}px`;
      await page.render({ canvas, viewport, transform: ratio === 1 ? null : [ratio, 0, 0, ratio, 0, 0] }).promise;
      const state = toolbar(view);
      part('page').textContent = state.page;
      part('zoom').textContent = state.zoom;
      canvas.setAttribute('aria-label', `${state.page} của ${name}`);
      // aria-disabled, not disabled: a disabled button drops the keyboard focus to the top of the page.
      part('previous').setAttribute('aria-disabled', state.atFirst);
      part('next').setAttribute('aria-disabled', state.atLast);
      part('zoom-out').setAttribute('aria-disabled', state.atSmallest);
      part('zoom-in').setAttribute('aria-disabled', state.atLargest);
      preview.dataset.rendered = view.page;
    }).catch(error => showMessage(failureMessage(name, error)));
  };

  const actions = {
    previous: () => turn(view, -1), next: () => turn(view, 1),
    'zoom-out': () => zoom(view, -1), 'zoom-in': () => zoom(view, 1)
  };
  part('toolbar').addEventListener('click', event => {
    const action = event.target.closest('button')?.dataset.pdf;
    if (!view || !actions[action] || event.target.closest('button').getAttribute('aria-disabled') === 'true')
      return;
    view = actions[action]();
    draw();
  });
  // The page area takes the keyboard (it scrolls when zoomed in); Page Up and Page Down turn the pages there.
  frame.addEventListener('keydown', event => {
    if (!view || (event.key !== 'PageDown' && event.key !== 'PageUp'))
      return;
    event.preventDefault();
    view = turn(view, event.key === 'PageDown' ? 1 : -1);
    draw();
  });
  new ResizeObserver(([entry]) => {
    const next = Math.floor(entry.contentRect.width);
    if (!view || next === 0 || Math.abs(next - width) < REDRAW_WIDTH)
      return;
    width = next;
    draw();
  }).observe(frame);

  frame.hidden = false;
  try {
    document = await getDocument(documentOptions(preview.dataset.src, import.meta.env.BASE_URL, version)).promise;
  } catch (error) {
    showMessage(failureMessage(name, error));
    return;
  }
  view = initialView(document.numPages);
  width = Math.floor(frame.clientWidth) || canvas.parentElement.clientWidth || 600;
  part('toolbar').hidden = false;
  draw();
}
