// The variable mappings of a call activity (docbpm:in / docbpm:out): one list per direction, each item a source
// expression and a target variable, and a checkbox per direction for passing every variable.

import { h } from '@bpmn-io/properties-panel/preact';
import { CheckboxEntry, ListGroup, TextFieldEntry, isCheckboxEntryEdited, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { getBusinessObject } from 'bpmn-js/lib/util/ModelUtil';
import {
  MULTI_COMMAND, addMappingCommands, allVariablesCommands, callMappings, mappingCommands, passesAllVariables, removeMappingCommands
} from './model.js';

/**
 * camunda:calledElementBinding, which the engine reads beside docbpm:call (unset reads as latest): latest, the pinned
 * version of the "Phiên bản" field, or the version that was latest when this process was deployed.
 */
export const CALL_BINDINGS = [
  { value: 'latest', label: 'Mới nhất khi gọi (latest)' },
  { value: 'version', label: 'Phiên bản cố định (version)' },
  { value: 'deployment', label: 'Mới nhất lúc triển khai quy trình này (deployment)' }
];

const DIRECTIONS = {
  in: {
    label: 'Biến truyền vào quy trình được gọi',
    all: 'Truyền mọi biến của quy trình gọi',
    source: 'Biểu thức JavaScript trên các biến của quy trình gọi; để trống: biến cùng tên.',
    target: 'Tên biến của quy trình được gọi.'
  },
  out: {
    label: 'Biến nhận về khi quy trình được gọi kết thúc',
    all: 'Nhận mọi biến của quy trình được gọi',
    source: 'Biểu thức JavaScript trên các biến của quy trình được gọi; để trống: biến cùng tên.',
    target: 'Tên biến của quy trình gọi.'
  }
};

function MappingEntry(props) {
  const { element, id, mapping, attribute, label, description } = props;
  const commandStack = useService('commandStack');
  const debounce = useService('debounceInput');
  return h(TextFieldEntry, {
    element, id, label, description, debounce,
    getValue: () => mapping.get(attribute) || '',
    setValue: value => commandStack.execute(MULTI_COMMAND, mappingCommands(element, mapping, attribute, value))
  });
}

function AllVariablesEntry(props) {
  const { element, id, kind } = props;
  const commandStack = useService('commandStack');
  const bpmnFactory = useService('bpmnFactory');
  return h(CheckboxEntry, {
    element, id, label: DIRECTIONS[kind].all,
    getValue: () => passesAllVariables(getBusinessObject(element), kind),
    setValue: on => commandStack.execute(MULTI_COMMAND, allVariablesCommands(element, kind, on, bpmnFactory))
  });
}

/** The "all variables" checkboxes, for the call activity's own group. */
export function allVariablesEntries(element) {
  return ['in', 'out'].map(kind => ({ id: `docbpm-${kind}-all`, element, kind, component: AllVariablesEntry, isEdited: isCheckboxEntryEdited }));
}

/** The list group of one direction's mappings; adding one starts with an empty target for the analyst to fill in. */
export function mappingGroup(element, kind, commandStack, bpmnFactory) {
  const text = DIRECTIONS[kind];
  const items = callMappings(getBusinessObject(element), kind).map((mapping, index) => {
    const id = `docbpm-${kind}-${index}`;
    return {
      id,
      label: `${mapping.source || mapping.target || '(mới)'} → ${mapping.target || '?'}`,
      entries: [
        { id: `${id}-source`, element, mapping, attribute: 'source', label: 'Nguồn', description: text.source,
          component: MappingEntry, isEdited: isTextFieldEntryEdited },
        { id: `${id}-target`, element, mapping, attribute: 'target', label: 'Biến đích *', description: text.target,
          component: MappingEntry, isEdited: isTextFieldEntryEdited }
      ],
      autoFocusEntry: `${id}-target`,
      remove: () => commandStack.execute(MULTI_COMMAND, removeMappingCommands(element, mapping))
    };
  });
  return {
    id: `docbpm-call-${kind}`, label: text.label, component: ListGroup, element, items, shouldSort: false,
    add: event => {
      event?.stopPropagation?.();
      commandStack.execute(MULTI_COMMAND, addMappingCommands(element, kind, {}, bpmnFactory));
    }
  };
}
