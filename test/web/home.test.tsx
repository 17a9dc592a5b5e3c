import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseExampleIndex } from '../../web/src/lib/examples.ts';
import { HomePage } from '../../web/src/pages/HomePage.tsx';

const INDEX = {
  stamp: { version: 1 },
  examples: [
    { method: 'input', file: 'input.png', width: 224, height: 224, caption: 'The input: “brown bear” (100.0%).', alt: 'A photo of two brown bears.' },
    { method: 'saliency-vanilla', file: 'saliency-vanilla.png', width: 224, height: 224, caption: 'Saliency (vanilla): where the gradient of “brown bear” is largest.', alt: 'Saliency map.' },
    { method: 'fgsm-adversarial', file: 'fgsm-adversarial.png', width: 224, height: 224, caption: 'FGSM: now “fur coat”.', alt: 'Attacked photo.' },
    { method: 'class-visualization', file: 'class-visualization.png', width: 224, height: 224, caption: 'Class visualization: “tarantula”.', alt: 'Tarantula image.' },
  ],
};

describe('parseExampleIndex', () => {
  it('reads the index written by npm run models, with the page each example comes from', () => {
    const examples = parseExampleIndex(INDEX);
    expect(examples.map((e) => [e.url, e.href])).toEqual([
      ['/examples/input.png', '/saliency'],
      ['/examples/saliency-vanilla.png', '/saliency'],
      ['/examples/fgsm-adversarial.png', '/adversarial'],
      ['/examples/class-visualization.png', '/classviz'],
    ]);
    expect(examples[1]).toMatchObject({ width: 224, height: 224, alt: 'Saliency map.', caption: expect.stringContaining('“brown bear”') });
  });

  it('tolerates other shapes and junk: a bare array, no sizes, no alt, unknown methods, no file', () => {
    const examples = parseExampleIndex([{ file: '/x/a.png', caption: ' A caption ', width: -3, height: 'big' }, { method: 'fgsm-difference', file: 'd.png' }, null, 7, { caption: 'no file' }]);
    expect(examples).toEqual([
      { method: '', url: '/x/a.png', width: 224, height: 224, caption: 'A caption', alt: 'A caption', href: '/' },
      { method: 'fgsm-difference', url: '/examples/d.png', width: 224, height: 224, caption: '', alt: '', href: '/adversarial' },
    ]);
    expect(parseExampleIndex('<!doctype html>')).toEqual([]);
    expect(parseExampleIndex(null)).toEqual([]);
    expect(parseExampleIndex({ examples: {} })).toEqual([]);
  });
});

describe('HomePage', () => {
  let root: HTMLElement;
  let consoleError: ReturnType<typeof vi.spyOn>;

  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
    consoleError = vi.spyOn(console, 'error');
  });

  afterEach(() => {
    render(null, root);
    root.remove();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  /** Renders the page and lets the index fetch settle. */
  async function mountWith(fetchIndex: (url: string) => Promise<Response>): Promise<ReturnType<typeof vi.fn>> {
    const fetchMock = vi.fn(fetchIndex);
    vi.stubGlobal('fetch', fetchMock);
    await act(() => render(<HomePage />, root));
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    return fetchMock;
  }

  it('shows one figure per example: image with size and alt text, caption, link to its page', async () => {
    const fetchMock = await mountWith(async () => new Response(JSON.stringify(INDEX), { headers: { 'Content-Type': 'application/json' } }));
    expect(fetchMock).toHaveBeenCalledWith('/examples/index.json');
    const figures = [...root.querySelectorAll('figure.example')];
    expect(figures).toHaveLength(4);
    const img = figures[1].querySelector('img')!;
    expect(img.getAttribute('src')).toBe('/examples/saliency-vanilla.png');
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['224', '224']);
    expect(img.getAttribute('alt')).toBe('Saliency map.');
    expect(figures[1].querySelector('figcaption')!.textContent).toBe('Saliency (vanilla): where the gradient of “brown bear” is largest.');
    expect(figures.map((f) => f.querySelector('a')!.getAttribute('href'))).toEqual(['/saliency', '/saliency', '/adversarial', '/classviz']);
    expect(root.querySelector('section.examples')!.getAttribute('aria-labelledby')).toBe('examples-heading');
    expect(root.querySelector('#examples-heading')!.textContent).toBe('What it shows');
    expect(root.querySelectorAll('.card')).toHaveLength(4);
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('without an index (404) shows the text only, with no error', async () => {
    await mountWith(async () => new Response('Not found', { status: 404 }));
    expect(root.querySelector('h1')!.textContent).toContain('How does a CNN see');
    expect(root.querySelectorAll('.card')).toHaveLength(4);
    expect(root.querySelector('section.examples')).toBeNull();
    expect(root.querySelectorAll('img')).toHaveLength(0);
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('with an empty index, HTML instead of JSON, or no network, shows the text only', async () => {
    for (const answer of [
      async () => new Response('{"examples":[]}'),
      async () => new Response('<!doctype html><title>gradlens</title>', { headers: { 'Content-Type': 'text/html' } }),
      async () => Promise.reject(new TypeError('Failed to fetch')),
    ]) {
      await mountWith(answer);
      expect(root.querySelector('section.examples')).toBeNull();
      expect(root.querySelector('h1')).not.toBeNull();
      render(null, root);
    }
    expect(consoleError).not.toHaveBeenCalled();
  });
});
