/** After a failed submit: the first control marked invalid gets the focus, so the person lands on it. */
export function focusFirstInvalid(root: ParentNode = document): void {
  requestAnimationFrame(() => root.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
