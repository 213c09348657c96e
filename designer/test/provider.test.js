import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { activityTypes, groupsOf, openModeler, panelGroups, sampleXml } from './modeler.js';
import {
  MULTI_COMMAND, activityTypeCommands, allVariablesCommands, callMappings, extensionCommands, groupActivityTypes, mappingCommands,
  passesAllVariables, portCommands, portValue
} from '../src/properties/model.js';

async function withServiceTask(extension = '') {
  const modeler = await openModeler();
  const modeling = modeler.get('modeling');
  const review = modeler.get('elementRegistry').get('Review');
  const task = modeling.createShape({ type: 'bpmn:ServiceTask' }, { x: 300, y: 400 }, review.parent);
  if (extension)
    modeler.get('commandStack').execute(MULTI_COMMAND, extensionCommands(task, 'docbpm:Activity', { type: extension },
      modeler.get('bpmnFactory')));
  return { modeler, task, execute: commands => modeler.get('commandStack').execute(MULTI_COMMAND, commands) };
}

async function xmlOf(modeler) {
  return (await modeler.saveXML({ format: false })).xml;
}

describe('activity type picker', () => {
  it('groups the activity types by category in Vietnamese order and leaves out the BPMN element descriptors', () => {
    expect(groupActivityTypes(activityTypes)).toEqual([
      { label: 'Thông điệp', children: [{ value: 'PublishMessage', label: 'Gửi thông điệp' }] },
      { label: 'Văn bản', children: [
        { value: 'DispatchToBus', label: 'Gửi lên trục liên thông' },
        { value: 'VerifySignature', label: 'Kiểm tra chữ ký số' }
      ] }
    ]);
  });

  it('a service task shows one input entry per input of its activity type and one per output', async () => {
    const { modeler, task } = await withServiceTask('VerifySignature');
    expect(groupsOf(modeler, task.id)['docbpm-activity']).toEqual([
      'docbpm-activity-type', 'docbpm-input-documentId', 'docbpm-input-strict', 'docbpm-output-legalStatus'
    ]);
  });

  it('choosing a type writes docbpm:activity in the extension elements the engine reads', async () => {
    const { modeler, task, execute } = await withServiceTask();
    execute(activityTypeCommands(task, 'VerifySignature', activityTypes[0], modeler.get('bpmnFactory')));
    execute(portCommands(task, 'input', 'documentId', 'expression', 'document.id', modeler.get('bpmnFactory')));
    execute(portCommands(task, 'output', 'legalStatus', 'variable', 'status', modeler.get('bpmnFactory')));

    expect(await xmlOf(modeler)).toContain('<bpmn:extensionElements><docbpm:activity type="VerifySignature">'
      + '<docbpm:input name="documentId" expression="document.id" /><docbpm:output name="legalStatus" variable="status" />'
      + '</docbpm:activity></bpmn:extensionElements>');
  });

  it('changing the type drops the inputs the new type does not have, and one undo restores them', async () => {
    const { modeler, task, execute } = await withServiceTask('VerifySignature');
    const factory = modeler.get('bpmnFactory');
    execute(portCommands(task, 'input', 'documentId', 'expression', 'documentId', factory));
    execute(portCommands(task, 'input', 'strict', 'expression', 'true', factory));

    execute(activityTypeCommands(task, 'DispatchToBus', activityTypes[1], factory));
    const changed = await xmlOf(modeler);
    expect(changed).toContain('<docbpm:activity type="DispatchToBus"><docbpm:input name="documentId" expression="documentId" /></docbpm:activity>');

    modeler.get('commandStack').undo();
    expect(await xmlOf(modeler)).toContain('<docbpm:input name="strict" expression="true" />');
  });

  it('clearing an input removes its element instead of leaving an empty expression', async () => {
    const { modeler, task, execute } = await withServiceTask('VerifySignature');
    const factory = modeler.get('bpmnFactory');
    execute(portCommands(task, 'input', 'strict', 'expression', 'true', factory));
    execute(portCommands(task, 'input', 'strict', 'expression', '', factory));
    expect(await xmlOf(modeler)).toContain('<docbpm:activity type="VerifySignature" />');
  });
});

