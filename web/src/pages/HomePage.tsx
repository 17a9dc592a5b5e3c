/** What the site does and where to start. */
export function HomePage() {
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
    </div>
  );
}
