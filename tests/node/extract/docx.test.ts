import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractDocx } from '../../../src/extract/docx';
import { buildDocx } from '../../fixtures/documents/builders';
import { DOCX_BLOCKS } from '../../fixtures/documents/content';
import { refusalOf } from './helpers';

describe('extractDocx', () => {
  it('keeps every heading and paragraph as a line of its own, in order', async () => {
    const doc = await extractDocx(buildDocx(), '量子.docx');
    expect(doc.encoding).toBe('docx');
    expect(doc.sections).toEqual([{ text: DOCX_BLOCKS.map((b) => b.text).join('\n') }]);
  });

  it('refuses a password-protected document (an OLE file) as encrypted', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    expect((await refusalOf(extractDocx(ole, 'locked.docx'))).reason).toBe('encrypted');
  });

  it('refuses a truncated document as damaged', async () => {
    const bytes = buildDocx();
    const error = await refusalOf(extractDocx(bytes.slice(0, bytes.length / 2), 'cut.docx'));
    expect(error.reason).toBe('corrupt');
    expect(error.message).toMatch(/^cut\.docx: /);
  });

  it('refuses a zip that is not a Word document', async () => {
    const zip = zipSync({ 'hello.txt': strToU8('hi') });
    const error = await refusalOf(extractDocx(zip, 'other.docx'));
    expect(error.message).toBe('other.docx: not a Word document (no word/document.xml)');
  });
});
