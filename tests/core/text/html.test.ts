import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../src/core/text/html';

describe('htmlToText', () => {
  it('drops script and style content and keeps the text', () => {
    const html = `<html><head><style>p { color: red }</style><script>var s = "<p>不要</p>";</script></head>
      <body><p>開源<b>模型</b>的崛起</p><script>track('開源')</script><noscript>請啟用</noscript></body></html>`;
    const text = htmlToText(html);
    expect(text).toBe('開源模型的崛起');
  });

  it('turns block elements and <br> into line breaks and collapses spaces', () => {
    const html = '<h1>標題</h1><div>第一段\n   接著</div><ul><li>一</li><li>二</li></ul><p>甲<br>乙</p>';
    expect(htmlToText(html)).toBe('標題\n第一段 接著\n一\n二\n甲\n乙');
  });

  it('decodes entities and keeps the page title', () => {
    const html = '<title>AI &amp; 開源</title><p>&lt;tag&gt; &#x4e2d;&#25991; &quot;q&quot;</p>';
    expect(htmlToText(html)).toBe('AI & 開源\n<tag> 中文 "q"');
  });

  it('survives broken markup', () => {
    expect(htmlToText('<p>未閉合<div>段落<span>文字')).toBe('未閉合\n段落文字');
  });
});
