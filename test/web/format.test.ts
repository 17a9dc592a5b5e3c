import { describe, expect, it } from 'vitest';
import { formatBytes, formatNumber, formatPercent, parseNumberList } from '../../web/src/lib/format.ts';

describe('format', () => {
  it('formats probabilities, sizes and numbers', () => {
    expect(formatPercent(0.9489)).toBe('94.9%');
    expect(formatPercent(0.0001)).toBe('<0.1%');
    expect(formatPercent(NaN)).toBe('–');
    expect(formatBytes(4_946_160)).toBe('4.7 MB');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatNumber(1e-4)).toBe('1.0e-4');
    expect(formatNumber(12.3456)).toBe('12.3');
    expect(formatNumber(Infinity)).toBe('∞');
  });

  it('parses sweep axes', () => {
    expect(parseNumberList('1e-4, 1e-3,0.01')).toEqual([1e-4, 1e-3, 0.01]);
    expect(parseNumberList('10 25 50')).toEqual([10, 25, 50]);
    expect(parseNumberList('1, x')).toBeNull();
    expect(parseNumberList('')).toBeNull();
  });
});
