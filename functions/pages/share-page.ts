/** The share page of a stored result: input, picture, predictions, parameters, and a way to re-run. */
import { html } from 'hono/html';
import { SHARE_CARD_SIZE } from '../../core/render/share-card.ts';
import type { Prediction } from '../../core/types.ts';
import { MODELS } from '../../models/registry.ts';
import { type PageMeta, page } from './layout.ts';

/** Only the fields the page shows; the document is the stored result with absolute URLs. */
interface ShareDocument {
  id: string;
  kind: 'predict' | 'saliency' | 'adversarial';
  model: string;
  parameters: Record<string, unknown>;
  inputUrl: string;
  /** The 1200 × 630 link-preview card; absent on results stored before cards existed. */
  cardUrl?: string;
  shareUrl: string;
  createdAt: string;
  predictions?: Prediction[];
  class?: { index: number; name: string };
  maps?: { class: { index: number; name: string }; overlayUrl: string; heatmapUrl: string }[];
  report?: { success: boolean; before: Prediction[]; after: Prediction[]; linf: number; psnr: number | null; survives8bit: boolean };
  adversarialUrl?: string;
  differenceUrl?: string;
}

const percent = (p: number) => `${(p * 100).toFixed(1)} %`;

/** The model's display name ("SqueezeNet 1.1"); the id for a model no longer in the table. */
const modelName = (id: string) => (Object.hasOwn(MODELS, id) ? MODELS[id].info.name : id);

function predictionTable(caption: string, predictions: Prediction[]) {
  return html`<table><caption>${caption}</caption>
<tr><th>class</th><th>probability</th></tr>
${predictions.map((p) => html`<tr><td>${p.index} ${p.name}</td><td>${percent(p.probability)}</td></tr>`)}
</table>`;
}

function figure(src: string, caption: string) {
  return html`<figure><img src="${src}" alt="${caption}" width="224" height="224"><figcaption>${caption}</figcaption></figure>`;
}

/** What the link preview shows: the card, or on older results the picture itself (its size unknown here). */
type Preview = Pick<PageMeta, 'image' | 'imageAlt' | 'imageSize'>;

function preview(doc: ShareDocument, cardAlt: string, image: string, imageAlt: string): Preview {
  return doc.cardUrl ? { image: doc.cardUrl, imageAlt: cardAlt, imageSize: SHARE_CARD_SIZE } : { image, imageAlt };
}

/** What the page says in one line, and the picture a link preview shows. */
function summary(doc: ShareDocument): { title: string; description: string } & Preview {
  const model = modelName(doc.model);
  if (doc.kind === 'saliency' && doc.maps?.length) {
    const top = doc.predictions?.[0];
    const name = doc.maps[0].class.name;
    return {
      title: `What ${model} looks at for “${name}”`,
      description: top ? `Saliency map; the network says ${top.name} (${percent(top.probability)}).` : 'Saliency map.',
      ...preview(
        doc,
        `Saliency map of ${model} for “${name}” beside the input image.`,
        doc.maps[0].overlayUrl,
        `Saliency map of ${model} for “${name}” over the input image.`,
      ),
    };
  }
  if (doc.kind === 'adversarial' && doc.report && doc.adversarialUrl) {
    const before = doc.report.before[0]?.name ?? '?';
    const after = doc.report.after[0]?.name ?? '?';
    return {
      title: `Adversarial example: ${before} → ${after}`,
      description: `A ${doc.report.success ? 'successful' : 'failed'} attack; largest pixel change ${doc.report.linf.toFixed(1)} of 255.`,
      ...preview(
        doc,
        `The input image, which ${model} classifies as “${before}”, beside the adversarial image it classifies as “${after}”.`,
        doc.adversarialUrl,
        `Adversarial image that ${model} classifies as “${after}”.`,
      ),
    };
  }
  const top = doc.predictions?.[0];
  const name = top?.name ?? 'unknown';
  return {
    title: `${model} says: ${name}`,
    description: top ? `Top prediction ${top.name} (${percent(top.probability)}).` : 'Prediction.',
    ...preview(
      doc,
      `The input image, which ${model} classifies as “${name}”, with the class and its probability.`,
      doc.inputUrl,
      `The input image, which ${model} classifies as “${name}”.`,
    ),
  };
}

/** The parameters a site page takes from its URL query, in the vocabulary's names (web/src/lib/query.ts). */
const SITE_PARAMETERS = {
  saliency: ['method', 'class', 'topK', 'samples', 'noise', 'steps', 'seed', 'fit'],
  adversarial: ['attack', 'target', 'epsilon', 'learningRate', 'fit'],
  // A prediction's topK counts predictions, not maps: only the fit carries over.
  predict: ['fit'],
} as const;

/**
 * The site's page that runs the same request on a visitor's own image. The API's single step
 * (`normalized-step`) opens the site's iterative attack, of which it is one step; `lr` is `learningRate`.
 */
export function rerunLink(doc: Pick<ShareDocument, 'kind' | 'parameters'>): string {
  const page = doc.kind === 'adversarial' ? 'adversarial' : 'saliency';
  const given: Record<string, unknown> = { ...doc.parameters };
  if (page === 'adversarial') {
    given.learningRate ??= given.lr;
    given.attack = given.attack === 'normalized-step' ? 'fool' : 'fgsm';
  }
  const query = new URLSearchParams();
  for (const name of SITE_PARAMETERS[doc.kind]) {
    const value = given[name];
    if (value !== undefined && value !== null && value !== '') query.set(name, String(value));
  }
  const search = query.toString();
  return `/${page}${search ? `?${search}` : ''}`;
}

export function sharePage(doc: ShareDocument) {
  const { title, description, ...linkPreview } = summary(doc);
  const pictures = [figure(doc.inputUrl, 'input (as the model saw it)')];
  for (const map of doc.maps ?? []) pictures.push(figure(map.overlayUrl, `saliency for ${map.class.index} ${map.class.name}`));
  if (doc.adversarialUrl) pictures.push(figure(doc.adversarialUrl, 'adversarial image'));
  if (doc.differenceUrl) pictures.push(figure(doc.differenceUrl, 'difference ×10'));
  const tables = doc.report
    ? [predictionTable('before', doc.report.before), predictionTable('after', doc.report.after)]
    : doc.predictions
      ? [predictionTable('predictions', doc.predictions)]
      : [];
  const parameters = Object.entries(doc.parameters).filter(([, v]) => v !== undefined);
  return page(
    { title, description, url: doc.shareUrl, ...linkPreview },
    html`<h1>${title}</h1>
<p>${description}</p>
<div class="images">${pictures}</div>
${tables}
<h2>Parameters</h2>
<ul>${parameters.map(([k, v]) => html`<li><code>${k}</code> = ${String(v)}</li>`)}</ul>
<p><small>Result ${doc.id}, created ${doc.createdAt}.</small></p>
<p><a class="button" href="${rerunLink(doc)}">Run it on your own image</a> <a href="/result/${doc.id}">Open this result in gradlens</a></p>`,
  );
}

export function notFoundPage(what: string) {
  return page(
    { title: 'Not found · gradlens', description: `${what} does not exist or has expired.` },
    html`<h1>Not found</h1><p>${what} does not exist or has expired.</p><a class="button" href="/">Open gradlens</a>`,
  );
}
