// The email an observation alert sends: the original's subject and sentence, then absolute links
// to the target's page (/targets/<pk>/, as tom_education) and to its newest timelapse, as plain
// text and as HTML. Everything put into the HTML is escaped.
export interface AlertEmailInput {
  targetName: string;
  targetUrl: string;
  /** Absolute URL of the newest timelapse; null when the target has none. */
  timelapseUrl: string | null;
}

export interface AlertEmail {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

export function alertEmail(input: AlertEmailInput): AlertEmail {
  const name = input.targetName;
  const sentence = input.timelapseUrl
    ? `Your observation for '${name}' has completed, and a timelapse is available`
    : `Your observation for '${name}' has completed`;
  const links: Array<[string, string]> = [['Target', input.targetUrl]];
  if (input.timelapseUrl) links.push(['Timelapse', input.timelapseUrl]);
  const text = `${sentence}.\n\n${links.map(([label, url]) => `${label}: ${url}`).join('\n')}\n`;
  const html = '<!DOCTYPE html>\n<html><body>\n'
    + `<p>${escapeHtml(sentence)}.</p>\n<ul>\n`
    + links.map(([label, url]) => `<li>${label}: <a href="${escapeHtml(url)}">${escapeHtml(url)}</a></li>\n`).join('')
    + '</ul>\n</body></html>\n';
  return { subject: `Observation for '${name}' has new data`, text, html };
}
