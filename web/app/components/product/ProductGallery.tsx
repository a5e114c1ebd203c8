import { DeviceIcon } from '../icons.tsx';

export interface GalleryImage {
  url: string;
  alt: string;
}

/** The product's pictures: the first one large, the others beside it. Nothing here needs JavaScript. */
export function ProductGallery({ images, name }: { images: GalleryImage[]; name: string }) {
  const [first, ...rest] = images;
  if (!first) {
    return (
      <div className="flex aspect-square items-center justify-center rounded-2xl bg-surface text-gray-400 ring-1 ring-line">
        <DeviceIcon className="size-24" />
        <span className="sr-only">No picture of {name} yet</span>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <div className="aspect-square overflow-hidden rounded-2xl bg-surface ring-1 ring-line">
        <img
          src={first.url}
          alt={first.alt}
          width={640}
          height={640}
          fetchPriority="high"
          className="size-full object-contain"
        />
      </div>
      {rest.length > 0 ? (
        <ul className="grid grid-cols-4 gap-3">
          {rest.map((image) => (
            <li
              key={image.url}
              className="aspect-square overflow-hidden rounded-xl bg-surface ring-1 ring-line"
            >
              <img
                src={image.url}
                alt={image.alt}
                width={160}
                height={160}
                loading="lazy"
                className="size-full object-contain"
              />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
