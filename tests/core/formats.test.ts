import { describe, expect, it } from 'vitest';
import { ACCEPTED_EXTENSIONS, formatFromName, refusalBeforeReading } from '../../src/core/formats';

describe('formatFromName', () => {
  it('tells the formats apart by extension, whatever the case, and knows no others', () => {
    expect(formatFromName('年报 2025.PDF')).toBe('pdf');
    expect(formatFromName('a.b.docx')).toBe('docx');
    expect(formatFromName('三体.epub')).toBe('epub');
    expect(formatFromName('page.htm')).toBe('html');
    expect(formatFromName('photo.jpg')).toBeUndefined();
    expect(ACCEPTED_EXTENSIONS).toEqual(
      expect.arrayContaining(['.pdf', '.docx', '.epub', '.txt', '.md', '.html']),
    );
  });
});

describe('refusalBeforeReading', () => {
  it('refuses a 500 MB PDF from its size alone, naming the limit', () => {
    const error = refusalBeforeReading('扫描件.pdf', 500 * 1024 * 1024);
    expect(error?.reason).toBe('too-large');
    expect(error?.message).toBe(
      '扫描件.pdf: the file is too large (500 MB; the limit for .pdf files is 100 MB)',
    );
  });

  it('holds text files to the text limit and accepts files within their limit', () => {
    expect(refusalBeforeReading('notes.txt', 6 * 1024 * 1024)?.message).toBe(
      'notes.txt: the file is too large (6 MB; the limit for .txt files is 5 MB)',
    );
    expect(refusalBeforeReading('book.epub', 50 * 1024 * 1024)).toBeUndefined();
    expect(refusalBeforeReading('empty.docx', 0)?.reason).toBe('empty');
    expect(refusalBeforeReading('README', 100)).toBeUndefined();
  });

  it('names an unsupported kind of file without reading it', () => {
    expect(refusalBeforeReading('相册/photo.JPG', 100)?.message).toMatch(
      /^相册\/photo\.JPG: \.JPG files are not supported \(\.txt /,
    );
  });
});
