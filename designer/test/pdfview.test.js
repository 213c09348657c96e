import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIT, ZOOMS, failureMessage, initialView, scaleFor, toolbar, turn, zoom } from '../src/pdfview/state.js';
import { documentOptions } from '../src/pdfview/resources.js';
import { pdfjsResources, pdfjsVersion } from '../vite/pdfjs-resources.js';

describe('PDF preview beside the assignment form (issue 20)', () => {
  it('opens on page 1 fitted to the column, and turns pages only inside the document', () => {
    let view = initialView(3);
    expect(toolbar(view)).toMatchObject({ page: 'Trang 1/3', zoom: '100%', atFirst: true, atLast: false });
    view = turn(turn(turn(view, 1), 1), 1);
    expect(toolbar(view)).toMatchObject({ page: 'Trang 3/3', atFirst: false, atLast: true });
    expect(turn(initialView(3), -1).page).toBe(1);
  });

  it('zooms in steps between the smallest and the largest, relative to the column width', () => {
    let view = initialView(1);
    expect(scaleFor(view, 600, 450)).toBeCloseTo(0.75);
    view = zoom(view, 1);
    expect(toolbar(view).zoom).toBe('125%');
    expect(scaleFor(view, 600, 480)).toBeCloseTo(1);
    for (let i = 0; i < ZOOMS.length; i++)
      view = zoom(view, 1);
    expect(toolbar(view)).toMatchObject({ zoom: '300%', atLargest: true, atSmallest: false });
    for (let i = 0; i < ZOOMS.length; i++)
      view = zoom(view, -1);
    expect(toolbar(view)).toMatchObject({ zoom: '50%', atSmallest: true });
    expect(ZOOMS[FIT]).toBe(1);
  });

  it('says in Vietnamese why a file cannot be shown, and points to the download', () => {
    expect(failureMessage('a.pdf', { name: 'InvalidPDFException' })).toBe(
      'Không hiển thị được a.pdf: tệp không phải PDF hoặc đã bị hỏng. Hãy dùng liên kết tải về bên dưới để mở tệp.');
    expect(failureMessage('a.pdf', { name: 'ResponseException', status: 404 })).toContain('bạn không được xem tệp này hoặc tệp không còn');
    expect(failureMessage('a.pdf', { name: 'ResponseException', status: 500 })).toContain('máy chủ không trả tệp');
    expect(failureMessage('a.pdf', { name: 'PasswordException' })).toContain('đặt mật khẩu');
    expect(failureMessage('a.pdf', new Error('x'))).toContain('trình duyệt không đọc được tệp');
    expect(failureMessage('a.pdf', new TypeError('Failed to fetch dynamically imported module: /designer/assets/viewer-x.js')))
      .toBe('Không hiển thị được a.pdf: không tải được trình xem PDF của trang. Hãy dùng liên kết tải về bên dưới để mở tệp.');
  });
});

describe('PDF.js fonts and character maps from this site (issue 20)', () => {
  it('gives PDF.js the standard fonts and character maps in the folder the build writes them to', () => {
    const options = documentOptions('/api/incoming/1/files/2', '/designer/', pdfjsVersion);
    expect(options).toMatchObject({
      url: '/api/incoming/1/files/2',
      isEvalSupported: false,
      standardFontDataUrl: `/designer/assets/pdfjs-${pdfjsVersion}/standard_fonts/`,
      cMapUrl: `/designer/assets/pdfjs-${pdfjsVersion}/cmaps/`,
      cMapPacked: true
    });
    expect(options.useSystemFonts, 'a font on the computer still comes first, the shipped one is its fallback').toBeUndefined();
  });

  it('writes every standard font and character map of pdfjs-dist into that folder, under /designer/assets', () => {
    const emitted = [];
    const plugin = pdfjsResources();
    plugin.generateBundle.call({ emitFile: file => emitted.push(file) });
    const names = emitted.map(file => file.fileName);
    const folder = `assets/pdfjs-${pdfjsVersion}/`;
    // Helvetica falls back to Liberation Sans, ZapfDingbats and Symbol are always fetched, Japanese maps for CJK files.
    expect(names).toEqual(expect.arrayContaining([`${folder}standard_fonts/LiberationSans-Regular.ttf`,
      `${folder}standard_fonts/FoxitDingbats.pfb`, `${folder}standard_fonts/FoxitSymbol.pfb`, `${folder}cmaps/UniJIS-UCS2-H.bcmap`]));
    const shipped = ['standard_fonts', 'cmaps'].flatMap(folder => readdirSync(`node_modules/pdfjs-dist/${folder}`));
    expect(names.length).toBe(shipped.length);
    expect(emitted.every(file => file.type === 'asset' && file.source.length > 0)).toBe(true);
  });
});
