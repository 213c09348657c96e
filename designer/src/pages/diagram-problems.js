// Shows the server's validation errors on the diagram: a red outline and a badge on each offending element, and a
// list under the toolbar whose items select their element.

const MARKER = 'docbpm-invalid';
const OVERLAY = 'docbpm-error';

export function clearProblems(modeler, list) {
  const canvas = modeler.get('canvas');
  for (const element of modeler.get('elementRegistry').getAll())
    canvas.removeMarker(element, MARKER);
  modeler.get('overlays').remove({ type: OVERLAY });
  list.replaceChildren();
}

/** errors: [{ elementId, line, message }], as /api/definitions/validate and a refused deploy return them. */
export function showProblems(modeler, list, errors) {
  clearProblems(modeler, list);
  const registry = modeler.get('elementRegistry');
  const byElement = Map.groupBy(errors, e => e.elementId && registry.get(e.elementId) ? e.elementId : null);
  for (const [elementId, problems] of byElement) {
    if (!elementId)
      continue;
    modeler.get('canvas').addMarker(elementId, MARKER);
    const badge = document.createElement('div');
    badge.className = 'docbpm-error-badge';
    badge.textContent = String(problems.length);
    badge.title = problems.map(p => p.message).join('\n');
    badge.dataset.elementId = elementId;
    modeler.get('overlays').add(elementId, OVERLAY, { position: { top: -9, right: 9 }, html: badge });
  }

  for (const problem of errors) {
    const item = document.createElement('li');
    // Analysts know their steps by name ("Ký số"), the id ("PersonalSignature") only when the step has no name.
    const name = problem.elementId && (registry.get(problem.elementId)?.businessObject.name || problem.elementId);
    item.textContent = name ? `${name}: ${problem.message}` : problem.message;
    item.dataset.elementId = problem.elementId || '';
    item.addEventListener('click', () => {
      const element = problem.elementId && registry.get(problem.elementId);
      if (element)
        modeler.get('selection').select(element);
    });
    list.append(item);
  }
}
