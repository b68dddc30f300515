// Lightpath answers every error as {"detail": "…"} plus "fields" ({name: [problems]}) when a form
// field is at fault. Pages show `detail` at the top and each field's problems next to the field.
export type FieldProblems = Record<string, string[]>;

export class ApiError extends Error {
  constructor(readonly status: number, readonly detail: string, readonly fields: FieldProblems = {}) {
    super(detail);
  }
}

export function toApiError(status: number, body: unknown): ApiError {
  const object = (typeof body === 'object' && body !== null ? body : {}) as { detail?: unknown; fields?: unknown };
  const detail = typeof object.detail === 'string' ? object.detail : `The server answered ${status}.`;
  const fields: FieldProblems = {};
  if (typeof object.fields === 'object' && object.fields !== null) {
    for (const [name, problems] of Object.entries(object.fields as Record<string, unknown>)) {
      fields[name] = Array.isArray(problems) ? problems.map(String) : [String(problems)];
    }
  }
  return new ApiError(status, detail, fields);
}

/** Any thrown value as an ApiError, so forms can always show something. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, error instanceof Error ? error.message : String(error));
}
