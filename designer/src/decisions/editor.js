// The decision table editor: dmn-js with Vietnamese labels, opened on one decision of a deployed DMN file, saved back
// as the whole file (a file is the unit the deployment API versions).

import DmnModeler from 'dmn-js/lib/Modeler';
import translate from './translate.js';

const vietnamese = { translate: ['value', translate] };

// dmn-js gives each view only its own additionalModules (not the "common" ones).
export function createDecisionEditor(container) {
  return new DmnModeler({ container, decisionTable: { additionalModules: [vietnamese] }, drd: { additionalModules: [vietnamese] } });
}

/**
 * Imports a DMN file and shows the decision table of <paramref name="decisionId"/> (or the first table). A file whose
 * decision is not a table cannot be edited here: the engine evaluates decision tables only.
 */
export async function openDecision(editor, xml, decisionId) {
  await editor.importXML(xml);
  const tables = editor.getViews().filter(view => view.type === 'decisionTable');
  const view = tables.find(v => v.element.id === decisionId) ?? tables[0];
  if (!view)
    throw new Error('Tệp DMN không có bảng quyết định nào để sửa.');
  await editor.open(view);
  return view.element;
}

export async function decisionXml(editor) {
  return (await editor.saveXML({ format: true })).xml;
}