describe('user task assignment', () => {
  it('a user task shows the assignment group with every docbpm:assignment attribute', async () => {
    const modeler = await openModeler();
    expect(groupsOf(modeler, 'Review')['docbpm-assignment']).toEqual([
      'docbpm-assignee', 'docbpm-candidateUsers', 'docbpm-candidateGroups', 'docbpm-dueDate', 'docbpm-priority', 'docbpm-formKey'
    ]);
  });

  it('editing the assignment keeps the attributes already there and writes the new one', async () => {
    const modeler = await openModeler();
    const review = modeler.get('elementRegistry').get('Review');
    modeler.get('commandStack').execute(MULTI_COMMAND,
      extensionCommands(review, 'docbpm:Assignment', { dueDate: '=deadline' }, modeler.get('bpmnFactory')));
    expect(await xmlOf(modeler)).toContain('<docbpm:assignment candidateGroups="GiamDoc,PhoGiamDoc" dueDate="=deadline" />');
  });

  it('a new user task gets extension elements created for its assignment', async () => {
    const modeler = await openModeler();
    const root = modeler.get('elementRegistry').get('Review').parent;
    const task = modeler.get('modeling').createShape({ type: 'bpmn:UserTask' }, { x: 300, y: 400 }, root);
    modeler.get('commandStack').execute(MULTI_COMMAND,
      extensionCommands(task, 'docbpm:Assignment', { candidateGroups: 'VanThu' }, modeler.get('bpmnFactory')));
    expect(await xmlOf(modeler)).toMatch(/<bpmn:userTask id="[^"]+"><bpmn:extensionElements><docbpm:assignment candidateGroups="VanThu" \/>/);
  });
});

describe('flows, timers, messages', () => {
  it('a flow leaving an exclusive gateway has a condition entry; a flow leaving a start event has none', async () => {
    const modeler = await openModeler();
    expect(groupsOf(modeler, 'Flow_3')['docbpm-condition']).toEqual(['docbpm-condition-expression']);
    expect(groupsOf(modeler, 'Flow_1')['docbpm-condition']).toBeUndefined();
  });

  it('a timer shows the standard timer group and the business calendar checkbox, read from docbpm:calendar', async () => {
    const modeler = await openModeler();
    const groups = groupsOf(modeler, 'Overdue');
    expect(groups.timer).toBeDefined();
    expect(groups['docbpm-timer']).toEqual(['docbpm-business-calendar']);
    const definition = modeler.get('elementRegistry').get('Overdue').businessObject.eventDefinitions[0];
    expect(definition.get('docbpm:calendar')).toBe('business');
  });

  it('a message catch event gets a correlation key written as docbpm:subscription', async () => {
    const modeler = await openModeler();
    const root = modeler.get('elementRegistry').get('Review').parent;
    const event = modeler.get('modeling').createShape({ type: 'bpmn:IntermediateCatchEvent',
      eventDefinitionType: 'bpmn:MessageEventDefinition' }, { x: 500, y: 400 }, root);
    expect(groupsOf(modeler, event.id)['docbpm-subscription']).toEqual(['docbpm-correlationKey']);
    modeler.get('commandStack').execute(MULTI_COMMAND,
      extensionCommands(event, 'docbpm:Subscription', { correlationKey: '=documentId' }, modeler.get('bpmnFactory')));
    expect(await xmlOf(modeler)).toContain('<docbpm:subscription correlationKey="=documentId" />');
  });

  it('labels of the standard panel are Vietnamese', async () => {
    const modeler = await openModeler();
    expect(modeler.get('translate')('General')).toBe('Chung');
    expect(modeler.get('translate')('Append {type}', { type: 'x' })).toBe('Append x');
  });
});

describe('round trip', () => {
  // happy-dom's XML parser leaves character references (bpmn-js writes ' as &#39;) in attribute values undecoded.
  const decode = text => text.replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code)));

  function docbpmElements(xml) {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    return [...doc.getElementsByTagNameNS('urn:docbpm:bpmn:1', '*')].map(e =>
      `${e.localName} ${[...e.attributes].map(a => `${a.name}=${decode(a.value)}`).sort().join(' ')} ${e.textContent.trim()}`);
  }

  it.each(['incoming.bpmn', 'sample-approval.bpmn'])('opening and saving the shipped %s keeps every docbpm element', async file => {
    const xml = readFileSync(resolve(import.meta.dirname, '../../workflows', file), 'utf8');
    const modeler = await openModeler(xml);
    const saved = await xmlOf(modeler);
    expect(docbpmElements(saved)).toEqual(docbpmElements(xml));
    expect(docbpmElements(xml).length).toBeGreaterThan(0);
  });

  it('an input written as element text (the parser accepts it) survives a save', async () => {
    const xml = sampleXml
      .replace('</bpmn:process>', '<bpmn:serviceTask id="Notify"><bpmn:extensionElements><docbpm:activity type="PublishMessage">'
        + '<docbpm:input name="payload">({ id: documentId })</docbpm:input></docbpm:activity></bpmn:extensionElements>'
        + '</bpmn:serviceTask></bpmn:process>')
      .replace('</bpmndi:BPMNPlane>', '<bpmndi:BPMNShape id="Notify_di" bpmnElement="Notify">'
        + '<dc:Bounds x="600" y="400" width="100" height="80" /></bpmndi:BPMNShape></bpmndi:BPMNPlane>');
    const modeler = await openModeler(xml);
    expect(await xmlOf(modeler)).toContain('<docbpm:input name="payload">({ id: documentId })</docbpm:input>');

    const notify = modeler.get('elementRegistry').get('Notify');
    expect(portValue(notify.businessObject, 'input', 'payload')).toBe('({ id: documentId })');
    modeler.get('commandStack').execute(MULTI_COMMAND,
      portCommands(notify, 'input', 'payload', 'expression', 'documentId', modeler.get('bpmnFactory')));
    expect(await xmlOf(modeler)).toContain('<docbpm:input name="payload" expression="documentId" />');
  });
});

