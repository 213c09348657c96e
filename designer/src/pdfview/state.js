// What the PDF preview shows and may do next, apart from PDF.js and the DOM, so that the rules are tested on their own.

/** Zoom steps relative to the page fitted to the viewer's width; 1 is the width of the column. */
export const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

export const FIT = ZOOMS.indexOf(1);

/** The view of a document of <pageCount> pages: page numbers from 1, zoom as an index into ZOOMS. */
export function initialView(pageCount) {
  return { page: 1, pageCount, zoom: FIT };
}

/** Moves by <delta> pages or zoom steps, staying inside the document and the zoom range. */
export function turn(view, delta) {
  return { ...view, page: Math.min(view.pageCount, Math.max(1, view.page + delta)) };
}

export function zoom(view, delta) {
  return { ...view, zoom: Math.min(ZOOMS.length - 1, Math.max(0, view.zoom + delta)) };
}

/** The toolbar's state: its texts, and which buttons lead nowhere at this page or zoom. */
export function toolbar(view) {
  return {
    page: `Trang ${view.page}/${view.pageCount}`,
    zoom: `${Math.round(ZOOMS[view.zoom] * 100)}%`,
    atFirst: view.page <= 1,
    atLast: view.page >= view.pageCount,
    atSmallest: view.zoom <= 0,
    atLargest: view.zoom >= ZOOMS.length - 1
  };
}

/** The scale PDF.js draws at: the page's natural width fitted to <width> CSS pixels, times the zoom. */
export function scaleFor(view, naturalWidth, width) {
  return (width / naturalWidth) * ZOOMS[view.zoom];
}

/**
 * What a person reads when the file cannot be drawn: PDF.js names its failures (a file that is not a PDF, a damaged
 * one, an answer other than 200); each gets its own Vietnamese reason, and every one ends with the download.
 */
export function failureMessage(name, error) {
  const reason = error?.name === 'InvalidPDFException' ? 'tệp không phải PDF hoặc đã bị hỏng'
    : error?.name === 'PasswordException' ? 'tệp được đặt mật khẩu'
      : error?.name === 'ResponseException' || error?.name === 'MissingPDFException'
        ? (error.status === 403 || error.status === 404 ? 'bạn không được xem tệp này hoặc tệp không còn' : 'máy chủ không trả tệp')
        : error?.name === 'TypeError' && /import|module/i.test(error.message) ? 'không tải được trình xem PDF của trang'
          : 'trình duyệt không đọc được tệp';
  return `Không hiển thị được ${name}: ${reason}. Hãy dùng liên kết tải về bên dưới để mở tệp.`;
}
