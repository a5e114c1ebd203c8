/**
 * The after-sales pages' server side: the same service functions as /api/orders/by-link/:token/claims, cases
 * and messages, so a page and the API always give the same answer.
 */
export { assessClaims } from '../../../src/aftersales/cases/assess-claims.service.ts';
export { customerMoveCase } from '../../../src/aftersales/cases/case-action.service.ts';
export { caseActions, isOpenCase } from '../../../src/aftersales/cases/case-lifecycle.ts';
export { casePagePath, claimPagePath } from '../../../src/aftersales/cases/case-link.ts';
export { postCustomerMessage } from '../../../src/aftersales/cases/case-messages.service.ts';
export { messageText } from '../../../src/aftersales/cases/conversation.schemas.ts';
export { customerCasePage } from '../../../src/aftersales/cases/customer-case.service.ts';
export { openClaims } from '../../../src/aftersales/cases/open-claims.service.ts';
export { orderCases } from '../../../src/aftersales/cases/order-cases.service.ts';
export { askQuestions } from '../../../src/aftersales/cases/questions.service.ts';
export { partsQuoteTerms } from '../../../src/aftersales/remedies/parts-quote.ts';
