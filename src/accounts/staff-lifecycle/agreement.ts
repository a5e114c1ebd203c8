/**
 * PV-STF-3: the confidentiality agreement every member reads and accepts before their first use of the back
 * office. The text lives here with its version: changing what it says means raising `version`, and every
 * member then accepts again before anything else answers (the guard in ../guard.ts refuses with 403).
 */
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { Conflict, ValidationError } from '../../shared/errors.ts';
import { staffUsers } from '../schema.ts';
import type { StaffPrincipal } from '../staff.service.ts';
import { agreementVersionProblem } from './lifecycle.rules.ts';

export const CONFIDENTIALITY_AGREEMENT = {
  version: 1,
  title: 'Confidentiality agreement',
  paragraphs: [
    'The back office shows the personal data of the shop’s customers: names, addresses, email addresses, phone numbers, orders, payments, photos and messages about their cases. You may use it only to do your work for the shop: to handle orders, returns, repairs, refunds and questions.',
    'You keep it confidential, during your work for the shop and after it ends. You do not copy it out of the back office, forward it, photograph it or talk about it with anyone who does not need it for their work for the shop.',
    'You keep your sign-in to yourself: your password and your authenticator app are yours alone. You sign out on a shared computer, and you tell the owner at once if you think someone else used your account or saw data they should not have.',
    'What you do in the back office is recorded (sign-ins, changes, who handled which case) so that the shop can answer its customers and the law.',
    'Breaking this agreement can end your access at once and may have legal consequences.',
  ],
} as const;

export interface AgreementView {
  version: number;
  title: string;
  paragraphs: readonly string[];
  /** The version this member accepted last, or null. */
  acceptedVersion: number | null;
  /** ISO 8601, when they accepted it. */
  acceptedAt: string | null;
}

/** The current agreement and what the member accepted of it. */
export async function agreementFor(
  ctx: Pick<AppContext, 'db'>,
  staff: StaffPrincipal,
): Promise<AgreementView> {
  const [row] = await ctx.db
    .select({ version: staffUsers.agreementVersion, at: staffUsers.agreementAcceptedAt })
    .from(staffUsers)
    .where(eq(staffUsers.id, staff.id));
  const { version, title, paragraphs } = CONFIDENTIALITY_AGREEMENT;
  return {
    version,
    title,
    paragraphs,
    acceptedVersion: row?.version ?? null,
    acceptedAt: row?.at?.toISOString() ?? null,
  };
}

/**
 * PV-STF-3: records that the member accepted `version` of the agreement now. The version is the one the member
 * read: when the text changed since (an older version), 409 and nothing is recorded, so nobody accepts a text
 * they did not see; a version that never existed is a 400 naming `version`. Accepting the version already
 * accepted keeps the first time.
 */
export async function acceptAgreement(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  staff: StaffPrincipal,
  version: number,
): Promise<{ version: number; acceptedAt: string }> {
  const problem = agreementVersionProblem(version, CONFIDENTIALITY_AGREEMENT.version);
  if (problem === 'unknown') {
    throw new ValidationError([
      {
        field: 'version',
        message: `there is no version ${version} of the agreement: reload it and read it again`,
      },
    ]);
  }
  if (problem === 'stale') {
    throw new Conflict('The agreement changed while you were reading it: read the new version and accept it');
  }
  await ctx.db
    .update(staffUsers)
    .set({ agreementVersion: version, agreementAcceptedAt: ctx.clock.now() })
    .where(
      and(
        eq(staffUsers.id, staff.id),
        or(isNull(staffUsers.agreementVersion), lt(staffUsers.agreementVersion, version)),
      ),
    );
  const view = await agreementFor(ctx, staff);
  return { version, acceptedAt: view.acceptedAt ?? ctx.clock.now().toISOString() };
}
