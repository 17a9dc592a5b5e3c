import { useEffect, useState } from 'preact/hooks';
import { loadExamples, type Example } from '../lib/examples.ts';

/** Pictures precomputed by `npm run models`; each links to the page that makes it. */
function ExampleGrid({ examples }: { examples: Example[] }) {
  return (
    <section class="examples" aria-labelledby="examples-heading">
      <h2 id="examples-heading">What it shows</h2>
      <p class="muted">Computed by the same code this site runs, on SqueezeNet 1.1 with its real weights. Open one to try it on your own image.</p>
      <ul class="example-grid">
        {examples.map((example) => (
          <li key={example.url}>
            <figure class="example" data-method={example.method}>
              <a href={example.href}>
                <img src={example.url} width={example.width} height={example.height} alt={example.alt} decoding="async" />
              </a>
              <figcaption>{example.caption}</figcaption>
            </figure>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What the site does and where to start. */
export function HomePage() {
  const [examples, setExamples] = useState<Example[]>([]);
  useEffect(() => {
    let shown = true;
    void loadExamples().then((list) => shown && setExamples(list));
    return () => void (shown = false);
  }, []);
  return (
    <div class="page">
      <h1>How does a CNN see an image?</h1>
      <p class="lead">
        gradlens runs SqueezeNet 1.1 in your browser and asks it, with gradients, what it looks at. Nothing you upload leaves this
        page unless you press Share.
      </p>
      <div class="cards">
        <a class="card" href="/saliency">
          <h2>Saliency maps</h2>
          <p>Which pixels matter for a class: vanilla gradients, SmoothGrad, Integrated Gradients.</p>
        </a>
        <a class="card" href="/adversarial">
          <h2>Adversarial examples</h2>
          <p>Invisible changes that make the network see something else.</p>
        </a>
        <a class="card" href="/classviz">
          <h2>Class visualization</h2>
          <p>Grow an image from noise that the network finds maximally “tarantula”.</p>
        </a>
        <a class="card" href="/api-docs">
          <h2>HTTP API</h2>
          <p>The same methods on the server, with shareable results.</p>
        </a>
      </div>
      {/* Below the cards: the pictures arrive after the first paint and push nothing down. */}
      {examples.length > 0 ? <ExampleGrid examples={examples} /> : null}
    </div>
  );
}
