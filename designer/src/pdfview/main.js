// Loaded by the document pages that show a PDF preview (Components/PdfPreview.razor). This file keeps a fixed name so that
// the Razor pages can name it; PDF.js (hashed, compressed, cached for a year) is fetched only when a preview is on the page.
import { failureMessage } from './state.js';

const previews = [...document.querySelectorAll('.pdf-view[data-src]')];
if (previews.length > 0) {
  try {
    const { attach } = await import('./viewer.js');
    // A preview folded away (the signed revision beside the current file) fetches its file when it is first opened.
    for (const preview of previews) {
      const folded = preview.closest('details:not([open])');
      if (folded)
        folded.addEventListener('toggle', () => attach(preview), { once: true });
      else
        attach(preview);
    }
  } catch (error) {
    for (const preview of previews) {
      const message = preview.querySelector('[data-pdf=message]');
      message.textContent = failureMessage(preview.dataset.name, error);
      message.hidden = false;
    }
  }
}
