import { describe, expect, it } from 'vitest';
import { templateBook } from './sheet-template';

describe('the template’s 说明 sheet', () => {
  const rows = () => {
    const notes = templateBook().getWorksheet('说明')!;
    const out = new Map<string, string>();
    notes.eachRow((row) => {
      const header = String(row.getCell(2).value ?? '');
      if (header) out.set(header, String(row.getCell(3).value ?? ''));
    });
    return out;
  };

  it('marks the Chinese name and employer required and their English columns optional', () => {
    const notes = rows();
    expect(notes.get('姓名')).toMatch(/^【必填】/);
    expect(notes.get('单位')).toMatch(/^【必填】/);
    for (const header of ['姓名（英文）', '单位（英文）', '简介（英文）']) {
      expect(notes.get(header), header).toMatch(/^可选/);
      expect(notes.get(header), header).not.toContain('必填');
    }
  });
});
