// The instance list's filter form as a query of GET /api/instances. Dates are days in Vietnam time.

export const PAGE_SIZE = 25;

function vietnamMidnight(day) {
  return `${day}T00:00:00+07:00`;
}

function nextDay(day) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** form: { definitionKey, version, state, startedFrom, startedTo, businessKey } (strings, '' when unset). */
export function instanceQuery(form, page) {
  const query = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
  if (form.definitionKey)
    query.set('definitionKey', form.definitionKey);
  if (form.version)
    query.set('version', form.version);
  if (form.state === 'failed') {
    query.set('status', 'Running');
    query.set('hasIncidents', 'true');
  } else if (form.state) {
    query.set('status', form.state);
  }

  if (form.startedFrom)
    query.set('startedFrom', vietnamMidnight(form.startedFrom));
  if (form.startedTo)
    query.set('startedTo', vietnamMidnight(nextDay(form.startedTo)));
  if (form.businessKey?.trim())
    query.set('businessKey', form.businessKey.trim());
  return query;
}
