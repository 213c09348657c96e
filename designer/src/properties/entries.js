// The properties panel entries of the DocBpm extension. Labels are Vietnamese: analysts read them.

import { h } from '@bpmn-io/properties-panel/preact';
import { CheckboxEntry, SelectEntry, TextAreaEntry, TextFieldEntry } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { getBusinessObject } from 'bpmn-js/lib/util/ModelUtil';
import {
  MULTI_COMMAND, activityTypeCommands, extensionCommands, getExtension, groupActivityTypes, portCommands, portValue
} from './model.js';

/** A text field bound to one attribute of a docbpm: extension (target: the element's business object by default). */
export function ExtensionAttributeEntry(props) {
  const { element, id, type, attribute, label, description, multiline, target } = props;
  const commandStack = useService('commandStack');
  const bpmnFactory = useService('bpmnFactory');
  const debounce = useService('debounceInput');
  const owner = target || getBusinessObject(element);
  return h(multiline ? TextAreaEntry : TextFieldEntry, {
    element, id, label, description, debounce,
    getValue: () => getExtension(owner, type)?.get(attribute) || '',
    setValue: value => commandStack.execute(MULTI_COMMAND,
      extensionCommands(element, type, { [attribute]: value || undefined }, bpmnFactory, owner))
  });
}

export function ActivityTypeEntry(props) {
  const { element, id, activityTypes } = props;
  const commandStack = useService('commandStack');
  const bpmnFactory = useService('bpmnFactory');
  return h(SelectEntry, {
    element, id,
    label: 'Loại hoạt động',
    description: 'Hoạt động của DocBpm mà bước này thực hiện.',
    getValue: () => getExtension(getBusinessObject(element), 'docbpm:Activity')?.type || '',
    setValue: value => commandStack.execute(MULTI_COMMAND,
      activityTypeCommands(element, value, activityTypes.find(d => d.type === value), bpmnFactory)),
    getOptions: () => [{ value: '', label: '(chưa chọn)' }, ...groupActivityTypes(activityTypes)]
  });
}

/** An input (JavaScript expression) or output (variable name) of the selected activity type. */
export function PortEntry(props) {
  const { element, id, kind, port } = props;
  const commandStack = useService('commandStack');
  const bpmnFactory = useService('bpmnFactory');
  const debounce = useService('debounceInput');
  const valueProperty = kind === 'input' ? 'expression' : 'variable';
  const hint = kind === 'output'
    ? `Tên biến nhận kết quả (mặc định: ${port.name}).`
    : port.isExpression === false
      ? "Giá trị cố định, viết như một hằng JavaScript (ví dụ 'Accepted')."
      : 'Biểu thức JavaScript trên các biến của quy trình.';
  return h(kind === 'input' ? TextAreaEntry : TextFieldEntry, {
    element, id, debounce,
    label: `${port.displayName}${port.required ? ' *' : ''} (${port.name}: ${port.type})`,
    description: port.description ? `${port.description} ${hint}` : hint,
    rows: 1,
    autoResize: true,
    getValue: () => portValue(getBusinessObject(element), kind, port.name) || '',
    setValue: value => commandStack.execute(MULTI_COMMAND,
      portCommands(element, kind, port.name, valueProperty, value, bpmnFactory))
  });
}

/** The condition of a sequence flow: JavaScript that sees the variables and the source task's `outcome`. */
export function ConditionEntry(props) {
  const { element, id } = props;
  const modeling = useService('modeling');
  const bpmnFactory = useService('bpmnFactory');
  const debounce = useService('debounceInput');
  return h(TextAreaEntry, {
    element, id, debounce,
    label: 'Điều kiện',
    description: "Biểu thức JavaScript, ví dụ outcome === 'invalid' hoặc approved === true. Để trống: luôn đi theo luồng này.",
    getValue: () => getBusinessObject(element).conditionExpression?.body || '',
    setValue: value => modeling.updateProperties(element, {
      conditionExpression: value ? bpmnFactory.create('bpmn:FormalExpression', { body: value }) : undefined
    })
  });
}

export function BusinessCalendarEntry(props) {
  const { element, id, definition } = props;
  const modeling = useService('modeling');
  return h(CheckboxEntry, {
    element, id,
    label: 'Tính theo ngày giờ làm việc',
    description: 'Bỏ qua ngày nghỉ, ngày lễ và ngoài giờ làm việc.',
    getValue: () => definition.get('docbpm:calendar') === 'business',
    setValue: value => modeling.updateModdleProperties(element, definition,
      { 'docbpm:calendar': value ? 'business' : undefined })
  });
}

export function ScriptEntry(props) {
  const { element, id } = props;
  const modeling = useService('modeling');
  const debounce = useService('debounceInput');
  return h(TextAreaEntry, {
    element, id, debounce,
    label: 'Mã JavaScript',
    description: 'Các biến của quy trình là biến toàn cục; giá trị cuối cùng vào biến kết quả.',
    getValue: () => getBusinessObject(element).script || '',
    setValue: value => modeling.updateProperties(element, { scriptFormat: 'javascript', script: value })
  });
}

export function ResultVariableEntry(props) {
  const { element, id } = props;
  const modeling = useService('modeling');
  const debounce = useService('debounceInput');
  return h(TextFieldEntry, {
    element, id, debounce,
    label: 'Biến kết quả',
    getValue: () => getBusinessObject(element).get('docbpm:resultVariable') || '',
    setValue: value => modeling.updateProperties(element, { 'docbpm:resultVariable': value || undefined })
  });
}

/** The condition of a standard loop: JavaScript asked after each run (and before the first with "test before"). */
export function LoopConditionEntry(props) {
  const { element, id, loop } = props;
  const modeling = useService('modeling');
  const bpmnFactory = useService('bpmnFactory');
  const debounce = useService('debounceInput');
  return h(TextAreaEntry, {
    element, id, debounce,
    label: 'Điều kiện lặp',
    description: 'Biểu thức JavaScript; công việc chạy lại khi điều kiện đúng. loopCounter là số lần đã chạy (ví dụ !approved).',
    getValue: () => loop.loopCondition?.body || '',
    setValue: value => modeling.updateModdleProperties(element, loop, {
      loopCondition: value ? bpmnFactory.create('bpmn:FormalExpression', { body: value }) : undefined
    })
  });
}

export function LoopMaximumEntry(props) {
  const { element, id, loop } = props;
  const modeling = useService('modeling');
  const debounce = useService('debounceInput');
  return h(TextFieldEntry, {
    element, id, debounce,
    label: 'Số lần lặp tối đa',
    description: 'Số nguyên dương; để trống: không giới hạn (cần điều kiện lặp).',
    getValue: () => loop.loopMaximum?.toString() || '',
    validate: value => !value || /^[1-9][0-9]*$/.test(value) ? null : 'Nhập số nguyên dương.',
    setValue: value => modeling.updateModdleProperties(element, loop,
      { loopMaximum: /^[1-9][0-9]*$/.test(value || '') ? Number(value) : undefined })
  });
}

export function TestBeforeEntry(props) {
  const { element, id, loop } = props;
  const modeling = useService('modeling');
  return h(CheckboxEntry, {
    element, id,
    label: 'Kiểm tra điều kiện trước lần chạy đầu',
    description: 'Bật: có thể không chạy lần nào (while). Tắt: luôn chạy ít nhất một lần (do-while).',
    getValue: () => loop.testBefore === true,
    setValue: value => modeling.updateModdleProperties(element, loop, { testBefore: value || undefined })
  });
}
