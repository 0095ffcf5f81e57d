/**
 * An image from untrusted text (a model's or a pasted answer). Nothing is fetched until the user asks: the alt
 * text and the URL are shown as text with a "Load image from <host>" button, because loading it would tell that
 * host that someone is reading this answer, and the URL can carry the problem itself. Small `data:` images
 * involve no request and show at once. A URL the user chose to load stays loaded for the rest of the visit (the
 * block may re-render, e.g. when the stream that carried it finishes).
 */
import { useState, type ComponentProps } from 'react';
import { imagePolicy } from '../../core/safety/url-policy.ts';
import './external-image.css';

const approved = new Set<string>();

/** Where relative references resolve (the page itself, which is no more entitled to the answer than any host). */
export function pageURL(): string {
  return typeof document === 'undefined' ? 'http://localhost/' : document.baseURI;
}

type ImgProps = ComponentProps<'img'> & { node?: unknown };

export function ExternalImage({ src, alt, title }: ImgProps) {
  const source = typeof src === 'string' ? src : '';
  const policy = imagePolicy(source, pageURL());
  const url = policy.kind === 'ask' ? policy.url : '';
  const [loaded, setLoaded] = useState(() => approved.has(url));
  const [failed, setFailed] = useState(false);
  const label = alt?.trim() ? alt : 'Image';

  if (policy.kind === 'inline') return <img src={policy.src} alt={alt ?? ''} title={title} className="external-image__img" />;
  if (policy.kind === 'ask' && loaded && !failed) {
    return (
      <img
        src={url}
        alt={alt ?? ''}
        title={title}
        className="external-image__img"
        referrerPolicy="no-referrer"
        onError={() => setFailed(true)}
      />
    );
  }
  return (
    <span className="external-image">
      <span className="external-image__alt">{label}</span> <span className="external-image__url">{source}</span>
      {policy.kind === 'ask' ? (
        failed ? (
          <span className="external-image__note">(could not be loaded)</span>
        ) : (
          <button
            type="button"
            className="button button--small external-image__load"
            onClick={() => {
              approved.add(url);
              setLoaded(true);
            }}
          >
            Load image from {policy.host}
          </button>
        )
      ) : (
        <span className="external-image__note">({policy.reason === 'too-large' ? 'image too large to show' : 'image not shown'})</span>
      )}
    </span>
  );
}
