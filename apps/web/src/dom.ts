/** The page's element for `selector`; a missing one is a bug in index.html, thrown at once. */
export const $ = <T extends Element = HTMLElement>(selector: string): T => {
  const el = document.querySelector<T>(selector);
  if (!el) throw new Error(`missing ${selector}`);
  return el;
};
