/**
 * Detects passages a search must never return for a negative query: adult/gambling spam and web-page
 * boilerplate (portal navigation, platform disclaimers, "related articles" link lists).
 */
import { normalizeForMatch } from '../text/script';

/** Why a passage is junk. */
export type JunkKind = 'spam' | 'boilerplate';

/** Spam markers, simplified and lower case. Two distinct ones are needed: 成人 or 黄色 alone is prose. */
const SPAM_MARKERS = [
  'av',
  '无码',
  '不卡',
  '三级片',
  '一级片',
  '成人电影',
  '成人视频',
  '成人免费',
  '人妻',
  '色情',
  '一区二区',
  '在线播放',
  '黄色影片',
  'porn',
  'xxx',
  '博彩',
  '赌场',
  '百家乐',
];

/** Boilerplate markers, simplified, lower case, whitespace removed. One is enough. */
const BOILERPLATE_MARKERS = [
  '相关推荐',
  '热点推荐',
  '特别声明',
  '本平台仅提供信息存储服务',
  '网易首页',
  '申请入驻',
  '无障碍浏览',
  '进入关怀版',
  '往期回顾',
  'notice:thecontentabove',
  'providesinformationstorageservices',
];

/** A "related articles" list: publication timestamps, one per linked article. */
const TIMESTAMP = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2})?/gu;

function hasMarker(text: string, marker: string): boolean {
  if (!/^[a-z]+$/u.test(marker)) return text.includes(marker);
  return new RegExp(`(?<![a-z])${marker}(?![a-z])`, 'u').test(text);
}

/**
 * Classifies a passage as `spam` (two or more distinct spam markers, in either script), `boilerplate`
 * (a portal/disclaimer marker, or two or more article timestamps) or `null` (content).
 *
 * @example
 * detectJunk('国产av一二三区|日本不卡动作网站'); // 'spam'
 * detectJunk('特別聲明:以上內容為自媒體平臺用戶上傳'); // 'boilerplate'
 * detectJunk('阿里已开源200多款模型'); // null
 */
export function detectJunk(text: string): JunkKind | null {
  const normalized = normalizeForMatch(text);
  if (SPAM_MARKERS.filter((marker) => hasMarker(normalized, marker)).length >= 2) return 'spam';
  const compact = normalized.replace(/\s+/gu, '');
  if (BOILERPLATE_MARKERS.some((marker) => compact.includes(marker))) return 'boilerplate';
  if ((normalized.match(TIMESTAMP) ?? []).length >= 2) return 'boilerplate';
  return null;
}
