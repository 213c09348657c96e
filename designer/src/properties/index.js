import DocBpmPropertiesProvider from './DocBpmPropertiesProvider.js';
import translate from './translate.js';

export { default as docbpmModdle } from './docbpm-moddle.json';

// Business-rule tasks are written with Camunda 7's attributes (camunda:decisionRef…), so diagrams from its modeler run
// unchanged; its moddle keeps every other camunda: attribute of an imported diagram too.
export { default as camundaModdle } from 'camunda-bpmn-moddle/resources/camunda.json';

/** The bpmn-js module of the DocBpm properties provider, with Vietnamese labels for the standard entries too. */
export const DocBpmPropertiesProviderModule = {
  __init__: ['docBpmPropertiesProvider'],
  docBpmPropertiesProvider: ['type', DocBpmPropertiesProvider],
  translate: ['value', translate]
};
