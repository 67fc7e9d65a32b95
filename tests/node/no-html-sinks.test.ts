/**
 * The lint rule that keeps user text out of HTML parsing: each sink is an error in app code, and rendering
 * text as React children or `textContent` is not.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: `${import.meta.dirname}/../..` });

async function restrictedSyntax(code: string, filePath = 'src/components/Example.tsx'): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((message) => message.ruleId === 'no-restricted-syntax').length;
}

describe('lint: user text never reaches an HTML parser', () => {
  it.each([
    [
      'dangerouslySetInnerHTML',
      'export const A = (p: { t: string }) => <p dangerouslySetInnerHTML={{ __html: p.t }} />;',
    ],
    ['innerHTML', 'export function f(el: HTMLElement, t: string) { el.innerHTML = t; }'],
    ['outerHTML', 'export function f(el: HTMLElement, t: string) { el.outerHTML = t; }'],
    [
      'insertAdjacentHTML',
      "export function f(el: HTMLElement, t: string) { el.insertAdjacentHTML('beforeend', t); }",
    ],
    ['document.write', 'export function f(t: string) { document.write(t); }'],
  ])('refuses %s', async (_name, code) => {
    expect(await restrictedSyntax(code)).toBe(1);
  });

  it('refuses it in the worker too', async () => {
    expect(
      await restrictedSyntax(
        'export function f(el: HTMLElement, t: string) { el.innerHTML = t; }',
        'workers/x.ts',
      ),
    ).toBe(1);
  });

  it('accepts text rendered as text', async () => {
    expect(await restrictedSyntax('export const A = (p: { t: string }) => <p>{p.t}</p>;')).toBe(0);
    expect(
      await restrictedSyntax('export function f(el: HTMLElement, t: string) { el.textContent = t; }'),
    ).toBe(0);
  });
});
