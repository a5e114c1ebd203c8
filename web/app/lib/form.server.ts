/**
 * How every page action reads its body. Browsers post forms as urlencoded or multipart; anything else (JSON,
 * plain text, a multipart body cut short) is a request the page cannot read, answered 415 or 400 through the
 * error page instead of a 500 from `request.formData()`.
 */
import { data } from 'react-router';

const formTypes = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);

/** Why a body could not be read as a form: the error page shows `message`. */
export interface UnreadableForm {
  message: string;
}

/**
 * The posted form. Throws a 415 response when the body is not a form (the content type names something
 * else), and a 400 when it claims to be one but cannot be parsed (a broken multipart body, no boundary).
 */
export async function readForm(request: Request): Promise<FormData> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!formTypes.has(type)) {
    throw data<UnreadableForm>(
      { message: 'This page only accepts a form sent from the page itself.' },
      { status: 415, statusText: 'Unsupported Media Type' },
    );
  }
  try {
    return await request.formData();
  } catch {
    throw data<UnreadableForm>(
      { message: 'The form arrived incomplete or garbled. Go back to the page and send it again.' },
      { status: 400, statusText: 'Bad Request' },
    );
  }
}
