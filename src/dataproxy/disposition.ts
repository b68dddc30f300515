// Content-Disposition for archive downloads. Plain names keep MxLIVE's exact form
// ("attachment; filename=<name>.tar.gz"); anything else is quoted with an RFC 6266 UTF-8 twin,
// so no request can put a quote, separator or line break into the header.
const PLAIN = /^[\w\-+@=,~]+$/;

export function attachmentDisposition(fileName: string): string {
  if (PLAIN.test(fileName.replace(/\.tar\.gz$/, ''))) return `attachment; filename=${fileName}`;
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