describe('loops', () => {
  async function withLoop(type, properties = {}) {
    const modeler = await openModeler();
    const review = modeler.get('elementRegistry').get('Review');
    const loop = modeler.get('bpmnFactory').create(type, properties);
    modeler.get('modeling').updateProperties(review, { loopCharacteristics: loop });
    return { modeler, review, loop };
  }

  it('a sequential multi-instance task offers its collection, element variable and the standard completion condition', async () => {
    const { modeler } = await withLoop('bpmn:MultiInstanceLoopCharacteristics', { isSequential: true });
    const groups = groupsOf(modeler, 'Review');
    expect(groups['docbpm-loop']).toEqual(['docbpm-collection', 'docbpm-elementVariable']);
    expect(groups.multiInstance).toContain('completionCondition');
  });

  it('a standard loop offers its condition, maximum and test-before, written as the BPMN attributes the engine reads', async () => {
    const { modeler, review, loop } = await withLoop('bpmn:StandardLoopCharacteristics');
    expect(groupsOf(modeler, 'Review')['docbpm-standard-loop'])
      .toEqual(['docbpm-loop-condition', 'docbpm-loop-maximum', 'docbpm-loop-test-before']);

    modeler.get('modeling').updateModdleProperties(review, loop, {
      loopCondition: modeler.get('bpmnFactory').create('bpmn:FormalExpression', { body: '!approved' }),
      loopMaximum: 3,
      testBefore: true
    });
    const xml = await xmlOf(modeler);
    expect(xml).toMatch(/<bpmn:standardLoopCharacteristics testBefore="true" loopMaximum="3">\s*<bpmn:loopCondition xsi:type="bpmn:tFormalExpression">!approved<\/bpmn:loopCondition>/);
  });
});

describe('signals, escalations, links and message throw events', () => {
  async function withEvent(type, eventDefinitionType) {
    const modeler = await openModeler();
    const root = modeler.get('elementRegistry').get('Review').parent;
    const event = modeler.get('modeling').createShape({ type, eventDefinitionType }, { x: 500, y: 400 }, root);
    return { modeler, event };
  }

  it('a message end event edits the correlation key it sends, written as docbpm:subscription', async () => {
    const { modeler, event } = await withEvent('bpmn:EndEvent', 'bpmn:MessageEventDefinition');
    expect(groupsOf(modeler, event.id)['docbpm-subscription']).toEqual(['docbpm-correlationKey']);
    modeler.get('commandStack').execute(MULTI_COMMAND,
      extensionCommands(event, 'docbpm:Subscription', { correlationKey: '=documentId' }, modeler.get('bpmnFactory')));
    expect(await xmlOf(modeler)).toMatch(/<bpmn:endEvent id="[^"]+"><bpmn:extensionElements><docbpm:subscription correlationKey="=documentId" \/>/);
  });

  it.each([
    ['bpmn:IntermediateThrowEvent', 'bpmn:SignalEventDefinition', 'signal'],
    ['bpmn:IntermediateCatchEvent', 'bpmn:SignalEventDefinition', 'signal'],
    ['bpmn:EndEvent', 'bpmn:EscalationEventDefinition', 'escalation'],
    ['bpmn:IntermediateThrowEvent', 'bpmn:LinkEventDefinition', 'link']
  ])('a %s with %s offers the standard %s group that names what the engine reads', async (type, definition, group) => {
    const { modeler, event } = await withEvent(type, definition);
    expect(groupsOf(modeler, event.id)[group]).toBeDefined();
    expect(groupsOf(modeler, event.id)['docbpm-subscription']).toBeUndefined();
  });
});

