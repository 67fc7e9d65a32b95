/**
 * Cuts the related-links tail that news portals append after the article.
 */
import type { CleaningStep } from './step';

/** Heading lines that start a portal's link list. */
const TAIL_HEADING = /^(?:相關推薦|相关推荐|熱點推薦|热点推荐|猜你喜歡|猜你喜欢)$/;

/**
 * Removes everything from the first line that is exactly a related-links heading (`相關推薦`,
 * `相关推荐`, `熱點推薦`, …) to the end. The words inside a sentence are left alone.
 *
 * @example
 * relatedLinksStep.run('正文。\n相關推薦\n標題').text; // '正文。'
 */
export const relatedLinksStep: CleaningStep = {
  name: 'related-links',
  run(text) {
    const lines = text.split('\n');
    const at = lines.findIndex((line) => TAIL_HEADING.test(line));
    if (at < 0) return { text, removed: [] };
    return { text: lines.slice(0, at).join('\n'), removed: lines.slice(at) };
  },
};
