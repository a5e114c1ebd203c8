/**
 * The buttons for an order's next moves, exactly those the API allows (`allowedNext`). Each one asks for
 * confirmation in a dialog, collects what the move needs (carrier and tracking number, delivery date, a
 * reason), shows progress, and puts the API's answer where it belongs: a field error beside the field, a 409
 * in the dialog. On success the page shows the order the API returned at once.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useCallback, useState } from 'react';
import { shippingMethod, shippingMethodCodes } from '../../../../src/orders/shipping.ts';
import {
  type AdminOrderDetail,
  isApiError,
  keys,
  type OrderAction,
  runOrderAction,
} from '../../lib/admin-api.ts';
import { Button, type ButtonVariant } from '../ui/Button.tsx';
import { Input, Textarea } from '../ui/Input.tsx';
import { Toast } from '../ui/Notice.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { formatUsd, startOfLocalDay, todayInput } from './format.ts';
import { errorMessage } from './QueryState.tsx';

type Kind = 'mark-paid' | 'ship' | 'deliver' | 'untraceable' | 'complete' | 'cancel';

interface ActionSpec {
  kind: Kind;
  button: string;
  variant: ButtonVariant;
  title: string;
  confirm: string;
  done: string;
}

function specsFor(order: AdminOrderDetail): ActionSpec[] {
  const specs: ActionSpec[] = [];
  for (const next of order.allowedNext) {
    if (next === 'paid')
      specs.push({
        kind: 'mark-paid',
        button: 'Mark paid',
        variant: 'primary',
        title: `Mark ${order.reference} as paid?`,
        confirm: 'Mark paid',
        done: 'Marked as paid.',
      });
    if (next === 'shipped')
      specs.push({
        kind: 'ship',
        button: 'Ship',
        variant: 'primary',
        title: `Ship ${order.reference}`,
        confirm: 'Mark shipped',
        done: 'Marked as shipped. The customer has been emailed.',
      });
    if (next === 'delivered')
      specs.push(
        {
          kind: 'deliver',
          button: 'Mark delivered',
          variant: 'primary',
          title: `Mark ${order.reference} as delivered?`,
          confirm: 'Mark delivered',
          done: 'Marked as delivered.',
        },
        {
          kind: 'untraceable',
          button: 'Delivery not traceable',
          variant: 'secondary',
          title: `Record that ${order.reference}’s delivery can’t be traced?`,
          confirm: 'Record as not traceable',
          done: 'Recorded: the delivery is not traceable.',
        },
      );
    if (next === 'completed')
      specs.push({
        kind: 'complete',
        button: 'Complete',
        variant: 'primary',
        title: `Complete ${order.reference}?`,
        confirm: 'Complete order',
        done: 'Order completed.',
      });
    if (next === 'cancelled')
      specs.push({
        kind: 'cancel',
        button: 'Cancel order',
        variant: 'danger',
        title: `Cancel ${order.reference}?`,
        confirm: 'Cancel order',
        done: cancelConsequence(order).includes('refunded to')
          ? 'Order cancelled. The refund is shown under Payment.'
          : cancelConsequence(order).includes('owed back')
            ? 'Order cancelled. Make the refund transfer, then enter its reference under Payment.'
            : 'Order cancelled.',
      });
  }
  return specs;
}

/** What cancelling does to the money, said before staff confirm (the server decides the same way). */
function cancelConsequence(order: AdminOrderDetail): string {
  const payment = order.payments[0];
  const taken = payment && (payment.status === 'captured' || payment.status === 'partially_refunded');
  if (!taken) return 'The stock is put back. No money was taken, so nothing is refunded.';
  const amount = formatUsd(payment.amountCents);
  return payment.provider === 'bank_transfer'
    ? `The stock is put back, and ${amount} is owed back to the customer: you make the transfer and enter its reference here.`
    : `The stock is put back, and ${amount} is refunded to the customer’s card through the card processor.`;
}

interface FormValues {
  carrier: string;
  trackingNumber: string;
  deliveredOn: string;
  reason: string;
}

const emptyForm = (): FormValues => ({
  carrier: '',
  trackingNumber: '',
  deliveredOn: todayInput(),
  reason: '',
});

