-- Results belong to their requester. What identical requests share is the computation (its document
-- and its R2 files); every request gets a result of its own (id, delete token, creation time, expiry)
-- that refers to one. A computation goes only when no result refers to it any more.

CREATE TABLE computations (
  -- 128 bits of randomness, base64url; never the cache key, so a delete cannot race a re-create.
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('predict', 'saliency', 'adversarial')),
  model TEXT NOT NULL,
  -- SHA-256 of (image bytes hash, kind, model, parameters, code revision): identical requests share it.
  cache_key TEXT NOT NULL,
  -- The fields every result of it shows (JSON, URLs relative to the site). File URLs have "{id}" where
  -- each result puts its own id: /api/v1/results/{id}/files/input.png.
  document TEXT NOT NULL,
  -- R2 key prefix of its files, ending in "/": computations/<id>/, or results/<id>/ for results stored
  -- before this migration.
  artifact_prefix TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

-- Each existing result becomes a computation of its own, under the same id, whose files stay where
-- they are; its document loses the fields that now belong to the result.
INSERT INTO computations (id, kind, model, cache_key, document, artifact_prefix, created_at)
SELECT
  id,
  kind,
  model,
  cache_key,
  json_remove(
    replace(document, '"/api/v1/results/' || id || '/files/', '"/api/v1/results/{id}/files/'),
    '$.id', '$.resultUrl', '$.shareUrl', '$.createdAt', '$.expiresAt'
  ),
  'results/' || id || '/',
  created_at
FROM results;

CREATE TABLE results_per_requester (
  -- 128 bits of randomness, base64url.
  id TEXT PRIMARY KEY,
  computation_id TEXT NOT NULL REFERENCES computations (id),
  -- SHA-256 (hex) of the delete token handed out once, at creation.
  delete_token_sha256 TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);

INSERT INTO results_per_requester (id, computation_id, delete_token_sha256, created_at, expires_at)
SELECT id, id, delete_token_sha256, created_at, expires_at FROM results;

DROP TABLE results;
ALTER TABLE results_per_requester RENAME TO results;

CREATE INDEX results_by_expiry ON results (expires_at);
CREATE INDEX results_by_computation ON results (computation_id);
CREATE INDEX computations_by_cache_key ON computations (cache_key, created_at);
