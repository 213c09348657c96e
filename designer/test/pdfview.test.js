import { describe, expect, it } from 'vitest';
import { FIT, ZOOMS, failureMessage, initialView, scaleFor, toolbar, turn, zoom } from '../src/pdfview/state.js';

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
  });
});
