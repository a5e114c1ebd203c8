/**
 * /admin/products/:id: edit a product: its fields, its variants, each variant's stock, its images. Each block
 * saves on its own, so a change to one never sends stale values of another.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { type MetaFunction, useLocation, useParams } from 'react-router';
import { replaceVariantsSchema, updateProductSchema } from '../../../../src/catalog/schemas.ts';
import { ConfirmDialog } from '../../components/admin/ConfirmDialog.tsx';
import { focusFirstInvalid } from '../../components/admin/focus.ts';
import { adminMeta } from '../../components/admin/meta.ts';
import { ProductFields } from '../../components/admin/ProductFields.tsx';
import {
  type DetailsDraft,
  detailsBody,
  detailsOf,
  type FieldErrors,
  productLabel,
  type VariantRow,
  variantRowsOf,
  variantsBody,
  zodFieldErrors,
} from '../../components/admin/product-form.ts';
import { errorMessage, LoadError, Loading, Panel } from '../../components/admin/QueryState.tsx';
import { ProductStatusBadge } from '../../components/admin/StatusBadge.tsx';
import { VariantsEditor } from '../../components/admin/VariantsEditor.tsx';
import { Button, ButtonLink } from '../../components/ui/Button.tsx';
import { Input } from '../../components/ui/Input.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { Table, TBody, Td, THead, Th, Tr } from '../../components/ui/Table.tsx';
import {
  type AdminImage,
  type AdminProduct,
  addImage,
  changeStock,
  getProduct,
  isApiError,
  keys,
  removeImage,
  replaceVariants,
  updateProduct,
  uploadImage,
} from '../../lib/admin-api.ts';

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, 'Edit product');

const crumbs = [{ label: 'Products', to: '/admin/products' }];
/** The server's limit (src/media/images.ts), checked here so a too-large file is refused before it is sent. */
const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;

export default function ProductPage() {
  const { id = '' } = useParams();
  const product = useQuery({ queryKey: keys.product(id), queryFn: () => getProduct(id) });
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;

  if (product.isPending || product.isError) {
    return (
      <>
        <PageHeader title="Product" breadcrumbs={crumbs} />
        {product.isPending ? (
          <Loading label="Loading the product" />
        ) : (
          <LoadError error={product.error} what="this product" onRetry={() => product.refetch()} />
        )}
      </>
    );
  }
  const p = product.data;
  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {p.name}
            <ProductStatusBadge status={p.status} />
          </span>
        }
        breadcrumbs={crumbs}
        current={p.name}
        description={`${p.brand} · ${p.variants.length} ${p.variants.length === 1 ? 'variant' : 'variants'} · ${p.totalStock} in stock`}
        actions={
          p.status === 'active' ? (
            <ButtonLink to={`/products/${p.slug}`} variant="secondary" reloadDocument>
              View in the shop
            </ButtonLink>
          ) : undefined
        }
      />
      {created ? (
        <Notice tone="success" className="mb-4">
          Product created. It stays hidden from the shop until its status is Active.
        </Notice>
      ) : null}
      <div className="flex flex-col gap-4">
        <DetailsPanel key={`details-${p.id}`} product={p} />
        <VariantsPanel key={`variants-${p.id}`} product={p} />
        <StockPanel product={p} />
        <ImagesPanel product={p} />
      </div>
    </>
  );
}

function useProductSaved(productId: string) {
  const client = useQueryClient();
  return (product: AdminProduct) => {
    client.setQueryData(keys.product(productId), product);
    void client.invalidateQueries({ queryKey: keys.products });
  };
}

function changedFields(before: DetailsDraft, after: DetailsDraft) {
  const a = detailsBody(before);
  const b = detailsBody(after);
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(b) as Array<keyof typeof b>) {
    if (a[key] !== b[key]) changes[key] = b[key] ?? null;
  }
  return changes;
}

