// Steps of the post-session survey a person takes in the browser, shared with the cross-area
// journey: open the link MxDC was given (no login), rate, comment, send, and see the thanks.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { assertAccessible } from './web-app.ts';

/** The ratings answerSurvey gives unless told otherwise: area name → the radio's name. */
export const SURVEY_RATINGS: Record<string, string> = {
  'Beamline control software': '+2 excellent',
  'Sample automounter': '−1 poor',
};

/**
 * Answers the survey at `surveyUrl` (the `survey` link of MxDC's launch answer) in `page`, which
 * need not be logged in: rates each area given, writes a comment, asks to be contacted, sends it,
 * and waits for the thanks. Checks accessibility of the form and of the thanks.
 */
export async function answerSurvey(page: Page, surveyUrl: string, options: { ratings?: Record<string, string>; comment?: string } = {}): Promise<void> {
  const ratings = options.ratings ?? SURVEY_RATINGS;
  await page.goto(surveyUrl);
  await page.getByRole('heading', { name: /^Feedback on session / }).waitFor();
  await assertAccessible(page, 'survey form');
  for (const [area, choice] of Object.entries(ratings)) {
    await page.getByRole('radiogroup', { name: area }).getByRole('radio', { name: choice }).check();
  }
  await page.getByLabel('Comments').fill(options.comment ?? 'The automounter jammed once; staff fixed it quickly.');
  await page.getByRole('checkbox', { name: /contact me about this session/ }).check();
  await page.getByRole('button', { name: 'Send feedback' }).click();
  const thanks = page.getByRole('status').filter({ hasText: 'Thank you!' });
  await thanks.waitFor();
  assert.match(await thanks.innerText(), /has been recorded/);
  await assertAccessible(page, 'survey thanks');
}