describe('business-rule task', () => {
  async function withBusinessRuleTask() {
    const modeler = await openModeler();
    const review = modeler.get('elementRegistry').get('Review');
    const task = modeler.get('modeling').createShape({ type: 'bpmn:BusinessRuleTask' }, { x: 300, y: 400 }, review.parent);
    return { modeler, task };
  }

  it('offers the decision id, binding, result variable and result shape; the version only for a pinned binding', async () => {
    const { modeler, task } = await withBusinessRuleTask();
    expect(groupsOf(modeler, task.id)['docbpm-decision']).toEqual([
      'camunda-decisionRef', 'camunda-decisionRefBinding', 'camunda-resultVariable', 'camunda-mapDecisionResult'
    ]);

    modeler.get('modeling').updateProperties(task, { 'camunda:decisionRefBinding': 'version' });
    expect(groupsOf(modeler, task.id)['docbpm-decision']).toContain('camunda-decisionRefVersion');
  });

  it('writes the camunda: attributes the engine reads, and an emptied one is removed', async () => {
    const { modeler, task } = await withBusinessRuleTask();
    const modeling = modeler.get('modeling');
    modeling.updateProperties(task, { 'camunda:decisionRef': 'approver', 'camunda:resultVariable': 'approver',
      'camunda:mapDecisionResult': 'singleEntry', 'camunda:decisionRefBinding': 'version', 'camunda:decisionRefVersion': '2' });
    const xml = await xmlOf(modeler);
    expect(xml).toContain('xmlns:camunda="http://camunda.org/schema/1.0/bpmn"');
    const written = xml.match(/<bpmn:businessRuleTask [^>]*>/)[0];
    for (const attribute of ['camunda:decisionRef="approver"', 'camunda:resultVariable="approver"', 'camunda:mapDecisionResult="singleEntry"',
      'camunda:decisionRefBinding="version"', 'camunda:decisionRefVersion="2"'])
      expect(written).toContain(attribute);

    modeling.updateProperties(task, { 'camunda:decisionRefVersion': undefined });
    expect(await xmlOf(modeler)).not.toContain('decisionRefVersion');
  });

  it('a diagram from Camunda Modeler keeps its business-rule task attributes through a save', async () => {
    const xml = sampleXml.replace('<bpmn:definitions ', '<bpmn:definitions xmlns:camunda="http://camunda.org/schema/1.0/bpmn" ')
      .replace('</bpmn:process>', '<bpmn:businessRuleTask id="Decide" camunda:decisionRef="fees" camunda:mapDecisionResult="collectEntries" /></bpmn:process>');
    const modeler = await openModeler(xml);
    expect(await xmlOf(modeler)).toContain('<bpmn:businessRuleTask id="Decide" camunda:decisionRef="fees" camunda:mapDecisionResult="collectEntries" />');
  });
});