function DetailsPanel({ product }: { product: AdminProduct }) {
  const saved = useProductSaved(product.id);
  const [draft, setDraft] = useState(() => detailsOf(product));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (changes: Record<string, unknown>) => updateProduct(product.id, changes),
    onSuccess: (updated) => {
      saved(updated);
      setDraft(detailsOf(updated));
      setMessage('Details saved.');
    },
    onError: (error) => {
      if (isApiError(error) && error.field) {
        setErrors({ [error.field]: error.messageFor(productLabel(error.field)) });
        focusFirstInvalid();
      }
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    const changes = changedFields(detailsOf(product), draft);
    if (Object.keys(changes).length === 0) {
      setErrors({});
      setMessage('Nothing to save: no field was changed.');
      return;
    }
    const parsed = updateProductSchema.safeParse(changes);
    const found: FieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error);
    if (draft.specialWarranty && !draft.specialWarrantyTerms.trim()) {
      found.specialWarrantyTerms = 'Enter the special warranty terms: this product has a special warranty';
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid();
      return;
    }
    save.mutate(changes);
  }

  return (
    <Panel title="Details">
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <ProductFields draft={draft} onChange={setDraft} errors={errors} showSlug idPrefix="product" />
        <SaveRow
          busy={save.isPending}
          label="Save details"
          message={message}
          error={
            save.isError && !(isApiError(save.error) && save.error.field) ? errorMessage(save.error) : null
          }
        />
      </form>
    </Panel>
  );
}

function SaveRow({
  busy,
  label,
  message,
  error,
}: {
  busy: boolean;
  label: string;
  message: string | null;
  error: string | null;
}) {
  return (
    <div className="flex flex-col gap-3 border-t border-line pt-4 sm:flex-row sm:items-center sm:justify-end">
      <div role="status" className="text-sm sm:mr-auto">
        {error ? (
          <span className="font-medium text-red-700">{error}</span>
        ) : message ? (
          <span className="text-green-800">{message}</span>
        ) : null}
      </div>
      <Button type="submit" busy={busy}>
        {label}
      </Button>
    </div>
  );
}

function VariantsPanel({ product }: { product: AdminProduct }) {
  const saved = useProductSaved(product.id);
  const [rows, setRows] = useState<VariantRow[]>(() => variantRowsOf(product));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);

  // Stock changed through "Adjust stock" shows here too.
  useEffect(() => {
    const stock = new Map(product.variants.map((v) => [v.id, String(v.stock)]));
    setRows((current) =>
      current.map((r) => (r.id && stock.has(r.id) ? { ...r, stock: stock.get(r.id) as string } : r)),
    );
  }, [product.variants]);

  const save = useMutation({
    mutationFn: async (variants: ReturnType<typeof variantsBody>['variants']) =>
      // Existing variants keep their stock: units sold meanwhile are never given back by an edit. Stock
      // changes go through "Adjust stock".
      replaceVariants(product.id, {
        variants: variants.map(({ stock, ...v }) => (v.id ? v : { ...v, stock })),
      }),
    onSuccess: (updated) => {
      saved(updated);
      setRows(variantRowsOf(updated));
      setMessage('Variants saved.');
    },
    onError: (error) => {
      if (isApiError(error) && error.field) {
        setErrors({ [error.field]: error.messageFor(productLabel(error.field)) });
        focusFirstInvalid();
      }
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    const converted = variantsBody(rows);
    const parsed = replaceVariantsSchema.safeParse({ variants: converted.variants });
    const found = { ...(parsed.success ? {} : zodFieldErrors(parsed.error)), ...converted.errors };
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid();
      return;
    }
    save.mutate(converted.variants);
  }

  return (
    <Panel title="Variants">
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <p className="text-sm text-muted">
          Saving replaces the whole list: a variant removed here is deleted (one that has been ordered can’t
          be). The stock of existing variants changes under Stock, below.
        </p>
        <VariantsEditor rows={rows} onChange={setRows} errors={errors} idPrefix="product" lockExistingStock />
        <SaveRow
          busy={save.isPending}
          label="Save variants"
          message={message}
          error={
            save.isError && !(isApiError(save.error) && save.error.field) ? errorMessage(save.error) : null
          }
        />
      </form>
    </Panel>
  );
}

