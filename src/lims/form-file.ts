// The one file of a multipart/form-data upload (RFC 7578), as a browser form or `curl -F
// file=@samples.csv` sends it. The body is already in memory, held to the route's body limit, so
// this only has to find the part's bounds; a form that is not exactly one part is refused.
import { badRequest } from '../platform/http/errors.ts';

export interface FormFile {
  /** The form field's name. */
  field: string;
  filename: string | null;
  bytes: Buffer;
}

/** Headers of one part are a line or three; more than this is not a form a browser sends. */
const MAX_PART_HEADERS = 8 * 1024;

/** The boundary parameter of a multipart Content-Type (RFC 2046: 1 to 70 characters). */
export function boundaryOf(contentType: string): string {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))\s*(?:;|$)/i.exec(contentType);
  if (!match) throw badRequest('A multipart/form-data upload needs a boundary parameter in its Content-Type.');
  return match[1] ?? match[2];
}

export function singleFormFile(body: Buffer, boundary: string): FormFile {
  const delimiter = Buffer.from(`--${boundary}`);
  // The first delimiter may follow a preamble, which is ignored.
  let at = body.subarray(0, delimiter.length).equals(delimiter) ? 0 : body.indexOf(Buffer.from(`\r\n--${boundary}`));
  if (at < 0) throw badRequest('The multipart form does not contain its boundary; send one file field.');
  if (at > 0) at += 2;
  const parts: Buffer[] = [];
  const next = Buffer.from(`\r\n--${boundary}`);
  for (let start = at + delimiter.length; ;) {
    if (body.subarray(start, start + 2).toString('latin1') === '--') break;
    if (body.subarray(start, start + 2).toString('latin1') !== '\r\n') throw badRequest('The multipart form is malformed: a boundary is not followed by a line break.');
    const end = body.indexOf(next, start + 2);
    if (end < 0) throw badRequest('The multipart form is cut short: its closing boundary is missing.');
    parts.push(body.subarray(start + 2, end));
    if (parts.length > 1) break;
    start = end + next.length;
  }
  if (parts.length !== 1) {
    throw badRequest(`The form must hold exactly one field, the CSV file; it has ${parts.length === 0 ? 'none' : 'more than one'}.`);
  }
  return readPart(parts[0]);
}

function readPart(part: Buffer): FormFile {
  const headerEnd = part.indexOf('\r\n\r\n');
  const headerText = headerEnd < 0 ? '' : part.subarray(0, headerEnd).toString('utf8');
  if (headerEnd < 0 || headerEnd > MAX_PART_HEADERS) throw badRequest('The multipart form is malformed: the file part has no header block.');
  const disposition = headerText.split('\r\n').find((line) => /^content-disposition\s*:/i.test(line));
  if (!disposition || !/:\s*form-data\s*(;|$)/i.test(disposition)) {
    throw badRequest('The multipart form is malformed: its part has no "Content-Disposition: form-data" header.');
  }
  const param = (name: string) => new RegExp(`;\\s*${name}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(disposition)?.[1]?.replace(/\\(.)/g, '$1') ?? null;
  return { field: param('name') ?? '', filename: param('filename'), bytes: part.subarray(headerEnd + 4) };
}
