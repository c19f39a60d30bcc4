import { expect, Locator, Page } from '@playwright/test';

/**
 * Whether the focused element shows that it has focus: an outline, a box shadow, or Material
 * UI's keyboard-focus class (its buttons, list items and checkboxes draw a ripple or a
 * background for it; a text field's border changes). Returns a description of the element for failure messages.
 */
function focusState(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) {
      return { focused: false, visible: false, what: 'nothing' };
    }
    const style = getComputedStyle(element);
    const outline =
      style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none';
    const muiFocus =
      /focusVisible/.test(element.className?.toString() ?? '') ||
      // A text field's outline thickens and takes the primary colour.
      element.parentElement?.className.toString().includes('Mui-focused');
    const what = `${element.tagName.toLowerCase()} "${(
      element.getAttribute('aria-label') ??
      element.textContent ??
      ''
    ).slice(0, 60)}"`;
    return {
      focused: true,
      visible: outline || shadow || Boolean(muiFocus),
      what,
    };
  });
}

/**
 * Presses Tab (Shift+Tab with `backwards`) until `target` has focus, checking at every stop
 * that something has focus and shows it. Fails after `maxPresses`.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  { maxPresses = 80, backwards = false } = {},
) {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const state = await focusState(page);
    expect(state.focused, 'Tab leaves focus on the page').toBe(true);
    expect(state.visible, `focus is visible on ${state.what}`).toBe(true);
    if (await target.evaluate(el => el === document.activeElement)) {
      await expect(target).toBeInViewport();
      return;
    }
  }
  throw new Error(`${target} not reached with ${maxPresses} Tab presses`);
}