function StockPanel({ product }: { product: AdminProduct }) {
  return (
    <Panel title="Stock">
      <Table caption="Stock by variant" captionHidden>
        <THead>
          <Tr>
            <Th>Variant</Th>
            <Th numeric>In stock</Th>
            <Th>Adjust</Th>
          </Tr>
        </THead>
        <TBody>
          {product.variants.map((v) => (
            <Tr key={v.id}>
              <Td>
                <span className="block font-medium">{v.name}</span>
                <span className="block font-mono text-xs text-muted">{v.sku}</span>
              </Td>
              <Td numeric className="text-base font-semibold">
                {v.stock}
              </Td>
              <Td>
                <StockAdjust productId={product.id} variantId={v.id} label={v.name} />
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </Panel>
  );
}

function StockAdjust({
  productId,
  variantId,
  label,
}: {
  productId: string;
  variantId: string;
  label: string;
}) {
  const client = useQueryClient();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const adjust = useMutation({
    mutationFn: (delta: number) => changeStock(variantId, { adjust: delta }),
    onSuccess: (result) => {
      client.setQueryData<AdminProduct>(keys.product(productId), (p) =>
        p
          ? {
              ...p,
              variants: p.variants.map((v) => (v.id === result.id ? { ...v, stock: result.stock } : v)),
            }
          : p,
      );
      void client.invalidateQueries({ queryKey: keys.products });
      setValue('');
    },
    onError: (e) => setError(isApiError(e) ? e.fieldMessage : errorMessage(e)),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const delta = /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isInteger(delta) || delta === 0) {
      setError('Enter a whole number other than 0, e.g. 5 or -2');
      return;
    }
    setError(null);
    adjust.mutate(delta);
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-wrap items-start gap-2">
      <Input
        id={`adjust-${variantId}`}
        label={`Change the stock of ${label} by`}
        labelHidden
        inputMode="numeric"
        placeholder="+5 or -2"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        error={error}
        fieldClassName="w-36"
        className="min-h-9 py-1"
      />
      <Button type="submit" size="sm" variant="secondary" busy={adjust.isPending}>
        Apply<span className="sr-only"> to {label}</span>
      </Button>
      {adjust.isSuccess && !error ? (
        <span role="status" className="self-center text-sm text-green-800">
          Now {adjust.data.stock}
        </span>
      ) : null}
    </form>
  );
}

function ImagesPanel({ product }: { product: AdminProduct }) {
  const client = useQueryClient();
  const [url, setUrl] = useState('');
  const [alt, setAlt] = useState(product.name);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [removing, setRemoving] = useState<AdminImage | null>(null);
  const refresh = () => {
    void client.invalidateQueries({ queryKey: keys.product(product.id) });
    void client.invalidateQueries({ queryKey: keys.products });
  };
  const add = useMutation({
    mutationFn: () => addImage(product.id, { url: url.trim(), alt: alt.trim() }),
    onSuccess: (image) => {
      client.setQueryData<AdminProduct>(keys.product(product.id), (p) =>
        p ? { ...p, images: [...p.images, image] } : p,
      );
      refresh();
      setUrl('');
      setErrors({});
    },
    onError: (error) => {
      setErrors({
        [isApiError(error) && error.field ? error.field : 'form']: isApiError(error)
          ? error.fieldMessage
          : errorMessage(error),
      });
      focusFirstInvalid();
    },
  });
  const [file, setFile] = useState<File | null>(null);
  const [fileAlt, setFileAlt] = useState(product.name);
  const [fileInputKey, setFileInputKey] = useState(0);
  const [uploadErrors, setUploadErrors] = useState<FieldErrors>({});
  const upload = useMutation({
    mutationFn: ({ chosen, text }: { chosen: File; text: string }) => uploadImage(product.id, chosen, text),
    onSuccess: (image) => {
      client.setQueryData<AdminProduct>(keys.product(product.id), (p) =>
        p ? { ...p, images: [...p.images, image] } : p,
      );
      refresh();
      setFile(null);
      setFileInputKey((k) => k + 1);
      setUploadErrors({});
    },
    onError: (error) => {
      const field =
        isApiError(error) && (error.field === 'alt' || error.field === 'file') ? error.field : 'form';
      setUploadErrors({ [field]: isApiError(error) ? error.fieldMessage : errorMessage(error) });
      focusFirstInvalid();
    },
  });

  function submitUpload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!file) found.file = 'Choose an image file';
    else if (file.size > MAX_UPLOAD_BYTES) found.file = 'The file is larger than 8 MB';
    if (!fileAlt.trim()) found.alt = 'Describe the image for people who can’t see it';
    setUploadErrors(found);
    if (!file || Object.keys(found).length > 0) {
      focusFirstInvalid();
      return;
    }
    upload.mutate({ chosen: file, text: fileAlt.trim() });
  }

  const remove = useMutation({
    mutationFn: (image: AdminImage) => removeImage(product.id, image.id),
    onSuccess: (_, image) => {
      client.setQueryData<AdminProduct>(keys.product(product.id), (p) =>
        p ? { ...p, images: p.images.filter((i) => i.id !== image.id) } : p,
      );
      refresh();
      setRemoving(null);
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!url.trim()) found.url = 'Enter the image’s address';
    else if (!/^(\/(?!\/)|https:\/\/[^\s/]+\/)/.test(url.trim()))
      found.url = 'Use a path starting with / or an https:// address';
    if (!alt.trim()) found.alt = 'Describe the image for people who can’t see it';
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid();
      return;
    }
    add.mutate();
  }

  return (
    <Panel title="Images">
      {product.images.length === 0 ? (
        <p className="mb-4 text-muted">No images yet: the shop shows a placeholder.</p>
      ) : (
        <ul className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
          {product.images.map((image, i) => (
            <li
              key={image.id}
              className="flex flex-col overflow-hidden rounded-lg border border-line bg-gray-50"
            >
              <img
                src={image.url}
                alt={image.alt}
                className="aspect-square w-full bg-white object-contain"
                loading="lazy"
              />
              <div className="flex flex-1 flex-col gap-2 p-2">
                <p className="line-clamp-2 text-sm">
                  {i === 0 ? <span className="font-semibold">Main · </span> : null}
                  {image.alt}
                </p>
                <Button
                  variant="ghost"
                  size="sm"
                  className="mt-auto self-start"
                  onClick={() => {
                    remove.reset();
                    setRemoving(image);
                  }}
                >
                  Remove<span className="sr-only"> image “{image.alt}”</span>
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submitUpload} noValidate className="border-t border-line pt-4">
        <h3 className="font-semibold text-gray-900">Upload an image</h3>
        <p className="mb-3 text-sm text-muted">
          JPEG, PNG, WebP, AVIF or GIF up to 8 MB. The shop stores it re-encoded, without its metadata
          (location included).
        </p>
        <div className="grid gap-3 sm:grid-cols-[minmax(0,3fr)_minmax(0,2fr)_auto] sm:items-end">
          <Input
            key={fileInputKey}
            id="image-file"
            label="Image file"
            type="file"
            accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            error={uploadErrors.file}
            className="py-1.5 file:mr-3 file:rounded-md file:border-0 file:bg-gray-100 file:px-3 file:py-1.5 file:font-semibold"
          />
          <Input
            id="image-file-alt"
            label="Description (alt text)"
            maxLength={200}
            value={fileAlt}
            onChange={(e) => setFileAlt(e.target.value)}
            error={uploadErrors.alt}
          />
          <Button type="submit" variant="secondary" busy={upload.isPending}>
            Upload
          </Button>
        </div>
        {uploadErrors.form ? (
          <p className="mt-2 text-sm font-medium text-red-700">{uploadErrors.form}</p>
        ) : null}
      </form>
      <form onSubmit={submit} noValidate className="mt-4 border-t border-line pt-4">
        <h3 className="font-semibold text-gray-900">Or add an image by its address</h3>
        <p className="mb-3 text-sm text-muted">A /media/… path or an https:// URL.</p>
        <div className="grid gap-3 sm:grid-cols-[minmax(0,3fr)_minmax(0,2fr)_auto] sm:items-end">
          <Input
            id="image-url"
            label="Image address"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            error={errors.url}
          />
          <Input
            id="image-alt"
            label="Description (alt text)"
            maxLength={200}
            value={alt}
            onChange={(e) => setAlt(e.target.value)}
            error={errors.alt}
          />
          <Button type="submit" variant="secondary" busy={add.isPending}>
            Add image
          </Button>
        </div>
        {errors.form ? <p className="mt-2 text-sm font-medium text-red-700">{errors.form}</p> : null}
      </form>
      <ConfirmDialog
        open={removing !== null}
        title="Remove this image?"
        description={<p>“{removing?.alt}” is taken off the product page. The file itself is not deleted.</p>}
        confirmLabel="Remove image"
        confirmVariant="danger"
        busy={remove.isPending}
        error={remove.isError ? errorMessage(remove.error) : null}
        onConfirm={() => removing && remove.mutate(removing)}
        onClose={() => setRemoving(null)}
      />
    </Panel>
  );
}
