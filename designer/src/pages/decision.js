// The decision table page: open a deployed decision (GET /api/decisions), edit its table with dmn-js, deploy the file
// as new versions through the same API as processes (POST /api/definitions), or open and download a .dmn file.
import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';
import '../shared/style.css';
import { api, el, saveFile, showStatus } from '../shared/api.js';
import { createDecisionEditor, decisionXml, openDecision } from '../decisions/editor.js';

const status = document.getElementById('status');
const problems = document.getElementById('problems');
const picker = document.getElementById('decisions');
const editor = createDecisionEditor(document.getElementById('table'));
// The browser tests and the analyst's console can reach the editor.
window.docbpmDecisionEditor = editor;
let fileName = 'bang-quyet-dinh.dmn';

// Edits not yet deployed or downloaded are lost when the page closes; the browser asks first.
let unsaved = false;
const watched = new WeakSet();
editor.on('views.changed', () => {
  const viewer = editor.getActiveViewer();
  if (viewer && !watched.has(viewer)) {
    watched.add(viewer);
    viewer.on('elements.changed', () => { unsaved = true; });
  }
});
window.addEventListener('beforeunload', event => {
  if (unsaved)
    event.preventDefault();
});

async function open(xml, decisionId, message) {
  let decision;
  try {
    decision = await openDecision(editor, xml, decisionId);
  } catch (error) {
    throw new Error(`Không mở được tệp DMN: ${error.message}`);
  }

  unsaved = false;
  problems.replaceChildren();
  fileName = `${decision.id}.dmn`;
  showStatus(status, message(decision));
}

async function loadDecisions(selectedId) {
  const decisions = await api('/api/decisions');
  picker.replaceChildren(new Option('(chọn bảng quyết định đã triển khai)', ''),
    ...decisions.map(d => new Option(`${d.name || d.key} — ${d.key} v${d.version}`, d.id)));
  if (selectedId)
    picker.value = selectedId;
  return decisions;
}

async function openDeployed(id, decisions) {
  const summary = decisions.find(d => d.id === id);
  if (!summary)
    throw new Error('Không tìm thấy bảng quyết định này; có thể nó đã bị xóa.');
  await open(await api(`/api/decisions/${id}/xml`), summary.key, decision =>
    `Đang sửa ${decision.name || decision.id} (phiên bản ${summary.version}). Triển khai sẽ tạo phiên bản mới; `
    + 'quy trình đang chạy dùng phiên bản mới nhất khi công việc quy tắc nghiệp vụ chạy, trừ khi đã cố định phiên bản.');
  history.replaceState(null, '', `?decision=${id}`);
}

async function run(action) {
  try {
    await action();
  } catch (error) {
    const listed = error.problem?.elements || error.problem?.errors;
    problems.replaceChildren(...(Array.isArray(listed) ? listed : []).map(p =>
      el('li', {}, p.line ? `Dòng ${p.line}: ` : '', p.elementId ? `${p.elementId}: ` : '', p.message || '')));
    showStatus(status, error.message, 'error');
  }
}

picker.addEventListener('change', () => picker.value && run(async () => openDeployed(picker.value, await api('/api/decisions'))));

document.getElementById('upload').addEventListener('change', event => run(async () => {
  const [file] = event.target.files;
  if (!file)
    return;
  picker.value = '';
  history.replaceState(null, '', location.pathname);
  await open(await file.text(), null, decision => `Đã mở tệp ${file.name}: ${decision.name || decision.id}. Bấm Triển khai để đưa vào sử dụng.`);
  event.target.value = '';
}));

document.getElementById('deploy').addEventListener('click', () => run(async () => {
  const result = await api('/api/definitions', { method: 'POST', xml: await decisionXml(editor) });
  unsaved = false;
  problems.replaceChildren();
  await loadDecisions();
  const shown = result.decisions.find(d => d.key === editor.getActiveView()?.element.id) ?? result.decisions[0];
  picker.value = shown?.id ?? '';
  if (shown)
    history.replaceState(null, '', `?decision=${shown.id}`);
  const changed = result.decisions.filter(d => d.isNew);
  showStatus(status, changed.length
    ? `Đã triển khai: ${changed.map(d => `${d.key} phiên bản ${d.version}`).join(', ')}.`
    : `Tệp không thay đổi: ${result.decisions.map(d => `${d.key} vẫn là phiên bản ${d.version}`).join(', ')}.`, 'ok');
}));

document.getElementById('download').addEventListener('click', () => run(async () => {
  saveFile(await decisionXml(editor), fileName);
  unsaved = false;
}));

await run(async () => {
  const requested = new URLSearchParams(location.search).get('decision');
  const decisions = await loadDecisions(requested);
  if (requested)
    await openDeployed(requested, decisions);
  else
    showStatus(status, decisions.length
      ? 'Chọn một bảng quyết định đã triển khai để sửa, hoặc mở một tệp .dmn.'
      : 'Chưa có bảng quyết định nào được triển khai: mở một tệp .dmn để sửa và triển khai.');
});
