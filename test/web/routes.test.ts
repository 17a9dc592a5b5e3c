import { describe, expect, it } from 'vitest';
import { parseRoute, routeFromLocation, routePath } from '../../web/src/lib/routes.ts';

describe('parseRoute', () => {
  it('maps fixed paths, with or without a trailing slash', () => {
    expect(parseRoute('/')).toEqual({ name: 'home' });
    expect(parseRoute('/saliency')).toEqual({ name: 'saliency' });
    expect(parseRoute('/adversarial/')).toEqual({ name: 'adversarial' });
    expect(parseRoute('/classviz')).toEqual({ name: 'classviz' });
    expect(parseRoute('/api-docs')).toEqual({ name: 'api-docs' });
    expect(parseRoute('/compare')).toEqual({ name: 'compare' });
  });

  it('reads result ids and rejects malformed ones', () => {
    expect(parseRoute('/result/q3V0cGxhY2Vob2xkZXIwMQ')).toEqual({ name: 'result', id: 'q3V0cGxhY2Vob2xkZXIwMQ' });
    expect(parseRoute('/result/%E0%A4%A')).toEqual({ name: 'not-found', path: '/result/%E0%A4%A' });
    expect(parseRoute('/result/a.b')).toEqual({ name: 'not-found', path: '/result/a.b' });
    expect(parseRoute('/result/')).toEqual({ name: 'not-found', path: '/result/' });
  });

  it('round-trips through routePath', () => {
    for (const path of ['/', '/saliency', '/adversarial', '/classviz', '/compare', '/api-docs', '/result/abc_DEF-1']) {
      expect(routePath(parseRoute(path))).toBe(path);
    }
  });
});

describe('routeFromLocation', () => {
  it('opens a stored result from the share page link', () => {
    expect(routeFromLocation('/', '?mode=saliency&result=q3V0cGxhY2Vob2xkZXIwMQ&method=vanilla')).toEqual({ name: 'result', id: 'q3V0cGxhY2Vob2xkZXIwMQ' });
    expect(routeFromLocation('/', '?result=bad id')).toEqual({ name: 'home' });
    expect(routeFromLocation('/saliency', '?result=abc')).toEqual({ name: 'saliency' });
  });
});