function actionOf(kind: Kind, values: FormValues): OrderAction {
  switch (kind) {
    case 'ship':
      return {
        kind: 'ship',
        body: { carrier: values.carrier.trim(), trackingNumber: values.trackingNumber.trim() || undefined },
      };
    case 'deliver': {
      // Today: "now". An earlier day: its noon, so the date shown is that day in any nearby time zone.
      const today = values.deliveredOn === todayInput();
      const noon = startOfLocalDay(values.deliveredOn);
      const at = noon ? new Date(new Date(noon).getTime() + 12 * 3600_000).toISOString() : undefined;
      return { kind: 'deliver', body: today || !at ? {} : { deliveredAt: at } };
    }
    case 'untraceable':
      return { kind: 'deliver', body: { untraceable: true } };
    case 'cancel':
      return { kind: 'cancel', body: { reason: values.reason.trim() } };
    case 'mark-paid':
      return { kind: 'mark-paid' };
    case 'complete':
      return { kind: 'complete' };
  }
}

/** Each dialog's fields by the name the API gives them in errors, with the label the dialog shows. */
const fieldLabels: Partial<Record<Kind, Record<string, string>>> = {
  ship: { carrier: 'Carrier', trackingNumber: 'Tracking number' },
  deliver: { deliveredAt: 'Delivered on' },
  cancel: { reason: 'Reason' },
};

/** Whether the order travels by a tracked service, which needs a tracking number to ship. */
function isTracked(order: AdminOrderDetail): boolean {
  const code = shippingMethodCodes.find((c) => c === order.shippingMethod.code);
  return code ? shippingMethod(code, 0).tracked : false;
}

/** Field errors found before sending: what the API would refuse anyway. */
function checkLocally(kind: Kind, values: FormValues, tracked: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  if (kind === 'ship' && !values.carrier.trim()) errors.carrier = 'Enter the carrier, such as UPS';
  if (kind === 'ship' && tracked && !values.trackingNumber.trim())
    errors.trackingNumber = 'Enter the tracking number: this order goes by a tracked service';
  if (kind === 'cancel' && !values.reason.trim()) errors.reason = 'Say why the order is cancelled';
  if (kind === 'deliver') {
    if (!values.deliveredOn) errors.deliveredAt = 'Choose the delivery date';
    else if (values.deliveredOn > todayInput())
      errors.deliveredAt = 'The delivery date can’t be in the future';
  }
  return errors;
}

