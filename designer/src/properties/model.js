// Reading and changing the docbpm: extension of a BPMN element. Every change goes through the properties panel's
// multi-command executor, so that one edit is one undo step.

import { is, getBusinessObject } from 'bpmn-js/lib/util/ModelUtil';

export const MULTI_COMMAND = 'properties-panel.multi-command-executor';

/** The first extension element of the given type (e.g. 'docbpm:Activity') on a business object, or undefined. */
export function getExtension(bo, type) {
  const values = bo?.extensionElements?.values || [];
  return values.find(value => is(value, type));
}

/**
 * The commands that set properties on the element's extension of the given type, creating bpmn:extensionElements and
 * the extension itself when they do not exist yet. `target` is the business object holding the extension (the element's
 * own, or e.g. its multi-instance loop characteristics).
 */
export function extensionCommands(element, type, properties, bpmnFactory, target = getBusinessObject(element)) {
  let extension = getExtension(target, type);
  const commands = extension ? [] : appendExtensionCommands(element, target, extension = bpmnFactory.create(type), bpmnFactory);
  commands.push(update(element, extension, properties));
  return commands;
}

/** The commands that append a new extension element to the target, creating bpmn:extensionElements when needed. */
function appendExtensionCommands(element, target, extension, bpmnFactory) {
  const commands = [];
  let extensionElements = target.get('extensionElements');
  if (!extensionElements) {
    extensionElements = bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
    extensionElements.$parent = target;
    commands.push(update(element, target, { extensionElements }));
  }

  extension.$parent = extensionElements;
  commands.push(update(element, extensionElements, { values: [...extensionElements.get('values'), extension] }));
  return commands;
}

const MAPPING_TYPES = { in: 'docbpm:In', out: 'docbpm:Out' };

/**
 * The variable mappings of a call activity, in ('in': docbpm:in, into the called process) or out ('out': docbpm:out,
 * back to the caller), in document order; the one passing every variable (variables="all") is not a mapping of its own.
 */
export function callMappings(bo, kind) {
  return (bo.extensionElements?.values || []).filter(v => is(v, MAPPING_TYPES[kind]) && v.variables !== 'all');
}

/** Whether the call activity passes every variable that way (<docbpm:in variables="all"/>). */
export function passesAllVariables(bo, kind) {
  return (bo.extensionElements?.values || []).some(v => is(v, MAPPING_TYPES[kind]) && v.variables === 'all');
}

/** Commands that add a mapping with the given attributes (source, target or variables) to a call activity. */
export function addMappingCommands(element, kind, properties, bpmnFactory) {
  return appendExtensionCommands(element, getBusinessObject(element), bpmnFactory.create(MAPPING_TYPES[kind], properties), bpmnFactory);
}

export function removeMappingCommands(element, mapping) {
  const extensionElements = mapping.$parent;
  return [update(element, extensionElements, { values: extensionElements.get('values').filter(v => v !== mapping) })];
}

/** Sets one attribute of a mapping; an emptied one is removed (a source left out means the variable of the same name). */
export function mappingCommands(element, mapping, attribute, value) {
  return [update(element, mapping, { [attribute]: value || undefined })];
}

/** Turns passing every variable that way on (one variables="all" element) or off. */
export function allVariablesCommands(element, kind, on, bpmnFactory) {
  const bo = getBusinessObject(element);
  const existing = (bo.extensionElements?.values || []).find(v => is(v, MAPPING_TYPES[kind]) && v.variables === 'all');
  if (on && !existing)
    return addMappingCommands(element, kind, { variables: 'all' }, bpmnFactory);
  return !on && existing ? removeMappingCommands(element, existing) : [];
}

/** Commands that set (or, with an empty value, remove) one named docbpm:input or docbpm:output of the activity. */
export function portCommands(element, kind, name, valueProperty, value, bpmnFactory) {
  const bo = getBusinessObject(element);
  const activity = getExtension(bo, 'docbpm:Activity');
  const listProperty = kind === 'input' ? 'inputs' : 'outputs';
  const existing = activity?.get(listProperty).find(port => port.name === name);
  if (!value) {
    return existing ? [update(element, activity, { [listProperty]: activity.get(listProperty).filter(p => p !== existing) })] : [];
  }

  // An input written as element text (which the engine also reads) becomes an attribute once edited.
  if (existing)
    return [update(element, existing, kind === 'input' ? { expression: value, value: undefined } : { [valueProperty]: value })];

  const commands = activity ? [] : extensionCommands(element, 'docbpm:Activity', {}, bpmnFactory);
  const owner = activity || lastCreated(commands);
  const port = bpmnFactory.create(kind === 'input' ? 'docbpm:Input' : 'docbpm:Output', { name, [valueProperty]: value });
  port.$parent = owner;
  commands.push(update(element, owner, { [listProperty]: [...(owner.get(listProperty) || []), port] }));
  return commands;
}

/** Changing the activity type keeps the inputs the new type also has and drops the others. */
export function activityTypeCommands(element, type, descriptor, bpmnFactory) {
  const activity = getExtension(getBusinessObject(element), 'docbpm:Activity');
  const commands = extensionCommands(element, 'docbpm:Activity', { type }, bpmnFactory);
  if (activity && descriptor) {
    const inputs = new Set(descriptor.inputs.map(i => i.name));
    const outputs = new Set(descriptor.outputs.map(o => o.name));
    commands.push(update(element, activity, {
      inputs: activity.get('inputs').filter(i => inputs.has(i.name)),
      outputs: activity.get('outputs').filter(o => outputs.has(o.name))
    }));
  }

  return commands;
}

export function portValue(bo, kind, name) {
  const activity = getExtension(bo, 'docbpm:Activity');
  const port = activity?.get(kind === 'input' ? 'inputs' : 'outputs').find(p => p.name === name);
  return port ? (kind === 'input' ? port.expression ?? port.value : port.variable) : undefined;
}

/**
 * The activity types a service or send task may use, grouped by category for the picker: the engine's own BPMN
 * element descriptors (type "bpmn:...") are not activity types and are left out.
 */
export function groupActivityTypes(descriptors) {
  const groups = new Map();
  for (const descriptor of descriptors.filter(d => !d.type.startsWith('bpmn:'))) {
    if (!groups.has(descriptor.category))
      groups.set(descriptor.category, []);
    groups.get(descriptor.category).push({ value: descriptor.type, label: descriptor.displayName });
  }

  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'vi'))
    .map(([category, children]) => ({
      label: category,
      children: children.sort((a, b) => a.label.localeCompare(b.label, 'vi'))
    }));
}

function update(element, moddleElement, properties) {
  return { cmd: 'element.updateModdleProperties', context: { element, moddleElement, properties } };
}

function lastCreated(commands) {
  const values = commands.findLast(c => c.context.properties.values)?.context.properties.values;
  return values[values.length - 1];
}
