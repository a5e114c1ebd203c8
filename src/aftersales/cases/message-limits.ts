/**
 * The longest message a person writes in a case's thread or a question, in characters. Its own module so the
 * storefront's browser code can read it without the schemas.
 */
export const MESSAGE_MAX_CHARS = 5000;
