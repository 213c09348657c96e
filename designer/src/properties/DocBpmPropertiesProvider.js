// Adds the DocBpm groups to the bpmn-js properties panel: activity type and its inputs/outputs, user-task assignment,
// sequence-flow conditions, business-calendar timers, message correlation, multi-instance collection, scripts, the
// decision of a business-rule task and the called process with its variable mappings.

import { is, getBusinessObject } from 'bpmn-js/lib/util/ModelUtil';
import {
  isCheckboxEntryEdited, isSelectEntryEdited, isTextAreaEntryEdited, isTextFieldEntryEdited
} from '@bpmn-io/properties-panel';
import {
  ActivityTypeEntry, BusinessCalendarEntry, ConditionEntry, ExtensionAttributeEntry, LoopConditionEntry, LoopMaximumEntry,
  PortEntry, ResultVariableEntry, ScriptEntry, TestBeforeEntry
} from './entries.js';
import { DECISION_BINDINGS, DECISION_MAPPINGS, ElementAttributeEntry, ElementSelectEntry } from './decision-entries.js';
import { CALL_BINDINGS, allVariablesEntries, mappingGroup } from './call-entries.js';
import { getExtension } from './model.js';

const LOW_PRIORITY = 400;

const ASSIGNMENT_FIELDS = [
  ['assignee', 'Người thực hiện', "Tên đăng nhập, hoặc biểu thức bắt đầu bằng '=' (=document.mainHandler)."],
  ['candidateUsers', 'Người có thể nhận', 'Tên đăng nhập, cách nhau bởi dấu phẩy, hoặc biểu thức cho một mảng.'],
  ['candidateGroups', 'Nhóm có thể nhận', 'Vai trò hoặc mã đơn vị (VanThu, TCCB), cách nhau bởi dấu phẩy.'],
  ['dueDate', 'Hạn xử lý', 'Ngày giờ ISO-8601 hoặc biểu thức (=deadline).'],
  ['priority', 'Độ ưu tiên', 'Số; lớn hơn là khẩn hơn (=urgency).'],
  ['formKey', 'Biểu mẫu', 'Khóa biểu mẫu hiển thị cho người xử lý.']
];

export default class DocBpmPropertiesProvider {
  constructor(propertiesPanel, config, commandStack, bpmnFactory) {
    this._activityTypes = config?.docbpm?.activityTypes || [];
    this._commandStack = commandStack;
    this._bpmnFactory = bpmnFactory;
    propertiesPanel.registerProvider(LOW_PRIORITY, this);
  }

  getGroups(element) {
    return groups => {
      const ours = [
        this._activityGroup(element),
        assignmentGroup(element),
        conditionGroup(element),
        subscriptionGroup(element),
        loopGroup(element),
        timerGroup(element),
        scriptGroup(element),
        decisionGroup(element),
        ...this._callGroups(element)
      ].filter(Boolean);
      const general = groups.findIndex(g => g.id === 'general');
      groups.splice(general + 1, 0, ...ours);
      return groups;
    };
  }

  _activityGroup(element) {
    if (!is(element, 'bpmn:ServiceTask') && !is(element, 'bpmn:SendTask'))
      return null;
    const type = getExtension(getBusinessObject(element), 'docbpm:Activity')?.type;
    const descriptor = this._activityTypes.find(d => d.type === type);
    const entries = [{ id: 'docbpm-activity-type', element, component: ActivityTypeEntry, isEdited: isSelectEntryEdited,
      activityTypes: this._activityTypes }];
    for (const port of descriptor?.inputs || [])
      entries.push({ id: `docbpm-input-${port.name}`, element, component: PortEntry, kind: 'input', port,
        isEdited: isTextAreaEntryEdited });
    for (const port of descriptor?.outputs || [])
      entries.push({ id: `docbpm-output-${port.name}`, element, component: PortEntry, kind: 'output', port,
        isEdited: isTextFieldEntryEdited });
    return { id: 'docbpm-activity', label: descriptor ? `Hoạt động: ${descriptor.displayName}` : 'Hoạt động', entries };
  }

  _callGroups(element) {
    if (!is(element, 'bpmn:CallActivity'))
      return [];
    return [callGroup(element), mappingGroup(element, 'in', this._commandStack, this._bpmnFactory),
      mappingGroup(element, 'out', this._commandStack, this._bpmnFactory)];
  }
}

