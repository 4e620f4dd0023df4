import { useState } from 'react';
import { apiRequest } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Button } from '../../ui/index.ts';
import { type Booking, placesPaths } from './places.api.ts';
import { formatPeriod } from './places-time.ts';

export type CheckInCodeProps = {
  slug: string;
  booking: Booking;
  timeZone: string;
  onDone: (result: { url: string } | { error: unknown }) => void;
};

/**
 * Asks the server for a new check-in link of one's own upcoming booking, shown as a QR code by the
 * page. Only the link's hash is kept, so a new link replaces the e-mailed one (the page says so).
 */
export function CheckInCode({ slug, booking, timeZone, onDone }: CheckInCodeProps) {
  const { t, locale } = useI18n();
  const c = t.places.code;
  const [busy, setBusy] = useState(false);
  const upcoming = (booking.status === 'confirmed' || booking.status === 'pending') && Date.parse(booking.end) > Date.now();
  if (booking.kind !== 'booking' || !upcoming) return null;
  const ask = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const r = await apiRequest<{ checkInUrl: string }>(placesPaths.checkInLink(slug, booking.id), { method: 'POST' });
      onDone({ url: r.checkInUrl });
    } catch (error) {
      onDone({ error });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant="quiet"
      aria-label={c.triggerLabel(booking.resource.name, formatPeriod(booking.start, booking.end, locale, timeZone))}
      onPress={ask}
    >
      {c.trigger}
    </Button>
  );
}
