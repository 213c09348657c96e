import '../shared/style.css';
import { api, el, formatTime, showOpenableLinks, showStatus, statusNames } from '../shared/api.js';
import { peopleNames } from '../shared/people.js';
import { documentCell, instanceDocuments } from './instance-documents.js';
import { PAGE_SIZE, instanceQuery } from './instance-query.js';

const status = document.getElementById('status');
const filters = document.getElementById('filters');
let page = 1;

async function loadDefinitions() {
  const definitions = await api('/api/definitions');
  const person = await peopleNames(definitions.map(d => d.deployedBy));
  document.querySelector('#definitions tbody').replaceChildren(...definitions.map(d => el('tr', { dataset: { key: d.key, version: d.version } },
    el('td', {}, el('a', { href: `/designer?definition=${d.id}`, title: 'Mở trong trang thiết kế' }, d.key)),
    el('td', { className: 'number' }, showInstancesButton(d)), el('td', {}, d.name || ''),
    el('td', {}, formatTime(d.deployedAt)), el('td', {}, person(d.deployedBy)),
    el('td', { className: 'number' }, d.running), el('td', { className: 'number' }, d.completed),
    el('td', { className: 'number' }, d.failed))));
  const keys = [...new Set(definitions.map(d => d.key))];
  filters.definitionKey.append(...keys.map(key => new Option(key, key)));
}

/** The version number as a button that lists that version's instances. */
function showInstancesButton(definition) {
  const button = el('button', { type: 'button', title: 'Xem hồ sơ của phiên bản này' }, definition.version);
  button.addEventListener('click', () => {
    filters.definitionKey.value = definition.key;
    filters.version.value = definition.version;
    page = 1;
    run(loadInstances);
  });
  return button;
}

async function loadInstances() {
  const form = Object.fromEntries(new FormData(filters));
  const result = await api(`/api/instances?${instanceQuery(form, page)}`);
  const [documents, person] = await Promise.all([instanceDocuments(result.items.map(i => i.id)), peopleNames(result.items.map(i => i.startedBy))]);
  document.querySelector('#instances tbody').replaceChildren(...result.items.map(i => el('tr', { dataset: { id: i.id } },
    el('td', {}, el('a', { href: `/monitor/instances/${i.id}`, title: i.businessKey || i.id },
      documents.get(i.id)?.label || i.businessKey || `Hồ sơ ${i.id.slice(0, 8)}`)),
    el('td', {}, documentCell(documents.get(i.id))),
    el('td', {}, i.definitionKey), el('td', { className: 'number' }, i.definitionVersion),
    el('td', {}, statusNames[i.status] || i.status), el('td', {}, formatTime(i.startedAt)), el('td', {}, person(i.startedBy)),
    el('td', {}, formatTime(i.endedAt)), el('td', { className: 'number' }, i.openIncidents || ''))));
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  document.getElementById('page').textContent = `Trang ${result.pageNumber}/${pages} — ${result.total} hồ sơ`;
  document.getElementById('previous').disabled = page <= 1;
  document.getElementById('next').disabled = page >= pages;
}

async function run(action) {
  try {
    await action();
  } catch (error) {
    showStatus(status, error.message, 'error');
  }
}

filters.addEventListener('submit', event => {
  event.preventDefault();
  page = 1;
  run(loadInstances);
});
document.getElementById('previous').addEventListener('click', () => { page--; run(loadInstances); });
document.getElementById('next').addEventListener('click', () => { page++; run(loadInstances); });

await run(async () => {
  await showOpenableLinks();
  await loadDefinitions();
  await loadInstances();
});
