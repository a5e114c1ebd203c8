/**
 * /admin/settings: the shop's identity (SH-SOC-1): its name and tagline, primary colour, logo and links to its
 * social networks, saved together. Every staff member sees them; only the owner can change them, so anyone
 * else gets the same fields read-only. The checks here only make the messages friendly and immediate: the
 * API decides, and a field it refuses is shown at that field.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { MetaFunction } from 'react-router';
import { socialNetworkLabels } from '../../../../src/settings/social.ts';
import { themeFor } from '../../../../src/settings/theme.ts';
import { focusFirstInvalid } from '../../components/admin/focus.ts';
import { adminMeta } from '../../components/admin/meta.ts';
import type { FieldErrors } from '../../components/admin/product-form.ts';
import { errorMessage, LoadError, Loading, Panel } from '../../components/admin/QueryState.tsx';
import { Button, ButtonLink } from '../../components/ui/Button.tsx';
import { cx } from '../../components/ui/cx.ts';
import { controlClasses, Field } from '../../components/ui/Field.tsx';
import { Input, Textarea } from '../../components/ui/Input.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import {
  getSession,
  getShopSettings,
  isApiError,
  keys,
  type ShopSettings,
  type SocialNetwork,
  saveShopSettings,
} from '../../lib/admin-api.ts';

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, 'Shop settings');

/** An address of each network's usual form, shown as the field's example, in the order the form lists them. */
const examples = {
  instagram: 'https://www.instagram.com/yourshop',
  facebook: 'https://www.facebook.com/yourshop',
  tiktok: 'https://www.tiktok.com/@yourshop',
  youtube: 'https://www.youtube.com/@yourshop',
  x: 'https://x.com/yourshop',
  linkedin: 'https://www.linkedin.com/company/yourshop',
  mastodon: 'https://mastodon.social/@yourshop',
  bluesky: 'https://bsky.app/profile/yourshop.com',
} satisfies Record<SocialNetwork, string>;
const networkOrder = Object.keys(examples) as SocialNetwork[];

const NAME_MAX = 60;
const TAGLINE_MAX = 160;
const URL_MAX = 500;
const HEX = /^#[0-9a-f]{6}$/i;

/** The form as typed: strings only, so nothing typed is ever lost to a conversion. */
interface Draft {
  name: string;
  tagline: string;
  primaryColor: string;
  logoUrl: string;
  social: Record<SocialNetwork, string>;
}

function draftOf(settings: ShopSettings): Draft {
  const social = Object.fromEntries(networkOrder.map((n) => [n, ''])) as Record<SocialNetwork, string>;
  for (const link of settings.social) social[link.network] = link.url;
  return {
    name: settings.name,
    tagline: settings.tagline,
    primaryColor: settings.primaryColor,
    logoUrl: settings.logoUrl ?? '',
    social,
  };
}

/** `0f766e` and `#0f7` are taken for `#0f766e` and `#00ff77`; anything else is left as typed. */
function normaliseColour(text: string): string {
  const value = text.trim();
  const bare = value.startsWith('#') ? value.slice(1) : value;
  if (/^[0-9a-f]{3}$/i.test(bare)) return `#${[...bare].map((c) => c + c).join('')}`.toLowerCase();
  if (/^[0-9a-f]{6}$/i.test(bare)) return `#${bare}`.toLowerCase();
  return value;
}

