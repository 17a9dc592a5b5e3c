/**
 * Absolute URLs are built on PUBLIC_ORIGIN (here helpers.ts's ORIGIN, see vitest.config.ts), never on
 * the Host the request names: in production the request URL's host is the client's Host header.
 */
import { SELF, createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { LOCAL_PUBLIC_ORIGIN, publicOrigin } from '../../functions/config.ts';
import { app } from '../../functions/index.ts';
import { ORIGIN, expectProblem, reference } from './helpers.ts';
import { urlsOf } from './storage-helpers.ts';

const EVIL = 'https://evil.example';

/** A request whose URL, Host and forwarding headers all name another site. */
function spoofed(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('Host', 'evil.example');
  headers.set('X-Forwarded-Host', 'evil.example');
  headers.set('X-Forwarded-Proto', 'http');
  headers.set('CF-Connecting-IP', crypto.randomUUID());
  return SELF.fetch(`${EVIL}${path}`, { ...init, headers });
}

describe('PUBLIC_ORIGIN', () => {
  it('is read as an origin; unset means local development, anything with a path is refused', () => {
    expect(publicOrigin(undefined)).toBe(LOCAL_PUBLIC_ORIGIN);
    expect(publicOrigin('')).toBe('http://localhost:8787');
    expect(publicOrigin('https://gradlens.example')).toBe('https://gradlens.example');
    expect(publicOrigin('https://gradlens.example/')).toBe('https://gradlens.example');
    expect(publicOrigin('HTTPS://GradLens.Example:443')).toBe('https://gradlens.example');
    expect(publicOrigin('http://127.0.0.1:8799')).toBe('http://127.0.0.1:8799');
    for (const bad of ['gradlens.example', 'ftp://gradlens.example', 'https://gradlens.example/app', 'https://gradlens.example?', 'https://gradlens.example#top', 'https://user:pw@gradlens.example']) {
      expect(() => publicOrigin(bad), bad).toThrow(/PUBLIC_ORIGIN must be an http\(s\) origin/);
    }
  });

  it('makes a misconfigured deployment fail loudly rather than hand out links elsewhere', async () => {
    const ctx = createExecutionContext();
    const response = await app.fetch(new Request(`${ORIGIN}/api/v1/models`), { ...env, PUBLIC_ORIGIN: 'https://gradlens.example/app' }, ctx);
    await waitOnExecutionContext(ctx);
    await expectProblem(response, 500);
  });

  it('a spoofed Host changes no URL in the JSON, Location or the share page', async () => {
    const created = await spoofed('/api/v1/saliency', { method: 'POST', headers: { 'Content-Type': 'image/png' }, body: reference('05_soap_dispenser.png') as BodyInit });
    expect(created.status).toBe(201);
    const doc = (await created.json()) as { id: string; shareUrl: string; resultUrl: string; cardUrl: string };
    expect(created.headers.get('Location')).toBe(`${ORIGIN}/api/v1/results/${doc.id}`);
    const urls = urlsOf(doc);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith(`${ORIGIN}/`), url).toBe(true);
    expect(doc.resultUrl).toBe(`${ORIGIN}/api/v1/results/${doc.id}`);

    const stored = await spoofed(`/api/v1/results/${doc.id}`);
    expect(stored.status).toBe(200);
    for (const url of urlsOf(await stored.json())) expect(url.startsWith(`${ORIGIN}/`), url).toBe(true);

    const share = await spoofed(`/r/${doc.id}`);
    expect(share.status).toBe(200);
    const html = await share.text();
    expect(html).not.toContain('evil.example');
    expect(html).toContain(`<meta property="og:url" content="${ORIGIN}/r/${doc.id}">`);
    expect(html).toContain(`<meta property="og:image" content="${doc.cardUrl}">`);

    const { models } = (await (await spoofed('/api/v1/models')).json()) as { models: { classesUrl: string }[] };
    for (const model of models) expect(model.classesUrl.startsWith(`${ORIGIN}/api/v1/models/`)).toBe(true);
  });
});
