import { describe, expect, it } from 'vitest';
import { deploySummary } from '../src/pages/deploy-confirmation.js';
import { problemMessage } from '../src/shared/api.js';

describe('deploy confirmation', () => {
  it('names the process, the version it creates and the instances that stay on the current one', () => {
    const { facts, note } = deploySummary({ key: 'outgoing', name: 'Văn bản đi', currentVersion: 3, nextVersion: 4,
      runningOnCurrent: 12, runningOnOlder: 2 });
    expect(Object.fromEntries(facts)).toEqual({
      'Mã quy trình': 'outgoing', 'Tên': 'Văn bản đi', 'Phiên bản sẽ tạo': '4', 'Phiên bản hiện tại': '3',
      'Hồ sơ đang chạy theo phiên bản hiện tại': '12', 'Hồ sơ đang chạy theo các phiên bản cũ hơn': '2'
    });
    expect(note).toContain('Hồ sơ mới sẽ chạy theo phiên bản 4');
  });

  it('says when nothing changes and when the process is new', () => {
    expect(deploySummary({ key: 'k', currentVersion: 2, nextVersion: null, runningOnCurrent: 0, runningOnOlder: 0 }).note)
      .toBe('Triển khai sẽ không tạo phiên bản mới.');
    const first = deploySummary({ key: 'k', currentVersion: null, nextVersion: 1, runningOnCurrent: 0, runningOnOlder: 0 });
    expect(first.note).toBe('Đây là phiên bản đầu tiên của quy trình này.');
    expect(first.facts.map(([label]) => label)).toEqual(['Mã quy trình', 'Phiên bản sẽ tạo']);
  });
});

describe('refusals in Vietnamese', () => {
  it('shows the detail of a problem, the field messages of a validation problem, never its English title', () => {
    expect(problemMessage(422, { title: 'Unprocessable', detail: 'Sơ đồ không hợp lệ.' })).toBe('Sơ đồ không hợp lệ.');
    expect(problemMessage(400, { title: 'One or more validation errors occurred.', errors: { page: ['Trang bắt đầu từ 1.'] } }))
      .toBe('Trang bắt đầu từ 1.');
    expect(problemMessage(403, { title: 'Forbidden' })).toBe('Tài khoản của bạn không có quyền thực hiện thao tác này.');
    expect(problemMessage(0, null)).toContain('Không kết nối được máy chủ');
    expect(problemMessage(502, null)).toContain('mã 502');
  });
});
