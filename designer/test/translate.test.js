import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isEventSubProcess, isInterrupting } from 'bpmn-js/lib/util/DiUtil';
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';
import { openModeler } from './modeler.js';
import translate from '../src/properties/translate.js';

/** Every title of the palette, of an element's context pad and of its replace menu. */
function titlesFor(modeler, elementId) {
  const element = modeler.get('elementRegistry').get(elementId);
  const popupMenu = modeler.get('popupMenu');
  const replace = popupMenu._getEntries(element, popupMenu._getProviders('bpmn-replace'));
  return [
    ...Object.values(modeler.get('palette').getEntries()).map(e => e.title),
    ...Object.values(modeler.get('contextPad').getEntries(element)).map(e => e.title),
    ...Object.values(replace).map(e => e.label)
  ].filter(Boolean);
}

/** The panel header's type (bpmn-js-properties-panel's getConcreteType, which it does not export), for events and flows. */
function getConcreteType(element) {
  const bo = getBusinessObject(element);
  const type = element.type.replace('bpmn:', '');
  const definition = (bo.eventDefinitions || [])[0];
  if (definition) {
    const prefix = definition.$type.replace('bpmn:', '').replace('EventDefinition', '');
    const nonInterrupting = (is(element, 'bpmn:StartEvent') && !isInterrupting(element))
      || (is(element, 'bpmn:BoundaryEvent') && !bo.cancelActivity);
    return `${prefix}${type}${nonInterrupting ? 'NonInterrupting' : ''}`;
  }
  if (is(element, 'bpmn:SubProcess') && !is(element, 'bpmn:Transaction'))
    return isEventSubProcess(element) ? `Event${type}` : `Expanded${type}`;
  if (is(element, 'bpmn:SequenceFlow') && bo.sourceRef?.default === bo)
    return 'DefaultFlow';
  if (is(element, 'bpmn:SequenceFlow') && bo.conditionExpression && !is(bo.sourceRef, 'bpmn:Gateway'))
    return 'ConditionalFlow';
  return type;
}

describe('Vietnamese designer', () => {
  it.each(['Review', 'Start', 'Overdue', 'Flow_3'])('the palette, context pad and replace menu of %s speak Vietnamese', async elementId => {
    const modeler = await openModeler();
    const titles = titlesFor(modeler, elementId);
    expect(titles.length).toBeGreaterThan(5);
    // Every Vietnamese title has a letter with a diacritic; an English one has none.
    expect(titles.filter(t => !/[^\x00-\x7F]/.test(t))).toEqual([]);
  });

  it.each(['incoming.bpmn', 'outgoing.bpmn'])('the panel header of every element of the shipped %s names its type in Vietnamese', async file => {
    const xml = readFileSync(resolve(import.meta.dirname, '../../workflows', file), 'utf8');
    const modeler = await openModeler(xml);
    // The header shows translate() of the type in words, "User Task" for bpmn:UserTask (upper-cased by its CSS).
    const headers = modeler.get('elementRegistry').getAll().filter(e => !e.labelTarget && e.type !== 'label')
      .map(e => translate(getConcreteType(e).replace(/(\B[A-Z])/g, ' $1').replace(/(\bNon Interrupting)/g, '($1)')));
    expect(headers).toContain('Công việc của người dùng');
    expect(headers.filter(h => !/[^\x00-\x7F]/.test(h))).toEqual([]);
  });

  it('non-interrupting events and sentence-case menu names come from the same words', () => {
    expect(translate('Timer Boundary Event (Non Interrupting)')).toBe('Biên: hẹn giờ (không ngắt)');
    expect(translate('Timer boundary event (non-interrupting)')).toBe('Biên: hẹn giờ (không ngắt)');
    expect(translate('Event-based gateway')).toBe(translate('Event Based Gateway'));
    expect(translate('Open {element}', { element: 'Xem xét' })).toBe('Mở Xem xét');
  });
});
