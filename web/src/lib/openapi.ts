/** Just enough of an OpenAPI 3 document to list operations for the API page. */
export interface OpenApiDocument {
  openapi?: string;
  info?: { title?: string; version?: string; description?: string };
  paths?: Record<string, Record<string, OpenApiOperation | unknown>>;
}

interface OpenApiOperation {
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; required?: boolean; description?: string }[];
  requestBody?: { content?: Record<string, unknown> };
  responses?: Record<string, { description?: string }>;
}

export interface OperationView {
  method: string;
  path: string;
  anchor: string;
  summary?: string;
  description?: string;
  parameters: { name: string; in: string; required: boolean; description?: string }[];
  requestTypes: string[];
  responses: { status: string; description: string }[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function operationsOf(doc: OpenApiDocument): OperationView[] {
  const views: OperationView[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item?.[method] as OpenApiOperation | undefined;
      if (!op || typeof op !== 'object') continue;
      views.push({
        method,
        path,
        anchor: `${method}-${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}`,
        summary: op.summary,
        description: op.description,
        parameters: (op.parameters ?? []).map((p) => ({ name: p.name, in: p.in, required: Boolean(p.required), description: p.description })),
        requestTypes: Object.keys(op.requestBody?.content ?? {}),
        responses: Object.entries(op.responses ?? {}).map(([status, r]) => ({ status, description: r?.description ?? '' })),
      });
    }
  }
  return views;
}
