import { describe, expect, it } from 'vitest';
import { createDecisionEditor, decisionXml, openDecision } from '../src/decisions/editor.js';

// Two decisions in one file, as a deployed .dmn may hold: the editor opens the one asked for and saves the whole file.
const dmn = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="defs" name="Phê duyệt" namespace="urn:docbpm:tests">
  <decision id="approver" name="Người phê duyệt">
    <decisionTable id="approver_table" hitPolicy="FIRST">
      <input id="in_amount" label="Số tiền"><inputExpression id="ie_amount" typeRef="number"><text>amount</text></inputExpression></input>
      <output id="out_approver" name="approver" typeRef="string"/>
      <rule id="r1"><inputEntry id="r1_i"><text>&gt; 100</text></inputEntry><outputEntry id="r1_o"><text>"director"</text></outputEntry></rule>
    </decisionTable>
  </decision>
  <decision id="other" name="Khác">
    <decisionTable id="other_table">
      <input id="in_x" label="x"><inputExpression id="ie_x" typeRef="number"><text>x</text></inputExpression></input>
      <output id="out_y" name="y" typeRef="string"/>
    </decisionTable>
  </decision>
</definitions>`;

async function openApprover() {
  const container = document.createElement('div');
  document.body.append(container);
  const editor = createDecisionEditor(container);
  const decision = await openDecision(editor, dmn, 'approver');
  return { editor, decision, container };
}

describe('decision table editor', () => {
  it('opens the asked decision of a deployed file as a table with Vietnamese labels', async () => {
    const { decision, container } = await openApprover();
    expect(decision.id).toBe('approver');
    expect(container.textContent).toContain('Người phê duyệt');
    expect(container.textContent).toContain('Khi');
    expect(container.textContent).toContain('Chính sách khớp');
    expect(container.textContent).toContain('"director"');
  });

  it('a rule added and filled in is saved back into the same file, the other decision untouched', async () => {
    const { editor } = await openApprover();
    const viewer = editor.getActiveViewer();
    const modeling = viewer.get('modeling');
    const row = modeling.addRow({ type: 'dmn:DecisionRule' });
    const [input, output] = row.cells;
    modeling.editCell(input.businessObject, '<= 100');
    modeling.editCell(output.businessObject, '"head"');

    const xml = await decisionXml(editor);
    const saved = new DOMParser().parseFromString(xml, 'application/xml');
    const rules = [...saved.querySelectorAll('decision[id="approver"] rule')]
      .map(rule => [...rule.querySelectorAll('text')].map(t => t.textContent));
    expect(rules).toEqual([['> 100', '"director"'], ['<= 100', '"head"']]);
    expect(saved.querySelector('decision[id="approver"] decisionTable').getAttribute('hitPolicy')).toBe('FIRST');
    expect(saved.querySelector('decision[id="other"] input inputExpression text').textContent).toBe('x');
  });

  it('a file without a decision table is refused in Vietnamese', async () => {
    const container = document.createElement('div');
    const editor = createDecisionEditor(container);
    const literal = dmn.replace(/<decisionTable id="approver_table"[\s\S]*?<\/decisionTable>/, '<literalExpression id="le"><text>1</text></literalExpression>')
      .replace(/<decision id="other"[\s\S]*?<\/decision>/, '');
    await expect(openDecision(editor, literal, 'approver')).rejects.toThrow('không có bảng quyết định');
  });
});