describe('call activity', () => {
  const caller = sampleXml.replace('</bpmn:process>', '<bpmn:callActivity id="Call" calledElement="review-process"><bpmn:extensionElements>'
    + '<docbpm:call version="3" /><docbpm:in source="amount * 2" target="amount" /><docbpm:out variables="all" />'
    + '</bpmn:extensionElements></bpmn:callActivity></bpmn:process>')
    .replace('</bpmndi:BPMNPlane>', '<bpmndi:BPMNShape id="Call_di" bpmnElement="Call"><dc:Bounds x="600" y="400" width="100" height="80" />'
      + '</bpmndi:BPMNShape></bpmndi:BPMNPlane>');

  it('offers the called process, its version binding, its pinned version and the business key', async () => {
    const modeler = await openModeler(caller);
    expect(groupsOf(modeler, 'Call')['docbpm-call']).toEqual([
      'docbpm-calledElement', 'camunda-calledElementBinding', 'docbpm-version', 'docbpm-businessKey', 'docbpm-in-all', 'docbpm-out-all'
    ]);
  });

  it('writes the deployment binding as camunda:calledElementBinding, which the engine reads, in one undo step', async () => {
    const modeler = await openModeler(caller);
    const call = modeler.get('elementRegistry').get('Call');
    modeler.get('modeling').updateProperties(call, { 'camunda:calledElementBinding': 'deployment' });
    const { xml } = await modeler.saveXML();
    expect(xml).toContain('camunda:calledElementBinding="deployment"');
    modeler.get('commandStack').undo();
    expect((await modeler.saveXML()).xml).not.toContain('calledElementBinding');
  });

  it('lists each in and out mapping as an item of its own list, and "all variables" as a checkbox', async () => {
    const modeler = await openModeler(caller);
    const groups = groupsOf(modeler, 'Call');
    expect(groups['docbpm-call-in']).toEqual(['docbpm-in-0']);
    expect(groups['docbpm-call-out']).toEqual([]);
    const item = panelGroups(modeler, 'Call').find(g => g.id === 'docbpm-call-in').items[0];
    expect(item.label).toBe('amount * 2 → amount');
    expect(item.entries.map(e => e.id)).toEqual(['docbpm-in-0-source', 'docbpm-in-0-target']);
    const call = modeler.get('elementRegistry').get('Call');
    expect([passesAllVariables(call.businessObject, 'in'), passesAllVariables(call.businessObject, 'out')]).toEqual([false, true]);

    // The panel subscribes to the selection once it has rendered, and renders the new selection on the next tick.
    await new Promise(resolve => setTimeout(resolve, 50));
    modeler.get('selection').select(call);
    await new Promise(resolve => setTimeout(resolve, 50));
    const panel = document.querySelector('[data-group-id="group-docbpm-call-in"]');
    expect(panel?.textContent).toContain('Biến truyền vào quy trình được gọi');
    expect(document.querySelector('[data-entry-id="docbpm-out-all"] input[type="checkbox"]')?.checked).toBe(true);
  });

  it('adds, edits and removes mappings and switches "all variables", which a save and a reopen keep', async () => {
    const modeler = await openModeler(caller);
    const call = modeler.get('elementRegistry').get('Call');
    const execute = commands => modeler.get('commandStack').execute(MULTI_COMMAND, commands);
    const group = kind => panelGroups(modeler, 'Call').find(g => g.id === `docbpm-call-${kind}`);

    group('out').add();
    const [added] = callMappings(call.businessObject, 'out');
    execute(mappingCommands(call, added, 'source', 'approved === true'));
    execute(mappingCommands(call, added, 'target', 'signed'));
    group('in').items[0].remove();
    execute(allVariablesCommands(call, 'in', true, modeler.get('bpmnFactory')));
    execute(allVariablesCommands(call, 'out', false, modeler.get('bpmnFactory')));

    const xml = await xmlOf(modeler);
    expect(xml).toContain('<bpmn:extensionElements><docbpm:call version="3" />'
      + '<docbpm:out source="approved === true" target="signed" /><docbpm:in variables="all" /></bpmn:extensionElements>');
    const reopened = await openModeler(xml);
    const bo = reopened.get('elementRegistry').get('Call').businessObject;
    expect(callMappings(bo, 'out').map(m => [m.source, m.target])).toEqual([['approved === true', 'signed']]);
    expect(callMappings(bo, 'in')).toEqual([]);
    expect([passesAllVariables(bo, 'in'), passesAllVariables(bo, 'out')]).toEqual([true, false]);
  });

  it('clearing a source leaves the variable of the same name, and one undo brings a removed mapping back', async () => {
    const modeler = await openModeler(caller);
    const call = modeler.get('elementRegistry').get('Call');
    const [mapping] = callMappings(call.businessObject, 'in');
    modeler.get('commandStack').execute(MULTI_COMMAND, mappingCommands(call, mapping, 'source', ''));
    expect(await xmlOf(modeler)).toContain('<docbpm:in target="amount" />');

    panelGroups(modeler, 'Call').find(g => g.id === 'docbpm-call-in').items[0].remove();
    expect(await xmlOf(modeler)).not.toContain('<docbpm:in target="amount" />');
    modeler.get('commandStack').undo();
    expect(await xmlOf(modeler)).toContain('<docbpm:in target="amount" />');
  });

  it('keeps the in/out mappings through a save and writes an edited business key into docbpm:call', async () => {
    const modeler = await openModeler(caller);
    const call = modeler.get('elementRegistry').get('Call');
    modeler.get('commandStack').execute(MULTI_COMMAND,
      extensionCommands(call, 'docbpm:Call', { businessKey: '=documentId' }, modeler.get('bpmnFactory')));
    modeler.get('modeling').updateProperties(call, { calledElement: 'signing' });

    const xml = await xmlOf(modeler);
    expect(xml).toContain('<bpmn:callActivity id="Call" calledElement="signing"><bpmn:extensionElements>'
      + '<docbpm:call version="3" businessKey="=documentId" /><docbpm:in source="amount * 2" target="amount" />'
      + '<docbpm:out variables="all" /></bpmn:extensionElements></bpmn:callActivity>');
  });
});
