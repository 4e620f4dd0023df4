import { create as createQr } from 'qrcode';
import { useId, useMemo, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { Alert, Button } from '../../ui/index.ts';

/** The quiet zone around the symbol that scanners need, in modules. */
const margin = 4;

/** One SVG path of the dark modules: a single element, drawn by React, no markup injected. */
function qrPath(text: string): { size: number; d: string } {
  const { modules } = createQr(text, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) {
      if (modules.get(y, x)) parts.push(`M${x + margin} ${y + margin}h1v1h-1z`);
    }
  }
  return { size: modules.size + 2 * margin, d: parts.join('') };
}

export type CheckInQrProps = {
  /** The booking's check-in address (`/check-in/:token`), as the server returned it. */
  url: string;
  /** What and when, for the code's text alternative. */
  what: string;
  when: string;
};

/**
 * The check-in link of a booking as a QR code to scan on site, with its text alternative and the
 * link itself to open or copy: the code alone would leave out anyone who cannot see or scan it.
 */
export function CheckInQr({ url, what, when }: CheckInQrProps) {
  const { t } = useI18n();
  const q = t.places.qr;
  const id = useId();
  const { size, d } = useMemo(() => qrPath(url), [url]);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // Without clipboard access the link stays selectable in its field.
      document.getElementById(`${id}-url`)?.focus();
    }
  };
  return (
    <section aria-labelledby={`${id}-title`} className="form-section check-in-qr">
      <h3 id={`${id}-title`}>{q.heading}</h3>
      <p>{q.intro}</p>
      <svg
        className="qr-code"
        viewBox={`0 0 ${size} ${size}`}
        role="img"
        aria-label={q.alt(what, when)}
        shapeRendering="crispEdges"
        width="200"
        height="200"
      >
        <rect width={size} height={size} fill="#fff" />
        <path d={d} fill="#000" />
      </svg>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-url`}>
          {q.link}
        </label>
        <p id={`${id}-hint`} className="field-hint">
          {q.linkHint}
        </p>
        <input
          id={`${id}-url`}
          className="field-input mono"
          readOnly
          value={url}
          aria-describedby={`${id}-hint`}
          onFocus={(e) => e.currentTarget.select()}
        />
      </div>
      <p>
        <a className="link link-inline" href={url}>
          {q.open}
        </a>
      </p>
      <div role="status">{copied && <Alert tone="success" announce={false} title={q.copied} />}</div>
      <Button variant="secondary" onPress={copy}>
        {q.copy}
      </Button>
    </section>
  );
}
