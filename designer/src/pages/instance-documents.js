// The document behind each process instance (GET /api/monitor/instance-documents), so that the monitor names an
// instance by its document's number and summary, with a link to the document's page, instead of a GUID.
import { api, el } from '../shared/api.js';

/** A map from instance id to { kind, label, summary, link }; instances of processes without a document are absent. */
export async function instanceDocuments(ids) {
  if (ids.length === 0)
    return new Map();
  const query = new URLSearchParams(ids.map(id => ['id', id]));
  const documents = await api(`/api/monitor/instance-documents?${query}`);
  return new Map(documents.map(d => [d.instanceId, d]));
}

/** The document's number and kind as a link to its page, its summary beneath; empty for an instance without one. */
export function documentCell(business) {
  if (!business)
    return '';
  return [el('a', { href: business.link }, `${business.kind} ${business.label}`), el('span', { className: 'summary' }, business.summary)];
}
