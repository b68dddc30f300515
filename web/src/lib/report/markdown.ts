// Report descriptions and notes are Markdown written by processing programs. Raw HTML in them is
// shown as text, never as markup, and the HTML Markdown makes is sanitised as well: no script, no
// event handlers, no javascript: links, no inline styles; links open safely in a new tab. Images
// are dropped (pages may only load Lightpath's own files).
import { Marked } from 'marked';
import DOMPurify from 'dompurify';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const marked = new Marked({ gfm: true, async: false });
marked.use({ renderer: { html: ({ text, block }) => (block ? `<p>${escape(text)}</p>` : escape(text)) } });

// A private instance, so these rules never leak into other parts of the app.
const purifier = DOMPurify(window);
purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer nofollow');
  }
});

export function renderMarkdown(text: string): string {
  return purifier.sanitize(marked.parse(text) as string, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['img', 'style'],
    FORBID_ATTR: ['style'],
  });
}
