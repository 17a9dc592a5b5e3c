/** The HTML frame of the server-rendered pages (share pages, API page, 404). */
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

export interface PageMeta {
  title: string;
  description: string;
  /** Absolute URL of the page. */
  url?: string;
  /** Absolute URL of the preview image (Open Graph / Twitter card). */
  image?: string;
  /** A sentence saying what the preview image shows. */
  imageAlt?: string;
  /** Only when known for certain: a wrong size makes some previews crop or distort the image. */
  imageSize?: { width: number; height: number };
}

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #1d1d1f; }
  header a { color: inherit; text-decoration: none; font-weight: 700; }
  .images { display: flex; flex-wrap: wrap; gap: 1rem; }
  figure { margin: 0; } figure img { width: 224px; height: 224px; image-rendering: pixelated; border-radius: 4px; }
  table { border-collapse: collapse; } td, th { padding: .2rem .6rem; text-align: left; border-bottom: 1px solid #ddd; }
  code, pre { background: #f4f4f6; border-radius: 3px; padding: .1rem .3rem; } pre { padding: .6rem; overflow-x: auto; }
  .button { display: inline-block; margin-top: 1rem; padding: .5rem 1rem; background: #1d4ed8; color: #fff; border-radius: 4px; text-decoration: none; }
`;

export function page(meta: PageMeta, body: HtmlEscapedString | Promise<HtmlEscapedString>) {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${meta.title}</title>
<meta name="description" content="${meta.description}">
<meta property="og:site_name" content="gradlens">
<meta property="og:type" content="website">
<meta property="og:title" content="${meta.title}">
<meta property="og:description" content="${meta.description}">
${meta.url ? html`<meta property="og:url" content="${meta.url}">` : ''}
${meta.image ? html`<meta property="og:image" content="${meta.image}">` : ''}
${meta.image && meta.imageSize ? html`<meta property="og:image:width" content="${meta.imageSize.width}">
<meta property="og:image:height" content="${meta.imageSize.height}">` : ''}
${meta.image && meta.imageAlt ? html`<meta property="og:image:alt" content="${meta.imageAlt}">` : ''}
<meta name="twitter:card" content="${meta.image ? 'summary_large_image' : 'summary'}">
<meta name="twitter:title" content="${meta.title}">
<meta name="twitter:description" content="${meta.description}">
${meta.image ? html`<meta name="twitter:image" content="${meta.image}">` : ''}
${meta.image && meta.imageAlt ? html`<meta name="twitter:image:alt" content="${meta.imageAlt}">` : ''}
<style>${raw(STYLE)}</style>
</head>
<body>
<header><a href="/">gradlens</a> · how a CNN sees an image</header>
<main>${body}</main>
</body>
</html>`;
}
