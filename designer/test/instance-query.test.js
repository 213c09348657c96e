import { describe, expect, it } from 'vitest';
import { instanceQuery } from '../src/pages/instance-query.js';

const empty = { definitionKey: '', version: '', state: '', startedFrom: '', startedTo: '', businessKey: '' };

describe('instance list filters', () => {
  it('an empty form asks only for the page', () => {
    expect(instanceQuery(empty, 2).toString()).toBe('page=2&pageSize=25');
  });

  it('start dates are whole days in Vietnam time, the end day included', () => {
    const query = instanceQuery({ ...empty, startedFrom: '2026-11-01', startedTo: '2026-11-30' }, 1);
    expect(query.get('startedFrom')).toBe('2026-11-01T00:00:00+07:00');
    expect(query.get('startedTo')).toBe('2026-12-01T00:00:00+07:00');
  });

  it('the "failed" state means running with an open incident', () => {
    const query = instanceQuery({ ...empty, state: 'failed', definitionKey: 'incoming', version: '3', businessKey: ' 15/SGDĐT ' }, 1);
    expect(Object.fromEntries(query)).toMatchObject({
      status: 'Running', hasIncidents: 'true', definitionKey: 'incoming', version: '3', businessKey: '15/SGDĐT'
    });
  });
});
