/**
 * Line-level page furniture: legal footers, navigation, share widgets, image credits.
 */
import { removeLines, type CleaningStep } from './step';

const LEGAL_FOOTER =
  /^(?:(?:特別聲明|特别声明|免責聲明|免责声明|版權聲明|版权声明)[:：]|Notice: The content above)/i;

/**
 * Removes platform disclaimers: `特別聲明:以上內容…`, `Notice: The content above…`.
 *
 * @example
 * legalFooterStep.run('正文。\n特別聲明:以上內容為自媒體平臺用戶上傳').text; // '正文。'
 */
export const legalFooterStep: CleaningStep = {
  name: 'legal-footer',
  run: (text) => removeLines(text, (line) => LEGAL_FOOTER.test(line)),
};

/** `網易首頁 > 網易號 > 正文`: three or more short items joined by `>`, no sentence punctuation. */
const BREADCRUMB = /^[^>。，,！？!?]{1,24}(?: ?> ?[^>。，,！？!?]{1,24}){2,}$/;
const PORTAL_LINKS =
  /^(?:無障礙瀏覽|无障碍浏览|進入關懷版|进入关怀版|返回頂部|返回顶部|打開APP|打开APP|點擊展開全文|点击展开全文|展開全文|展开全文)(?: (?:進入關懷版|进入关怀版))?$/;

/**
 * Removes navigation lines: breadcrumbs like `網易首頁 > 網易號 > 正文 申請入駐` and portal links
 * such as `無障礙瀏覽 進入關懷版`.
 *
 * @example
 * navigationStep.run('網易首頁 > 網易號 > 正文 申請入駐\n正文。').text; // '正文。'
 */
export const navigationStep: CleaningStep = {
  name: 'navigation',
  run: (text) => removeLines(text, (line) => BREADCRUMB.test(line) || PORTAL_LINKS.test(line)),
};

const SHARE = /^(?:分享至|分享到|分享)[:：]?$/;
const COUNT = /^\d{1,7}$/;

/**
 * Removes share widgets: a `分享至` line and the like/share count line (`0`) right above it.
 *
 * @example
 * shareWidgetStep.run('標題\n0\n分享至\n正文。').text; // '標題\n正文。'
 */
export const shareWidgetStep: CleaningStep = {
  name: 'share-widget',
  run: (text) =>
    removeLines(
      text,
      (line, i, lines) => SHARE.test(line) || (COUNT.test(line) && SHARE.test(lines[i + 1] ?? '')),
    ),
};

const IMAGE_CREDIT = /^\*?(?:題圖|题图|圖源|图源|圖片來源|图片来源|圖片|图片)(?:[:：]|由)\S{0,60}$/;

/**
 * Removes image credit lines left where pictures were: `*題圖由AI生成`, `圖源:pexels`.
 *
 * @example
 * imageCreditStep.run('正文。\n圖源:pexels').text; // '正文。'
 */
export const imageCreditStep: CleaningStep = {
  name: 'image-credit',
  run: (text) => removeLines(text, (line) => IMAGE_CREDIT.test(line)),
};
