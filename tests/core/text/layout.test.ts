import { describe, expect, it } from 'vitest';
import { unifyRadicals, unwrapLines } from '../../../src/core/text/layout';

describe('unifyRadicals', () => {
  it('replaces the radical look-alikes PDF writers emit with the characters they stand for', () => {
    expect(unifyRadicals('⻓城是⼀项⼯程，⻢⻋⻔')).toBe('长城是一项工程，马车门');
  });

  it('leaves ordinary text alone', () => {
    expect(unifyRadicals('長城 ABC ⺁')).toBe('長城 ABC ⺁');
  });
});

describe('unwrapLines', () => {
  it('joins lines wrapped by the layout but keeps headings and paragraph ends', () => {
    const page = '大熊猫的生活\n大熊猫主要生活在四川和陕西的竹林里，几乎只\n吃竹子。\n下一段。';
    expect(unwrapLines(page)).toBe(
      '大熊猫的生活\n大熊猫主要生活在四川和陕西的竹林里，几乎只吃竹子。\n下一段。',
    );
  });

  it('joins wrapped Latin lines with a space', () => {
    expect(unwrapLines('the model runs in the\nbrowser.')).toBe('the model runs in the browser.');
  });
});
