// PDF.js fetches some files only when a PDF needs them, so they are not in its bundle: the fonts a PDF names without
// embedding them (the 14 standard fonts; without these files Helvetica falls back to whatever sans-serif the computer
// has, with other widths, and Symbol and ZapfDingbats are not drawn at all) and the character maps of composite fonts
// that use a predefined CMap (Chinese, Japanese and Korean documents). The build copies them from pdfjs-dist into a
// folder named after PDF.js's version (vite.config.js), so they are served from this site, compressed where it helps
// and cached for a year like the hashed assets: a new version gets a new folder.

/** The folders of pdfjs-dist that PDF.js may fetch from while drawing. */
export const RESOURCE_FOLDERS = ['standard_fonts', 'cmaps'];

/** Where the build puts them, relative to the site's base. */
export function resourceFolder(version) {
  return `assets/pdfjs-${version}/`;
}

/** The options of PDF.js's getDocument for a file at <url>, with the fonts and character maps this site serves. */
export function documentOptions(url, base, version) {
  const folder = `${base}${resourceFolder(version)}`;
  return {
    url,
    // No eval: the content security policy forbids it, and PDF.js would report the refusal as an error.
    isEvalSupported: false,
    withCredentials: true,
    standardFontDataUrl: `${folder}standard_fonts/`,
    cMapUrl: `${folder}cmaps/`,
    cMapPacked: true
  };
}
