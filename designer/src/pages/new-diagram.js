/** An empty process with a start event, in the docbpm namespace, for "Tạo sơ đồ mới". */
export function newDiagram(suffix = Math.random().toString(36).slice(2, 8)) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:docbpm="urn:docbpm:bpmn:1"
  id="Definitions_${suffix}" targetNamespace="urn:docbpm:workflows">
  <bpmn:process id="quy-trinh-${suffix}" name="Quy trình mới" isExecutable="true">
    <bpmn:startEvent id="Start" name="Bắt đầu" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_${suffix}">
    <bpmndi:BPMNPlane id="Plane_${suffix}" bpmnElement="quy-trinh-${suffix}">
      <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="180" y="160" width="36" height="36" /></bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}
