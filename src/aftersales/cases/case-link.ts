/**
 * The customer's case page address: the order's signed link token (the capability, as on the order page) and
 * the case's RMA reference, which is no personal data. Used by the emails and the storefront.
 */
export function casePagePath(token: string, reference: string): string {
  return `/orders/case?token=${encodeURIComponent(token)}&ref=${encodeURIComponent(reference)}`;
}

export function casePageUrl(publicUrl: string, token: string, reference: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${casePagePath(token, reference)}`;
}

/** The claim page of an order (issue 10 point 1), behind the same signed link. */
export function claimPagePath(token: string): string {
  return `/orders/claim?token=${encodeURIComponent(token)}`;
}

/** A case's page in the back office (staff only: the address gives nothing without a staff session). */
export function adminCaseUrl(publicUrl: string, caseId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/admin/cases/${encodeURIComponent(caseId)}`;
}

/** The back office's queue of cases past their deadline, soonest first. */
export function overdueQueueUrl(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/admin/cases?deadline=overdue&order=deadline%3Aasc`;
}
