// A real bpmn-js Modeler with the properties panel and the DocBpm provider, in jsdom, for the provider's tests.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Modeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from 'bpmn-js-properties-panel';
import { DocBpmPropertiesProviderModule, camundaModdle, docbpmModdle } from '../src/properties/index.js';

export const activityTypes = [
  { type: 'VerifySignature', category: 'Văn bản', displayName: 'Kiểm tra chữ ký số', inputs: [
    { name: 'documentId', displayName: 'Văn bản', type: 'uuid', isExpression: true, required: true },
    { name: 'strict', displayName: 'Kiểm tra chặt', type: 'boolean', isExpression: true, required: false }
  ], outputs: [{ name: 'legalStatus', displayName: 'Giá trị pháp lý', type: 'string' }], outcomes: ['done', 'invalid'] },
  { type: 'DispatchToBus', category: 'Văn bản', displayName: 'Gửi lên trục liên thông', inputs: [
    { name: 'documentId', displayName: 'Văn bản', type: 'uuid', isExpression: true, required: true }
  ], outputs: [], outcomes: ['done'] },
  { type: 'PublishMessage', category: 'Thông điệp', displayName: 'Gửi thông điệp', inputs: [], outputs: [], outcomes: ['done'] },
  { type: 'bpmn:UserTask', category: 'BPMN', displayName: 'Công việc của người dùng', inputs: [], outputs: [], outcomes: ['done'] }
];

export const sampleXml = readFileSync(resolve(import.meta.dirname, '../../workflows/sample-approval.bpmn'), 'utf8');

export async function openModeler(xml = sampleXml) {
  const container = document.createElement('div');
  const panel = document.createElement('div');
  document.body.append(container, panel);
  const modeler = new Modeler({
    container,
    propertiesPanel: { parent: panel },
    additionalModules: [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, DocBpmPropertiesProviderModule],
    moddleExtensions: { docbpm: docbpmModdle, camunda: camundaModdle },
    docbpm: { activityTypes }
  });
  await modeler.importXML(xml);
  return modeler;
}

/** The groups the whole properties panel shows for an element, as the providers build them. */
export function panelGroups(modeler, elementId) {
  const element = modeler.get('elementRegistry').get(elementId);
  const providers = modeler.get('propertiesPanel')._getProviders();
  return providers.reduce((all, provider) => provider.getGroups(element)(all), []);
}

/** The groups the whole properties panel shows for an element, by id, with their entry ids (a list group's item ids). */
export function groupsOf(modeler, elementId) {
  return Object.fromEntries(panelGroups(modeler, elementId).map(g => [g.id, (g.entries || g.items).map(e => e.id)]));
}
