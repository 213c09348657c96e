import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/assets/properties-panel.css';
import '../shared/style.css';
import Modeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from 'bpmn-js-properties-panel';
import { DocBpmPropertiesProviderModule, camundaModdle, docbpmModdle } from '../properties/index.js';
import { api, showOpenableLinks, showStatus } from '../shared/api.js';
import { confirmDeploy } from './deploy-confirmation.js';
import { clearProblems, showProblems } from './diagram-problems.js';
import { newDiagram } from './new-diagram.js';

const status = document.getElementById('status');
const problems = document.getElementById('problems');
const picker = document.getElementById('definitions');
let fileName = 'quy-trinh.bpmn';

const modeler = new Modeler({
  container: '#canvas',
  propertiesPanel: { parent: '#properties' },
  additionalModules: [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, DocBpmPropertiesProviderModule],
  moddleExtensions: { docbpm: docbpmModdle, camunda: camundaModdle },
  // diagram-js 15 binds the shortcuts to the canvas itself; its old keyboard.bindTo option only logs an error.
  keyboard: { bind: true },
  docbpm: { activityTypes: await api('/api/activity-types') }
});
// The browser tests and the analyst's console can reach the modeler.
window.docbpmModeler = modeler;

// Edits not yet deployed or downloaded are lost when the page closes; the browser asks first.
let unsaved = false;
modeler.on('commandStack.changed', () => { unsaved = true; });
window.addEventListener('beforeunload', event => {
  if (unsaved)
    event.preventDefault();
});

async function open(xml, name, message) {
  try {
    await modeler.importXML(xml);
  } catch (error) {
    console.warn(error);
    throw new Error('Không mở được sơ đồ: tệp BPMN không có phần hình vẽ (BPMN DI) hoặc không đọc được.');
  }

  modeler.get('canvas').zoom('fit-viewport');
  clearProblems(modeler, problems);
  unsaved = false;
  fileName = `${name}.bpmn`;
  showStatus(status, message);
}

async function loadDefinitions(selectedId) {
  const definitions = await api('/api/definitions');
  picker.replaceChildren(new Option('(chọn quy trình đã triển khai)', ''),
    ...definitions.map(d => new Option(`${d.name || d.key} — ${d.key} v${d.version}`, d.id)));
  if (selectedId)
    picker.value = selectedId;
  return definitions;
}

async function openDefinition(id) {
  const definition = await api(`/api/definitions/${id}`);
  const xml = await api(`/api/definitions/${id}/xml`);
  await open(xml, definition.key, `Đang sửa ${definition.name || definition.key} (phiên bản ${definition.version}). `
    + 'Triển khai sẽ tạo phiên bản mới; các hồ sơ đang chạy giữ phiên bản cũ.');
  history.replaceState(null, '', `?definition=${id}`);
}

async function currentXml() {
  return (await modeler.saveXML({ format: true })).xml;
}

async function run(action) {
  try {
    await action();
  } catch (error) {
    const elements = error.problem?.elements;
    if (elements)
      showProblems(modeler, problems, elements);
    showStatus(status, error.message, 'error');
  }
}

picker.addEventListener('change', () => picker.value && run(() => openDefinition(picker.value)));

document.getElementById('new').addEventListener('click', () => run(async () => {
  picker.value = '';
  history.replaceState(null, '', location.pathname);
  await open(newDiagram(), 'quy-trinh-moi', 'Sơ đồ mới: đặt mã và tên quy trình trong bảng thuộc tính (bấm vào nền sơ đồ).');
}));

document.getElementById('validate').addEventListener('click', () => run(async () => {
  const result = await api('/api/definitions/validate', { method: 'POST', xml: await currentXml() });
  showProblems(modeler, problems, result.errors);
  showStatus(status, result.valid ? 'Sơ đồ hợp lệ, có thể triển khai.' : `Sơ đồ có ${result.errors.length} lỗi.`,
    result.valid ? 'ok' : 'error');
}));

document.getElementById('deploy').addEventListener('click', () => run(async () => {
  const xml = await currentXml();
  const preview = await api('/api/definitions/deploy-preview', { method: 'POST', xml });
  if (!preview.valid) {
    showProblems(modeler, problems, preview.errors);
    showStatus(status, `Chưa triển khai được: sơ đồ có ${preview.errors.length} lỗi.`, 'error');
    return;
  }

  if (!await confirmDeploy(preview)) {
    showStatus(status, 'Đã hủy triển khai.');
    return;
  }

  const deployed = await api('/api/definitions', { method: 'POST', xml });
  unsaved = false;
  clearProblems(modeler, problems);
  await loadDefinitions(deployed.id);
  history.replaceState(null, '', `?definition=${deployed.id}`);
  showStatus(status, deployed.isNew
    ? `Đã triển khai ${deployed.key} phiên bản ${deployed.version}.`
    : `Sơ đồ không thay đổi: ${deployed.key} vẫn là phiên bản ${deployed.version}.`, 'ok');
}));

document.getElementById('download').addEventListener('click', () => run(async () => {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([await currentXml()], { type: 'application/xml' }));
  link.download = fileName;
  link.click();
  unsaved = false;
  URL.revokeObjectURL(link.href);
}));

await run(async () => {
  await showOpenableLinks();
  const requested = new URLSearchParams(location.search).get('definition');
  await loadDefinitions(requested);
  if (requested)
    await openDefinition(requested);
  else
    await open(newDiagram(), 'quy-trinh-moi', 'Chọn một quy trình đã triển khai để sửa, hoặc vẽ sơ đồ mới.');
});