DocBpmPropertiesProvider.$inject = ['propertiesPanel', 'config', 'commandStack', 'bpmnFactory'];

function attributeEntry(element, type, attribute, label, description, target) {
  return { id: `docbpm-${attribute}`, element, component: ExtensionAttributeEntry, isEdited: isTextFieldEntryEdited,
    type, attribute, label, description, target };
}

function assignmentGroup(element) {
  if (!is(element, 'bpmn:UserTask'))
    return null;
  return {
    id: 'docbpm-assignment',
    label: 'Giao việc',
    entries: ASSIGNMENT_FIELDS.map(([attribute, label, description]) =>
      attributeEntry(element, 'docbpm:Assignment', attribute, label, description))
  };
}

/** Conditions matter on flows leaving exclusive and inclusive gateways and tasks (conditional flows). */
function conditionGroup(element) {
  if (!is(element, 'bpmn:SequenceFlow'))
    return null;
  const source = getBusinessObject(element).sourceRef;
  if (is(source, 'bpmn:ParallelGateway') || is(source, 'bpmn:EventBasedGateway') || is(source, 'bpmn:Event'))
    return null;
  return { id: 'docbpm-condition', label: 'Điều kiện rẽ nhánh',
    entries: [{ id: 'docbpm-condition-expression', element, component: ConditionEntry, isEdited: isTextAreaEntryEdited }] };
}

/**
 * The correlation key of a message event: what a waiting catch event or receive task expects, or what a message throw
 * or end event sends along (the engine publishes it through the outbox).
 */
function subscriptionGroup(element) {
  const bo = getBusinessObject(element);
  const hasMessage = (bo.eventDefinitions || []).some(d => is(d, 'bpmn:MessageEventDefinition'));
  const waitsForMessage = is(element, 'bpmn:ReceiveTask') || (is(element, 'bpmn:CatchEvent') && !is(element, 'bpmn:StartEvent') && hasMessage);
  if (is(element, 'bpmn:ThrowEvent') && hasMessage)
    return { id: 'docbpm-subscription', label: 'Gửi thông điệp', entries: [attributeEntry(element, 'docbpm:Subscription',
      'correlationKey', 'Khóa tương quan', 'Giá trị hoặc biểu thức (=documentId) mà thông điệp gửi đi mang theo; quy trình chờ với đúng khóa này sẽ nhận.')] };
  if (!waitsForMessage)
    return null;
  return { id: 'docbpm-subscription', label: 'Nhận thông điệp', entries: [attributeEntry(element, 'docbpm:Subscription',
    'correlationKey', 'Khóa tương quan', 'Giá trị hoặc biểu thức (=documentId) tính khi bắt đầu chờ; thông điệp phải mang đúng khóa này.')] };
}

/**
 * Multi-instance (parallel or sequential, chosen with the marker in the replace menu): the collection and element
 * variable; its completion condition is in the standard multi-instance group. A standard loop: condition, maximum and
 * when the condition is tested.
 */
function loopGroup(element) {
  const loop = getBusinessObject(element).loopCharacteristics;
  if (is(loop, 'bpmn:StandardLoopCharacteristics'))
    return { id: 'docbpm-standard-loop', label: 'Vòng lặp', entries: [
      { id: 'docbpm-loop-condition', element, loop, component: LoopConditionEntry, isEdited: isTextAreaEntryEdited },
      { id: 'docbpm-loop-maximum', element, loop, component: LoopMaximumEntry, isEdited: isTextFieldEntryEdited },
      { id: 'docbpm-loop-test-before', element, loop, component: TestBeforeEntry, isEdited: isCheckboxEntryEdited }
    ] };
  if (!is(loop, 'bpmn:MultiInstanceLoopCharacteristics'))
    return null;
  return { id: 'docbpm-loop', label: loop.isSequential ? 'Nhiều phiên bản (lần lượt)' : 'Nhiều phiên bản (song song)', entries: [
    attributeEntry(element, 'docbpm:Loop', 'collection', 'Danh sách', 'Biểu thức cho một mảng (=units): một phiên bản cho mỗi phần tử.', loop),
    attributeEntry(element, 'docbpm:Loop', 'elementVariable', 'Biến phần tử', 'Tên biến nhận phần tử của mỗi phiên bản.', loop)
  ] };
}

