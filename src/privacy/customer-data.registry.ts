/**
 * Every feature's data about a customer, in the order the deletion runs them (the account row last: the
 * others find their rows through it). To add a table about customers, write its `CustomerDataEntry` in the
 * feature's folder and add it here; the export file and the deletion follow (see data-subject.ts).
 */
import { addressBookData } from '../accounts/customers/addresses/customer-data.ts';
import { profileData, securityEventData, signInData } from '../accounts/customers/customer-data.ts';
import { passkeyData } from '../accounts/passkeys/customer-data.ts';
import { caseData, questionData } from '../aftersales/customer-data.ts';
import { mailData } from '../messaging/customer-data.ts';
import { newsletterData } from '../messaging/newsletter/customer-data.ts';
import { orderData } from '../orders/customer-data.ts';
import type { CustomerDataEntry } from './data-subject.ts';

export const customerDataRegistry: readonly CustomerDataEntry[] = [
  caseData,
  questionData,
  orderData,
  mailData,
  newsletterData,
  securityEventData,
  signInData,
  addressBookData,
  passkeyData,
  profileData,
];
