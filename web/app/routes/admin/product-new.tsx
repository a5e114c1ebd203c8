/** /admin/products/new: a product with its variants and images; it starts as a draft unless said otherwise. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type MetaFunction, useNavigate } from 'react-router';
import { createProductSchema } from '../../../../src/catalog/schemas.ts';
import { focusFirstInvalid } from '../../components/admin/focus.ts';
import { ImageRows } from '../../components/admin/ImageRows.tsx';
import { adminMeta } from '../../components/admin/meta.ts';
import { ProductFields } from '../../components/admin/ProductFields.tsx';
import {
  detailsBody,
  emptyDetails,
  emptyVariant,
  type FieldErrors,
  type ImageRow,
  productLabel,
  type VariantRow,
  variantsBody,
  zodFieldErrors,
} from '../../components/admin/product-form.ts';
import { errorMessage, Panel } from '../../components/admin/QueryState.tsx';
import { VariantsEditor } from '../../components/admin/VariantsEditor.tsx';
import { Button, ButtonLink } from '../../components/ui/Button.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { type CreateProductBody, createProduct, isApiError, keys } from '../../lib/admin-api.ts';

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, 'New product');

export default function NewProduct() {
  const navigate = useNavigate();
  const client = useQueryClient();
  const [details, setDetails] = useState(emptyDetails);
  const [variants, setVariants] = useState<VariantRow[]>(() => [emptyVariant()]);
  const [images, setImages] = useState<ImageRow[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});

  const create = useMutation({
    mutationFn: (body: CreateProductBody) => createProduct(body),
    onSuccess: (product) => {
      void client.invalidateQueries({ queryKey: keys.products });
      client.setQueryData(keys.product(product.id), product);
      navigate(`/admin/products/${product.id}`, { state: { created: true } });
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
    const converted = variantsBody(variants);
    const body: CreateProductBody = {
      ...detailsBody(details),
      specialWarrantyTerms: details.specialWarrantyTerms.trim() || undefined,
      variants: converted.variants,
      images: images.map(({ url, alt }) => ({ url, alt })),
    };
    const parsed = createProductSchema.safeParse(body);
    const found = { ...(parsed.success ? {} : zodFieldErrors(parsed.error)), ...converted.errors };
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid();
      return;
    }
    create.mutate(body);
  }

  const formError =
    create.isError && !(isApiError(create.error) && create.error.field) ? errorMessage(create.error) : null;
  const errorCount = Object.keys(errors).length;

  return (
    <>
      <PageHeader
        title="New product"
        breadcrumbs={[{ label: 'Products', to: '/admin/products' }]}
        description="New products are drafts, hidden from the shop until their status is Active."
      />
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        {errorCount > 0 ? (
          <Notice tone="danger" title="Some fields need a look">
            {errorCount === 1 ? 'One field is' : `${errorCount} fields are`} marked below.
          </Notice>
        ) : null}
        <Panel title="Details">
          <ProductFields draft={details} onChange={setDetails} errors={errors} idPrefix="new-product" />
        </Panel>
        <Panel title="Variants">
          <VariantsEditor rows={variants} onChange={setVariants} errors={errors} idPrefix="new-product" />
        </Panel>
        <Panel title="Images">
          <ImageRows rows={images} onChange={setImages} errors={errors} />
        </Panel>
        {formError ? (
          <Notice tone="danger" title="The product was not created">
            {formError}
          </Notice>
        ) : null}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <ButtonLink to="/admin/products" variant="secondary">
            Cancel
          </ButtonLink>
          <Button type="submit" busy={create.isPending}>
            Create product
          </Button>
        </div>
      </form>
    </>
  );
}