export function OrderActions({ order }: { order: AdminOrderDetail }) {
  const client = useQueryClient();
  const [open, setOpen] = useState<ActionSpec | null>(null);
  const [values, setValues] = useState<FormValues>(emptyForm);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const dismiss = useCallback(() => setDone(null), []);
  const tracked = isTracked(order);

  const mutation = useMutation({
    mutationFn: (action: OrderAction) => runOrderAction(order.id, action),
    onSuccess: (updated) => {
      client.setQueryData(keys.order(order.id), updated);
      void client.invalidateQueries({ queryKey: keys.orders });
      void client.invalidateQueries({ queryKey: keys.mail });
      setDone(open?.done ?? 'Done.');
      setOpen(null);
    },
    onError: (error) => {
      const label = isApiError(error) && error.field ? labelOf(error.field) : undefined;
      if (isApiError(error) && error.field && label && error.status === 400) {
        setFieldErrors({ [error.field]: error.messageFor(label) });
      }
      // Someone else moved the order meanwhile: show what it is now behind the dialog.
      if (isApiError(error, 409)) void client.invalidateQueries({ queryKey: keys.order(order.id) });
    },
  });

  // No early return when no move is left: the dialog of the move just refused (409) must stay to say why.
  const specs = specsFor(order);
  /** The label of a field the open dialog shows, or undefined when it shows no such field. */
  function labelOf(field: string): string | undefined {
    return open ? fieldLabels[open.kind]?.[field] : undefined;
  }

  function start(spec: ActionSpec) {
    mutation.reset();
    setFieldErrors({});
    setValues(emptyForm());
    setDone(null);
    setOpen(spec);
  }

  function confirm() {
    if (!open) return;
    const local = checkLocally(open.kind, values, tracked);
    setFieldErrors(local);
    if (Object.keys(local).length > 0) {
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>('dialog [aria-invalid="true"]')?.focus(),
      );
      return;
    }
    mutation.mutate(actionOf(open.kind, values));
  }

  // A refusal about a field the dialog shows stands beside that field; any other stands in the dialog.
  const besideField =
    isApiError(mutation.error) &&
    mutation.error.status === 400 &&
    mutation.error.field !== undefined &&
    labelOf(mutation.error.field) !== undefined;
  const dialogError = mutation.isError && !besideField ? errorMessage(mutation.error) : null;
  /** Updates a field; its message goes as soon as it is corrected, the others' stay until the next try. */
  const set = (name: keyof FormValues) => (event: { target: { value: string } }) => {
    const next = { ...values, [name]: event.target.value };
    setValues(next);
    const key = name === 'deliveredOn' ? 'deliveredAt' : name;
    if (!open || !fieldErrors[key] || checkLocally(open.kind, next, tracked)[key]) return;
    setFieldErrors(({ [key]: _fixed, ...rest }) => rest);
  };

  let fields: ReactNode = null;
  let description: ReactNode = null;
  switch (open?.kind) {
    case 'mark-paid':
      description = (
        <p>
          Only when the bank transfer of {formatUsd(order.totals.totalCents)} with reference{' '}
          <strong className="text-gray-900">{order.reference}</strong> is in the shop’s account.
        </p>
      );
      break;
    case 'ship':
      description = <p>The customer is emailed the carrier and tracking number.</p>;
      fields = (
        <>
          <Input
            label="Carrier"
            name="carrier"
            required
            autoComplete="off"
            value={values.carrier}
            onChange={set('carrier')}
            error={fieldErrors.carrier}
            placeholder="e.g. UPS"
          />
          <Input
            label={tracked ? 'Tracking number' : 'Tracking number (optional)'}
            name="trackingNumber"
            required={tracked}
            autoComplete="off"
            hint={
              tracked
                ? `${order.shippingMethod.name} is a tracked service: the customer follows the parcel with this number.`
                : `${order.shippingMethod.name} may travel untracked; add the number if the post office gave one.`
            }
            value={values.trackingNumber}
            onChange={set('trackingNumber')}
            error={fieldErrors.trackingNumber}
          />
        </>
      );
      break;
    case 'deliver':
      description = <p>The after-sales periods count from the delivery date.</p>;
      fields = (
        <Input
          label="Delivered on"
          name="deliveredOn"
          type="date"
          required
          max={todayInput()}
          value={values.deliveredOn}
          onChange={set('deliveredOn')}
          error={fieldErrors.deliveredAt}
        />
      );
      break;
    case 'untraceable':
      description = (
        <p>
          Use this when the carrier can’t confirm the delivery. The order is marked delivered without a date,
          and the after-sales periods follow the shop’s rule for untraceable deliveries.
        </p>
      );
      break;
    case 'complete':
      description = <p>The order is closed. This can’t be undone.</p>;
      break;
    case 'cancel':
      description = <p>{cancelConsequence(order)} This can’t be undone.</p>;
      fields = (
        <Textarea
          label="Reason"
          name="reason"
          required
          rows={3}
          maxLength={500}
          value={values.reason}
          onChange={set('reason')}
          error={fieldErrors.reason}
          hint="Kept in the order’s timeline."
        />
      );
      break;
    default:
      break;
  }

  return (
    <>
      {specs.length > 0 ? (
        <div className="flex flex-wrap gap-2">
          {specs.map((spec) => (
            <Button key={spec.kind} variant={spec.variant} onClick={() => start(spec)}>
              {spec.button}
            </Button>
          ))}
        </div>
      ) : null}
      <ConfirmDialog
        open={open !== null}
        title={open?.title ?? ''}
        description={description}
        confirmLabel={open?.confirm ?? ''}
        confirmVariant={open?.kind === 'cancel' ? 'danger' : 'primary'}
        busy={mutation.isPending}
        error={dialogError}
        onConfirm={confirm}
        onClose={() => setOpen(null)}
      >
        {fields}
      </ConfirmDialog>
      {done ? <Toast tone="success" title={done} autoHideMs={8000} onDismiss={dismiss} /> : null}
    </>
  );
}
