import type { ReactNode } from 'react';
import { Form, useNavigation } from 'react-router';
import { Button } from '../ui/Button.tsx';
import { Notice } from '../ui/Notice.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export interface EmailLinkPageProps {
  title: string;
  description?: string;
  /** The token from the link, posted back by the button (the page's loader read it from the address). */
  token: string;
  /** The service's words when the link was refused (expired, used, replaced); the form is then gone. */
  linkError: string | null | undefined;
  /** What to do about a refused link: how long links work and where to get a new one. */
  whenRefused: ReactNode;
  /** Below the refusal: a way on (a link to sign in). */
  afterRefusal?: ReactNode;
  submitLabel: string;
  /** The form's accessible name, when its fields need one. */
  formLabel?: string;
  /** The form's fields besides the token (a new password), or what the button will do. */
  children: ReactNode;
}

/**
 * The page an emailed account link opens (verify the address, confirm a new one, choose a new password):
 * opening it changes nothing, since mail scanners open links; its button posts the token. A refused link
 * says why and what to do instead. Works without JavaScript.
 */
export function EmailLinkPage({
  title,
  description,
  token,
  linkError,
  whenRefused,
  afterRefusal,
  submitLabel,
  formLabel,
  children,
}: EmailLinkPageProps) {
  const navigation = useNavigation();
  return (
    <div className="mx-auto max-w-lg space-y-5">
      <PageHeader title={title} description={linkError ? undefined : description} />
      {linkError ? (
        <>
          <Notice tone="danger" title="This link no longer works">
            <p>{linkError.replace(/\.?$/, '.')}</p>
            <p className="mt-2">{whenRefused}</p>
          </Notice>
          {afterRefusal}
        </>
      ) : (
        <Form
          method="post"
          noValidate
          aria-label={formLabel}
          className="space-y-4 rounded-xl bg-surface p-5 ring-1 ring-line sm:p-6"
        >
          <input type="hidden" name="token" value={token} />
          {children}
          <Button type="submit" block busy={navigation.state === 'submitting'}>
            {submitLabel}
          </Button>
        </Form>
      )}
    </div>
  );
}
