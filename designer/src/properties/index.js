import DocBpmPropertiesProvider from './DocBpmPropertiesProvider.js';
import translate from './translate.js';

export { default as docbpmModdle } from './docbpm-moddle.json';

/** The bpmn-js module of the DocBpm properties provider, with Vietnamese labels for the standard entries too. */
export const DocBpmPropertiesProviderModule = {
  __init__: ['docBpmPropertiesProvider'],
  docBpmPropertiesProvider: ['type', DocBpmPropertiesProvider],
  translate: ['value', translate]
};
