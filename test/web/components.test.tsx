import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../web/src/app.tsx';
import { ClassPicker } from '../../web/src/components/ClassPicker.tsx';
import { EngineStatus } from '../../web/src/components/EngineStatus.tsx';
import { Message } from '../../web/src/components/Message.tsx';
import { PredictionBars } from '../../web/src/components/PredictionBars.tsx';
import { ProbabilityCurve } from '../../web/src/components/ProbabilityCurve.tsx';
import { appStore, initialState } from '../../web/src/state/app.ts';
import { setInputFromFile } from '../../web/src/state/input.ts';

let root: HTMLElement;

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  appStore.set(initialState({ name: 'home' }));
});

afterEach(() => {
  render(null, root);
  root.remove();
});

const mount = (node: preact.ComponentChild) => act(() => render(node, root));

describe('PredictionBars', () => {
  it('lists classes with probabilities and bar widths', async () => {
    await mount(
      <PredictionBars
        predictions={[
          { index: 958, name: 'hay', probability: 0.949, score: 22 },
          { index: 347, name: 'bison', probability: 0.023, score: 18 },
        ]}
      />,
    );
    const items = root.querySelectorAll('li');
    expect(items).toHaveLength(2);
    expect(root.querySelector('[data-testid=top1]')!.textContent).toContain('hay');
    expect(items[0].textContent).toContain('94.9%');
    expect((items[0].querySelector('.bar-fill') as HTMLElement).style.width).toBe('94.9%');
  });
});

describe('ClassPicker', () => {
  it('filters by the search text and reports the chosen class', async () => {
    let chosen = -1;
    await mount(<ClassPicker id="t" label="Class" value={76} onChange={(i) => (chosen = i)} />);
    const search = root.querySelector('input[type=search]') as HTMLInputElement;
    const select = root.querySelector('select') as HTMLSelectElement;
    expect(root.querySelector('label')!.getAttribute('for')).toBe('t-search');
    await act(() => {
      search.value = 'hay';
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const values = [...select.options].map((o) => o.value);
    expect(values).toContain('958');
    await act(() => {
      search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    expect(chosen).toBe(958);
  });
});

describe('EngineStatus', () => {
  const info = {
    modelId: 'squeezenet1_1',
    modelName: 'SqueezeNet 1.1',
    inputSize: 224,
    classNames: ['tench', 'goldfish'],
    dtype: 'float32' as const,
    backend: 'wasm' as const,
    probes: [],
    threads: 2,
    warmupMs: 300,
    skipped: [
      { name: 'webgpu' as const, reason: 'software adapter only (fallback adapter: google swiftshader), slower than WebAssembly' },
      { name: 'webgl' as const, reason: 'no float32 render targets on this device, so WebGL would compute in half precision' },
    ],
  };

  it('names the active backend and shows why each preferred one is not used', async () => {
    await act(() => appStore.set({ engine: { ...appStore.get().engine, status: 'ready', info } }));
    await mount(<EngineStatus />);
    expect(root.querySelector('[data-testid=backend-active]')!.textContent).toBe('Active: WebAssembly · 2 threads');
    const reasons = [...root.querySelectorAll('[data-testid=backend-skipped] li')].map((li) => li.textContent);
    expect(reasons).toEqual([`WebGPU: ${info.skipped[0].reason}`, `WebGL: ${info.skipped[1].reason}`]);
    expect(root.querySelector('[data-testid=backend-skipped] summary')!.textContent).toBe('Why not WebGPU or WebGL?');
    expect(root.querySelector('[data-testid=forced-failed]')).toBeNull();
  });

  it('says so when a forced backend failed, and offers the automatic choice', async () => {
    await act(() => appStore.set({ engine: { ...appStore.get().engine, status: 'ready', choice: 'webgl', info } }));
    await mount(<EngineStatus />);
    const alert = root.querySelector('[data-testid=forced-failed]')!;
    expect(alert.textContent).toContain('WebGL cannot run the model here: no float32 render targets');
    expect(alert.textContent).toContain('Running on WebAssembly instead.');
    expect(alert.querySelector('button')!.textContent).toBe('Use automatic choice');
  });
});

describe('Message', () => {
  it('announces errors with their hint', async () => {
    await mount(<Message message={{ code: 'image/corrupt', message: 'This file cannot be read.', hint: 'Try a PNG.' }} />);
    const alert = root.querySelector('[role=alert]')!;
    expect(alert.textContent).toContain('This file cannot be read.');
    expect(alert.textContent).toContain('Try a PNG.');
  });
});

describe('ProbabilityCurve', () => {
  it('draws one point per step and describes the last value', async () => {
    await mount(<ProbabilityCurve values={[0, 0.5, 0.9]} label="P" />);
    expect(root.querySelector('polyline')!.getAttribute('points')!.split(' ')).toHaveLength(3);
    expect(root.querySelector('svg')!.getAttribute('aria-label')).toContain('90.0% after 3 steps');
  });
});

describe('App', () => {
  it('renders the page of the current route with navigation', async () => {
    await mount(<App />);
    expect(root.querySelector('h1')!.textContent).toContain('How does a CNN see');
    await act(() => appStore.set({ route: { name: 'not-found', path: '/nope' } }));
    expect(root.querySelector('h1')!.textContent).toBe('Not found');
    expect(root.querySelectorAll('nav a')).toHaveLength(5);
  });

  it('shows a readable message for a corrupt upload instead of failing', async () => {
    await act(() => appStore.set({ route: { name: 'api-docs' } }));
    await setInputFromFile(new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], { type: 'image/png' }), 'broken.png');
    const state = appStore.get();
    expect(state.input).toBeNull();
    expect(state.inputError?.code).toMatch(/^image\//);
    expect(state.inputBusy).toBe(false);
  });
});
