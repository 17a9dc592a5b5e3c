-- Stored results of the compute routes. Artifacts (images, maps) live in R2 under results/<id>/.
CREATE TABLE results (
  -- 128 bits of randomness, base64url.
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('predict', 'saliency', 'adversarial')),
  model TEXT NOT NULL,
  -- SHA-256 of (image bytes hash, kind, model, parameters, code revision): identical requests share it.
  cache_key TEXT NOT NULL,
  -- The public result document (JSON, URLs relative to the site).
  document TEXT NOT NULL,
  -- SHA-256 (hex) of the delete token handed out once, at creation.
  delete_token_sha256 TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);

CREATE INDEX results_by_cache_key ON results (cache_key, expires_at);
CREATE INDEX results_by_expiry ON results (expires_at);
