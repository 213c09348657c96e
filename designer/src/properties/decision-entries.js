// Entries bound to one attribute of the element itself (not of a docbpm: extension), such as camunda:decisionRef.

import { h } from '@bpmn-io/properties-panel/preact';
import { SelectEntry, TextFieldEntry } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { getBusinessObject } from 'bpmn-js/lib/util/ModelUtil';

/** camunda:decisionRefBinding: the engine reads latest (the default) and version. */
export const DECISION_BINDINGS = [
  { value: '', label: 'Mới nhất (latest)' },
  { value: 'version', label: 'Phiên bản cố định (version)' }
];

/** camunda:mapDecisionResult, resultList when unset. */
export const DECISION_MAPPINGS = [
  { value: '', label: 'Danh sách kết quả (resultList)' },
  { value: 'singleEntry', label: 'Một giá trị (singleEntry)' },
  { value: 'singleResult', label: 'Một quy tắc (singleResult)' },
  { value: 'collectEntries', label: 'Danh sách giá trị (collectEntries)' }
];

/** Writes an attribute, or removes it when emptied, in one undo step. */
function useAttribute(element, attribute) {
  const modeling = useService('modeling');
  return {
    getValue: () => getBusinessObject(element).get(attribute) || '',
    setValue: value => modeling.updateProperties(element, { [attribute]: value || undefined })
  };
}

export function ElementAttributeEntry(props) {
  const { element, id, attribute, label, description } = props;
  const debounce = useService('debounceInput');
  return h(TextFieldEntry, { element, id, label, description, debounce, ...useAttribute(element, attribute) });
}

export function ElementSelectEntry(props) {
  const { element, id, attribute, label, description, options } = props;
  return h(SelectEntry, { element, id, label, description, getOptions: () => options, ...useAttribute(element, attribute) });
}
