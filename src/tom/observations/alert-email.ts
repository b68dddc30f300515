// The email an observation alert sends: the original's subject and sentence, then absolute links
// to the web app's pages — the target's (/targets/<pk>/, as tom_education), the observation's,
// the newest timelapse and the page of the process that made it (/pipeline/<pk>) — as plain text
// and as HTML. Everything put into the HTML is escaped.
export interface AlertEmailInput {
  targetName: string;
  targetUrl: string;
  /** Absolute URL of the observation's page. */
  observationUrl: string;
  /** Absolute URL of the newest timelapse; null when the target has none. */
  timelapseUrl: string | null;
  /** Absolute URL of the page of the process that made it; null when unknown. */
  pipelineUrl: string | null;
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
  const links: Array<[string, string]> = [['Target', input.targetUrl], ['Observation', input.observationUrl]];
  if (input.timelapseUrl) links.push(['Timelapse', input.timelapseUrl]);
  if (input.timelapseUrl && input.pipelineUrl) links.push(['How the timelapse was made', input.pipelineUrl]);
  const text = `${sentence}.\n\n${links.map(([label, url]) => `${label}: ${url}`).join('\n')}\n`;
  const html = '<!DOCTYPE html>\n<html><body>\n'
    + `<p>${escapeHtml(sentence)}.</p>\n<ul>\n`
    + links.map(([label, url]) => `<li>${label}: <a href="${escapeHtml(url)}">${escapeHtml(url)}</a></li>\n`).join('')
    + '</ul>\n</body></html>\n';
  return { subject: `Observation for '${name}' has new data`, text, html };
}
