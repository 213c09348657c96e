// Loaded by the document pages that show a PDF preview (Components/PdfPreview.razor). This file keeps a fixed name so that
// the Razor pages can name it; PDF.js (hashed, compressed, cached for a year) is fetched only when a preview is on the page.
const previews = document.querySelectorAll('.pdf-view[data-src]');
if (previews.length > 0) {
  const { attach } = await import('./viewer.js');
  previews.forEach(attach);
}