function timerGroup(element) {
  const definition = (getBusinessObject(element).eventDefinitions || []).find(d => is(d, 'bpmn:TimerEventDefinition'));
  if (!definition)
    return null;
  return { id: 'docbpm-timer', label: 'Lịch hẹn giờ', entries: [
    { id: 'docbpm-business-calendar', element, definition, component: BusinessCalendarEntry, isEdited: isCheckboxEntryEdited }
  ] };
}

function scriptGroup(element) {
  if (!is(element, 'bpmn:ScriptTask'))
    return null;
  return { id: 'docbpm-script', label: 'Tập lệnh', entries: [
    { id: 'docbpm-script-body', element, component: ScriptEntry, isEdited: isTextAreaEntryEdited },
    { id: 'docbpm-result-variable', element, component: ResultVariableEntry, isEdited: isTextFieldEntryEdited }
  ] };
}

/**
 * The decision a business-rule task evaluates, in Camunda's attributes: its id, latest or a pinned version, the result
 * variable and how the result is shaped. The version is offered only when the binding is "version".
 */
function decisionGroup(element) {
  if (!is(element, 'bpmn:BusinessRuleTask'))
    return null;
  const bo = getBusinessObject(element);
  const text = (attribute, label, description) => ({ id: `camunda-${attribute}`, element, component: ElementAttributeEntry,
    isEdited: isTextFieldEntryEdited, attribute: `camunda:${attribute}`, label, description });
  const select = (attribute, label, description, options) => ({ id: `camunda-${attribute}`, element,
    component: ElementSelectEntry, isEdited: isSelectEntryEdited, attribute: `camunda:${attribute}`, label, description, options });
  const entries = [
    text('decisionRef', 'Mã bảng quyết định *', 'Mã (id) của quyết định trong tệp DMN đã triển khai.'),
    select('decisionRefBinding', 'Phiên bản dùng', 'Mới nhất khi công việc chạy, hoặc một phiên bản cố định.', DECISION_BINDINGS)
  ];
  if (bo.get('camunda:decisionRefBinding') === 'version')
    entries.push(text('decisionRefVersion', 'Số phiên bản *', 'Số nguyên dương: phiên bản đã triển khai của bảng quyết định.'));
  entries.push(
    text('resultVariable', 'Biến kết quả', 'Tên biến nhận kết quả của bảng quyết định.'),
    select('mapDecisionResult', 'Dạng kết quả', 'Cách đưa các quy tắc khớp vào biến kết quả.', DECISION_MAPPINGS));
  return { id: 'docbpm-decision', label: 'Bảng quyết định (DMN)', entries };
}

/**
 * The process a call activity starts: its key (calledElement), which version (Camunda's binding attribute, which the
 * engine reads), a pinned version and the child's business key (docbpm:call), and whether every variable goes in or
 * comes out; single mappings are the two list groups after it.
 */
function callGroup(element) {
  return { id: 'docbpm-call', label: 'Gọi quy trình', entries: [
    { id: 'docbpm-calledElement', element, component: ElementAttributeEntry, isEdited: isTextFieldEntryEdited,
      attribute: 'calledElement', label: 'Quy trình được gọi *',
      description: "Mã (key) của quy trình đã triển khai, hoặc biểu thức bắt đầu bằng '=' (=kind + '-review')." },
    { id: 'camunda-calledElementBinding', element, component: ElementSelectEntry, isEdited: isSelectEntryEdited,
      attribute: 'camunda:calledElementBinding', label: 'Phiên bản dùng', options: CALL_BINDINGS,
      description: 'Mới nhất khi gọi, phiên bản cố định ở ô dưới, hoặc phiên bản mới nhất khi quy trình này được triển khai.' },
    attributeEntry(element, 'docbpm:Call', 'version', 'Phiên bản', 'Số phiên bản cố định; để trống: phiên bản mới nhất khi gọi.'),
    attributeEntry(element, 'docbpm:Call', 'businessKey', 'Khóa nghiệp vụ', 'Giá trị hoặc biểu thức (=documentId); để trống: khóa của quy trình gọi.'),
    ...allVariablesEntries(element)
  ] };
}
