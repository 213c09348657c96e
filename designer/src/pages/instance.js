import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import '../shared/style.css';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { api, el, eventNames, formatTime, showStatus, statusNames, stepNames } from '../shared/api.js';
import { documentCell, instanceDocuments } from './instance-documents.js';
import { peopleNames } from '../shared/people.js';
import { docbpmModdle } from '../properties/index.js';

const id = location.pathname.split('/').pop();
const status = document.getElementById('status');
const viewer = new NavigatedViewer({ container: '#diagram', moddleExtensions: { docbpm: docbpmModdle } });
window.docbpmViewer = viewer;
let shownDefinition;
/** Step ids as their BPMN names ("Ký số", not "PersonalSignature"); loaded with the instance's version. */
let step = id => id;
let namesOf;

function instanceLink(instanceId, text) {
  return el('a', { href: `/monitor/instances/${instanceId}` }, text, ' ');
}

function rows(selector, items, row) {
  document.querySelector(`${selector} tbody`).replaceChildren(...items.map(row));
}

async function showDiagram(detail) {
  if (shownDefinition !== detail.definitionId) {
    shownDefinition = detail.definitionId;
    try {
      await viewer.importXML(await api(`/api/definitions/${detail.definitionId}/xml`));
      viewer.get('canvas').zoom('fit-viewport');
      document.getElementById('diagram-note').textContent = '';
    } catch {
      // A file written by hand may have no diagram interchange (positions); the rest of the page still matters.
      document.getElementById('diagram-note').textContent =
        'Tệp BPMN của phiên bản này không có phần hình vẽ (BPMN DI) nên không hiển thị được sơ đồ; các bước đang ở được liệt kê ở trên.';
      return;
    }
  }

  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  for (const element of registry.getAll())
    ['docbpm-active', 'docbpm-done', 'docbpm-incident'].forEach(marker => canvas.removeMarker(element, marker));
  const mark = (elementId, marker) => registry.get(elementId) && canvas.addMarker(elementId, marker);
  detail.pathTaken.forEach(e => mark(e, 'docbpm-done'));
  detail.activeElements.forEach(e => mark(e, 'docbpm-active'));
  detail.incidents.filter(i => !i.resolvedAt).forEach(i => mark(i.elementId, 'docbpm-incident'));
}

async function showVersions(instance) {
  const versions = (await api(`/api/definitions?key=${encodeURIComponent(instance.definitionKey)}`))
    .filter(d => d.version > instance.definitionVersion);
  const picker = document.getElementById('target-version');
  picker.replaceChildren(...versions.map(d => new Option(`phiên bản ${d.version}`, d.version)));
  const running = instance.status === 'Running';
  picker.disabled = document.getElementById('migrate').disabled = !running || versions.length === 0;
  document.getElementById('cancel').disabled = !running;
}

