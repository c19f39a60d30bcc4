import { resolve } from 'node:path';
import { expect, Page, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

/*
 * 200% zoom and a 1024 px window: the team page and the account page fit their width
 * (only code blocks scroll, inside themselves) and nothing on them overlaps. A 1280 × 800
 * window at 200% zoom lays the page out in 640 × 400 CSS pixels; that viewport gives the
 * same layout (only the screenshot's resolution differs). The screenshots are kept in docs/;
 * `UPDATE_DOCS_SCREENSHOTS=1` retakes them there.
 */

/** docs/ when retaking the kept screenshots (UPDATE_DOCS_SCREENSHOTS=1), else the test's output. */
const screenshotPath = (file: string) =>
  process.env.UPDATE_DOCS_SCREENSHOTS
    ? resolve(__dirname, '../../docs', file)
    : test.info().outputPath(file);

const layouts = [
  { name: 'zoom-200', viewport: { width: 640, height: 400 } },
  { name: 'width-1024', viewport: { width: 1024, height: 768 } },
];

/** Each view with the part the screenshot shows: the toolbar and the first profile blocks. */
const views = [
  {
    name: 'team',
    path: '/aws-access?team=group%3Adefault%2Fpayments',
    shown: 'Set up this machine',
  },
  {
    name: 'account',
    path: '/aws-access/accounts/605112784586',
    shown: 'Copy profile payments-prod-ReadOnlyAccess',
  },
];

/**
 * What does not fit: the page scrolls sideways, or an element ends outside the window, or
 * two visible controls or texts overlap. Code blocks and text fields count as one box each
 * (code scrolls inside), and an element is compared only with elements outside it.
 */
function layoutProblems(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) {
      problems.push(
        `the page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`,
      );
    }
    const main = document.querySelector('main') ?? document.body;
    // A text field (label, input and border drawn over each other) is one box, like a code block.
    const whole = 'pre, [class*="MuiFormControl-root"]';
    const selector = `${whole}, button, a, input, [role="button"], h1, h2, h3, h4, h5, h6, p, label, [class*="MuiChip-root"]`;
    const boxes = [...main.querySelectorAll<HTMLElement>(selector)]
      .filter(el => !el.parentElement?.closest(whole))
      .map(el => ({ el, rect: el.getBoundingClientRect() }))
      .filter(({ rect }) => rect.width > 0 && rect.height > 0);
    const name = (el: HTMLElement) =>
      `${el.tagName.toLowerCase()} "${(
        el.getAttribute('aria-label') ??
        el.textContent ??
        ''
      )
        .trim()
        .slice(0, 40)}"`;
    for (const { el, rect } of boxes) {
      if (rect.right > root.clientWidth + 1) {
        problems.push(`${name(el)} ends at ${Math.round(rect.right)} px`);
      }
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        // A tolerance of one pixel for borders that touch.
        const overlapX =
          Math.min(a.rect.right, b.rect.right) -
          Math.max(a.rect.left, b.rect.left);
        const overlapY =
          Math.min(a.rect.bottom, b.rect.bottom) -
          Math.max(a.rect.top, b.rect.top);
        if (overlapX > 1 && overlapY > 1) {
          problems.push(`${name(a.el)} overlaps ${name(b.el)}`);
        }
      }
    }
    return problems;
  });
}

test('at 200% zoom and 1024 px wide the AWS Access views fit without overlaps', async ({
  page,
}) => {
  await signInAsGuest(page);
  for (const layout of layouts) {
    await page.setViewportSize(layout.viewport);
    for (const view of views) {
      await page.goto(view.path);
      await expect(
        page.getByText(/Account 6051127845\d\d/).first(),
      ).toBeVisible();
      expect(
        await layoutProblems(page),
        `${view.name} at ${layout.name}`,
      ).toEqual([]);
      await page
        .getByRole('button', { name: view.shown })
        .scrollIntoViewIfNeeded();
      await page.screenshot({
        path: screenshotPath(`a11y-${view.name}-${layout.name}.png`),
      });
    }
  }
});
