// The people behind the login names the engine records (GET /api/monitor/people): the monitor shows
// "Hoàng Văn Giám (Giám đốc)", not "giamdoc". A login nobody holds (a system step, a deleted account) stays as it is.
import { api } from './api.js';

/** Every login in <values>: single names, and comma-separated lists such as a task's candidate users. */
export function loginsIn(values) {
  return [...new Set(values.filter(Boolean).flatMap(v => String(v).split(',')).map(v => v.trim()).filter(Boolean))];
}

/** Asks once for all the logins a page shows; answers a function from a login (or a list of them) to what to show. */
export async function peopleNames(values) {
  const logins = loginsIn(values);
  const names = logins.length === 0 ? {} : await api(`/api/monitor/people?${new URLSearchParams(logins.map(l => ['login', l]))}`);
  return value => value ? String(value).split(',').map(v => v.trim()).filter(Boolean).map(l => names[l] || l).join(', ') : '';
}
