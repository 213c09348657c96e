import { afterEach, describe, expect, it, vi } from 'vitest';
import { loginsIn, peopleNames } from '../src/shared/people.js';

afterEach(() => vi.unstubAllGlobals());

describe('people instead of login names in the monitor (issue 20)', () => {
  it('asks once for every login, candidate lists split, nothing empty or repeated', () => {
    expect(loginsIn(['giamdoc', null, '', 'chuyenvien, truongphong.khtc', 'giamdoc'])).toEqual(['giamdoc', 'chuyenvien', 'truongphong.khtc']);
  });

  it('shows the full name and position, and a login nobody holds as it is', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ giamdoc: 'Hoàng Văn Giám (Giám đốc)', chuyenvien: 'Trần Văn Viên (Chuyên viên)' }),
      { status: 200, headers: { 'Content-Type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);

    const person = await peopleNames(['giamdoc', 'chuyenvien,system']);

    expect(fetch).toHaveBeenCalledOnce();
    expect(fetch.mock.calls[0][0]).toBe('/api/monitor/people?login=giamdoc&login=chuyenvien&login=system');
    expect(person('giamdoc')).toBe('Hoàng Văn Giám (Giám đốc)');
    expect(person('chuyenvien,system')).toBe('Trần Văn Viên (Chuyên viên), system');
    expect(person(null)).toBe('');
  });

  it('a page without people asks nothing', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    expect((await peopleNames([null, '']))('')).toBe('');
    expect(fetch).not.toHaveBeenCalled();
  });
});