function httpsProblem(value: string, example: string): string | null {
  if (/^http:\/\//i.test(value)) return 'Use the secure address: https:// instead of http://';
  const url = URL.canParse(value) ? new URL(value) : null;
  if (url?.protocol !== 'https:' || !url.hostname.includes('.')) {
    return `Enter a full https:// address, e.g. ${example}`;
  }
  if (value.length > URL_MAX) return `Use at most ${URL_MAX} characters`;
  return null;
}

/** The body the API takes, and every problem found, keyed like the form's fields (`social.instagram`). */
function settingsBody(draft: Draft): { body: ShopSettings; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const name = draft.name.trim();
  if (!name) errors.name = 'Enter the shop’s name';
  else if (name.length > NAME_MAX) errors.name = `Use at most ${NAME_MAX} characters`;
  const tagline = draft.tagline.trim();
  if (tagline.length > TAGLINE_MAX) errors.tagline = `Use at most ${TAGLINE_MAX} characters`;
  const primaryColor = normaliseColour(draft.primaryColor);
  if (!HEX.test(primaryColor)) {
    errors.primaryColor = 'Enter the colour as # and six hex digits, e.g. #0f766e, or pick it';
  }
  const logo = draft.logoUrl.trim();
  if (logo.startsWith('/')) {
    if (logo.startsWith('//')) errors.logoUrl = 'A path on this site starts with a single /, e.g. /logo.svg';
    else if (logo.length > URL_MAX) errors.logoUrl = `Use at most ${URL_MAX} characters`;
  } else if (logo) {
    const problem = httpsProblem(logo, 'https://cdn.example.com/logo.svg');
    if (problem) errors.logoUrl = problem;
  }
  const social: ShopSettings['social'] = [];
  for (const network of networkOrder) {
    const url = draft.social[network].trim();
    if (!url) continue;
    const problem = httpsProblem(url, examples[network]);
    if (problem) errors[`social.${network}`] = problem;
    social.push({ network, url });
  }
  return { body: { name, tagline, primaryColor, logoUrl: logo || null, social }, errors };
}

/** The API names a link by its place in the list it was sent (`social.0.url`); the form, by network. */
function formField(field: string, sent: ShopSettings): string | null {
  const link = /^social\.(\d+)(?:\.|$)/.exec(field);
  if (link) {
    const network = sent.social[Number(link[1])]?.network;
    return network ? `social.${network}` : null;
  }
  return ['name', 'tagline', 'primaryColor', 'logoUrl'].includes(field) ? field : null;
}

const fieldId = (key: string) => `settings-${key.replace('.', '-')}`;

export default function SettingsPage() {
  const settings = useQuery({ queryKey: keys.shopSettings, queryFn: getShopSettings });
  const session = useQuery({ queryKey: keys.session, queryFn: getSession, staleTime: 5 * 60_000 });
  const header = (
    <PageHeader
      title="Shop settings"
      description="The shop’s name, colour, logo and social links, as customers see them on every page."
      actions={
        <ButtonLink to="/" variant="secondary" reloadDocument>
          View the shop
        </ButtonLink>
      }
    />
  );

  if (settings.isPending || settings.isError) {
    return (
      <>
        {header}
        {settings.isPending ? (
          <Loading label="Loading the settings" />
        ) : (
          <LoadError error={settings.error} what="the settings" onRetry={() => settings.refetch()} />
        )}
      </>
    );
  }
  return (
    <>
      {header}
      <SettingsForm settings={settings.data} canEdit={session.data?.role === 'owner'} />
    </>
  );
}

function SettingsForm({ settings, canEdit }: { settings: ShopSettings; canEdit: boolean }) {
  const client = useQueryClient();
  const [draft, setDraft] = useState(() => draftOf(settings));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: (body: ShopSettings) => saveShopSettings(body),
    onSuccess: (saved) => {
      client.setQueryData(keys.shopSettings, saved);
      setDraft(draftOf(saved));
      setErrors({});
      setMessage('Settings saved. The shop shows them from its next page on.');
    },
    onError: (error, sent) => {
      const field = isApiError(error) && error.field ? formField(error.field, sent) : null;
      if (field && isApiError(error)) {
        setErrors({ [field]: error.fieldMessage });
        focusFirstInvalid();
      } else {
        setFormError(errorMessage(error));
      }
    },
  });

  /** A field's message goes as soon as its new value passes the check the next save makes. */
  const change = (next: Draft, key: string) => {
    setDraft(next);
    if (!errors[key] || settingsBody(next).errors[key]) return;
    setErrors(({ [key]: _fixed, ...rest }) => rest);
  };
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => change({ ...draft, [key]: value }, key);
  const setLink = (network: SocialNetwork, url: string) =>
    change({ ...draft, social: { ...draft.social, [network]: url } }, `social.${network}`);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    setFormError(null);
    const { body, errors: found } = settingsBody(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid();
      return;
    }
    if (JSON.stringify(body) === JSON.stringify(settingsBody(draftOf(settings)).body)) {
      setMessage('Nothing to save: no field was changed.');
      return;
    }
    save.mutate(body);
  }

  const typedColour = normaliseColour(draft.primaryColor);
  const colour = HEX.test(typedColour) ? typedColour : settings.primaryColor;
  const theme = themeFor(colour);
  const errorCount = Object.keys(errors).length;
  const readOnly = !canEdit;

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      {readOnly ? (
        <Notice title="Only the owner can change these settings">
          You can see them here; ask the shop’s owner for a change.
        </Notice>
      ) : null}
      {errorCount > 0 ? (
        <Notice tone="danger" title="Some fields need a look">
          {errorCount === 1 ? 'One field is' : `${errorCount} fields are`} marked below. Nothing was saved.
        </Notice>
      ) : null}

      <Panel title="Name and tagline">
        <div className="grid gap-4">
          <Input
            id={fieldId('name')}
            label="Shop name"
            hint="In the header, the footer, page titles and emails."
            required
            maxLength={NAME_MAX}
            autoComplete="organization"
            value={draft.name}
            onChange={(e) => set('name', e.target.value)}
            error={errors.name}
            readOnly={readOnly}
          />
          <Textarea
            id={fieldId('tagline')}
            rows={3}
            label="Tagline"
            hint={`One sentence under the name in the footer, up to ${TAGLINE_MAX} characters.`}
            maxLength={TAGLINE_MAX}
            value={draft.tagline}
            onChange={(e) => set('tagline', e.target.value)}
            error={errors.tagline}
            readOnly={readOnly}
          />
        </div>
      </Panel>

      <Panel title="Colour">
        <div className="grid gap-4 md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] md:items-start">
          <Field
            id={fieldId('primaryColor')}
            label="Primary colour"
            hint="Buttons, links and highlights. Pick it, or type it as # and six hex digits."
            error={errors.primaryColor}
          >
            {(control) => (
              <div className="flex gap-3">
                <label htmlFor={fieldId('picker')} className="sr-only">
                  Pick the primary colour
                </label>
                <input
                  id={fieldId('picker')}
                  type="color"
                  value={colour}
                  onChange={(e) => set('primaryColor', e.target.value)}
                  disabled={readOnly}
                  className="h-11 w-14 shrink-0 cursor-pointer rounded-lg border border-gray-400 bg-surface p-1 disabled:cursor-not-allowed"
                />
                <input
                  {...control}
                  className={cx(controlClasses(Boolean(errors.primaryColor)), 'min-w-0 flex-1 font-mono')}
                  spellCheck={false}
                  autoCapitalize="off"
                  autoComplete="off"
                  maxLength={20}
                  value={draft.primaryColor}
                  onChange={(e) => set('primaryColor', e.target.value)}
                  onBlur={(e) => set('primaryColor', normaliseColour(e.target.value))}
                  readOnly={readOnly}
                />
              </div>
            )}
          </Field>
          <ColourPreview colour={colour} onPrimary={theme.onPrimary} ink={theme.primaryInk} />
        </div>
      </Panel>

      <Panel title="Logo">
        <Input
          id={fieldId('logoUrl')}
          label="Logo address"
          hint="An https:// address, or a path on this site such as /media/logo.svg. Leave it blank to show the built-in mark."
          inputMode="url"
          spellCheck={false}
          autoCapitalize="off"
          maxLength={URL_MAX}
          placeholder="Built-in mark"
          value={draft.logoUrl}
          onChange={(e) => set('logoUrl', e.target.value)}
          error={errors.logoUrl}
          readOnly={readOnly}
        />
      </Panel>

      <Panel title="Social links">
        <p className="mb-4 text-sm text-muted">
          Shown under “Follow us” in the footer of every page. Leave a network blank to leave it out.
        </p>
        <div className="grid gap-4 md:grid-cols-2">
          {networkOrder.map((network) => (
            <Input
              key={network}
              id={fieldId(`social.${network}`)}
              label={socialNetworkLabels[network]}
              type="url"
              inputMode="url"
              spellCheck={false}
              autoCapitalize="off"
              maxLength={URL_MAX}
              placeholder={examples[network]}
              value={draft.social[network]}
              onChange={(e) => setLink(network, e.target.value)}
              error={errors[`social.${network}`]}
              readOnly={readOnly}
            />
          ))}
        </div>
      </Panel>

      {formError ? (
        <Notice tone="danger" title="The settings were not saved">
          {formError}
        </Notice>
      ) : null}
      {canEdit ? (
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-end">
          <div role="status" className="text-sm sm:mr-auto">
            {message ? <span className="text-green-800">{message}</span> : null}
          </div>
          <Button type="submit" busy={save.isPending}>
            Save settings
          </Button>
        </div>
      ) : null}
    </form>
  );
}

/** How the colour looks in the shop: a button in it, and a link in its readable ink. */
function ColourPreview({ colour, onPrimary, ink }: { colour: string; onPrimary: string; ink: string }) {
  return (
    <figure className="flex flex-col gap-2">
      <figcaption className="font-medium text-gray-900">Preview</figcaption>
      <div className="flex flex-wrap items-center gap-4 rounded-lg border border-line bg-white p-4">
        <span
          aria-hidden="true"
          className="size-11 shrink-0 rounded-full border border-line"
          style={{ backgroundColor: colour }}
        />
        <span
          className="inline-flex min-h-11 items-center rounded-lg px-4 font-semibold"
          style={{ backgroundColor: colour, color: onPrimary }}
        >
          Add to cart
        </span>
        <span className="font-medium underline" style={{ color: ink }}>
          A link in the shop
        </span>
        <span className="w-full font-mono text-sm text-muted">{colour}</span>
      </div>
    </figure>
  );
}