async function load() {
  const detail = await api(`/api/instances/${id}`);
  const instance = detail.instance;
  if (namesOf !== detail.definitionId) {
    step = await stepNames(detail.definitionId);
    namesOf = detail.definitionId;
  }
  const business = (await instanceDocuments([instance.id])).get(instance.id);
  const person = await peopleNames([instance.startedBy, ...detail.incidents.map(i => i.resolvedBy),
    ...detail.bookmarks.flatMap(b => [b.assignee, b.candidateUsers]), ...detail.journal.map(j => j.actor)]);
  document.getElementById('title').textContent = business
    ? `Hồ sơ ${business.kind.toLowerCase()} ${business.label}`
    : `Hồ sơ ${instance.businessKey || instance.id}`;
  const summary = [['Quy trình', `${instance.definitionKey} — phiên bản ${instance.definitionVersion}`],
    ['Trạng thái', statusNames[instance.status] + (instance.openIncidents ? ` — ${instance.openIncidents} sự cố` : '')],
    ['Bắt đầu', `${formatTime(instance.startedAt)} ${instance.startedBy ? `bởi ${person(instance.startedBy)}` : ''}`],
    ['Kết thúc', formatTime(instance.endedAt)], ['Đang ở bước', detail.activeElements.map(step).join(', ')]];
  if (business)
    summary.unshift(['Văn bản', documentCell(business)]);
  // A called instance links to its caller, a caller to the instances its call activities started.
  if (instance.parentInstanceId)
    summary.push(['Quy trình gọi', instanceLink(instance.parentInstanceId, instance.parentInstanceId)]);
  if (detail.children.length)
    summary.push(['Quy trình được gọi', detail.children.map(c => instanceLink(c.id, `${c.definitionKey} (${statusNames[c.status]})`))]);
  rows('#summary', summary, ([name, value]) => el('tr', {}, el('th', {}, name), el('td', {}, value)));

  rows('#incidents', detail.incidents, incident => el('tr', { dataset: { elementId: incident.elementId } },
    el('td', {}, step(incident.elementId)), el('td', {}, incident.error), el('td', {}, formatTime(incident.createdAt)),
    el('td', {}, incident.resolvedAt ? `${eventNames[incident.resolution] || incident.resolution} (${person(incident.resolvedBy)}, ${formatTime(incident.resolvedAt)})` : 'Chưa xử lý'),
    el('td', {}, incident.resolvedAt ? '' : retryButton(incident))));
  const bookmarks = detail.bookmarks;
  rows('#tasks', bookmarks.filter(b => b.kind === 'UserTask'), task => el('tr', { dataset: { elementId: task.elementId } },
    el('td', {}, step(task.elementId)), el('td', {}, task.taskName || ''), el('td', {}, person(task.assignee)),
    el('td', {}, [person(task.candidateUsers), task.candidateGroups].filter(Boolean).join('; ')), el('td', {}, formatTime(task.taskDueDate))));
  rows('#subscriptions', bookmarks.filter(b => b.kind === 'Message' || b.kind === 'Signal'), wait => el('tr', { dataset: { elementId: wait.elementId } },
    el('td', {}, step(wait.elementId)), el('td', {}, wait.kind === 'Signal' ? 'Tín hiệu' : 'Thông điệp'), el('td', {}, wait.messageName || ''),
    el('td', {}, wait.correlationKey || '')));
  rows('#timers', bookmarks.filter(b => b.kind === 'Timer'), timer => el('tr', { dataset: { elementId: timer.elementId } },
    el('td', {}, step(timer.elementId)), el('td', {}, formatTime(timer.dueAt)), el('td', { className: 'number' }, timer.attempts || '')));
  document.getElementById('variables').textContent = JSON.stringify(detail.variables, null, 2);
  rows('#journal', detail.journal, entry => el('tr', {}, el('td', {}, formatTime(entry.at)), el('td', {}, step(entry.elementId)),
    el('td', {}, eventNames[entry.event] || entry.event), el('td', {}, person(entry.actor)), el('td', {}, entry.outcome || ''), el('td', {}, entry.detail || '')));

  await showDiagram(detail);
  await showVersions(instance);
}

function retryButton(incident) {
  const button = el('button', { className: 'primary' }, 'Thử lại');
  button.addEventListener('click', () => run(async () => {
    await api(`/api/incidents/${incident.id}/retry`, { method: 'POST' });
    await load();
    showStatus(status, `Đã cho chạy lại bước ${step(incident.elementId)}.`, 'ok');
  }));
  return button;
}

async function run(action) {
  try {
    await action();
  } catch (error) {
    showStatus(status, error.message, 'error');
  }
}

document.getElementById('cancel').addEventListener('click', () => {
  const reason = window.prompt('Lý do hủy hồ sơ:');
  if (reason === null)
    return;
  run(async () => {
    await api(`/api/instances/${id}/cancel`, { method: 'POST', json: { reason } });
    await load();
    showStatus(status, 'Đã hủy hồ sơ.', 'ok');
  });
});

document.getElementById('migrate').addEventListener('click', () => run(async () => {
  const targetVersion = Number(document.getElementById('target-version').value);
  await api(`/api/instances/${id}/migrate`, { method: 'POST', json: { targetVersion } });
  await load();
  showStatus(status, `Hồ sơ đã chuyển sang phiên bản ${targetVersion}.`, 'ok');
}));

await run(load);
