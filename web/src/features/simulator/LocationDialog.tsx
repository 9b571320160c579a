import { type FormEvent, useState } from 'react';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { Input } from '../../ui/Input';

interface Location {
  latitude: number;
  longitude: number;
  name?: string;
  address?: string;
}

const presets: Array<Location & { name: string }> = [
  {
    name: 'Eiffel Tower',
    address: 'Champ de Mars, 75007 Paris, France',
    latitude: 48.85837,
    longitude: 2.294481,
  },
  { name: 'Times Square', address: 'Manhattan, NY 10036, USA', latitude: 40.758, longitude: -73.9855 },
  { name: 'Lagos Marina', address: 'Marina, Lagos Island, Nigeria', latitude: 6.4474, longitude: 3.3903 },
  {
    name: 'Cristo Redentor',
    address: 'Parque Nacional da Tijuca, Rio de Janeiro, Brazil',
    latitude: -22.9519,
    longitude: -43.2105,
  },
];

/** The customer shares a location: a preset place, or coordinates typed in. */
export function LocationDialog({
  open,
  onClose,
  onShare,
}: {
  open: boolean;
  onClose: () => void;
  onShare: (location: Location) => void;
}) {
  const [lat, setLat] = useState('');
  const [lon, setLon] = useState('');
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const latitude = Number(lat);
    const longitude = Number(lon);
    if (!lat || !lon || !(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180)) {
      setError('Latitude is −90 to 90 and longitude −180 to 180, for example 48.8584 and 2.2945.');
      return;
    }
    setError(null);
    onShare({
      latitude,
      longitude,
      ...(name.trim() ? { name: name.trim() } : {}),
      ...(address.trim() ? { address: address.trim() } : {}),
    });
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Share a location"
      description="Sent as a WhatsApp location message."
    >
      <div className="stack">
        <div className="sim-presets">
          {presets.map((p) => (
            <Button key={p.name} size="sm" variant="secondary" onClick={() => onShare(p)}>
              {p.name}
            </Button>
          ))}
        </div>
        <form className="form" onSubmit={submit} noValidate>
          <div className="sim-two">
            <Field label="Latitude" error={error}>
              <Input
                value={lat}
                inputMode="decimal"
                onChange={(e) => setLat(e.target.value)}
                placeholder="48.8584"
              />
            </Field>
            <Field label="Longitude">
              <Input
                value={lon}
                inputMode="decimal"
                onChange={(e) => setLon(e.target.value)}
                placeholder="2.2945"
              />
            </Field>
          </div>
          <Field label="Name (optional)">
            <Input value={name} onChange={(e) => setName(e.target.value)} placeholder="Home" />
          </Field>
          <Field label="Address (optional)">
            <Input value={address} onChange={(e) => setAddress(e.target.value)} />
          </Field>
          <div className="row-end">
            <Button type="submit" variant="primary">
              Share location
            </Button>
          </div>
        </form>
      </div>
    </Dialog>
  );
}
