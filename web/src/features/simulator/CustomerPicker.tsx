import { type FormEvent, useState } from 'react';
import { initials } from '../../app/format';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Input } from '../../ui/Input';
import { avatarColor, formatListTime } from '../inbox/inboxFormat';

export interface SimCustomer {
  waId: string;
  profileName: string | null;
  lastMessage?: { preview: string; at: string; direction: 'inbound' | 'outbound' } | null;
}

function randomWaId(): string {
  return `1555${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}`;
}

/** "15551234567" → "+1 555 123 4567" (other countries: "+" and the digits). */
export function formatWaId(waId: string): string {
  const us = /^1(\d{3})(\d{3})(\d{4})$/.exec(waId);
  return us ? `+1 ${us[1]} ${us[2]} ${us[3]}` : `+${waId}`;
}

interface Props {
  customers: SimCustomer[];
  selected: string | null;
  onSelect: (waId: string) => void;
  onCreate: (customer: SimCustomer) => void;
}

/** Simulated customers of the Sandbox number, and a form to make up a new one. */
export function CustomerPicker({ customers, selected, onSelect, onCreate }: Props) {
  const [creating, setCreating] = useState(customers.length === 0);
  const [waId, setWaId] = useState(randomWaId);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<{ waId?: string; name?: string }>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const digits = waId.replace(/\D/g, '');
    const next = {
      waId: /^\d{6,15}$/.test(digits) ? undefined : 'Use 6 to 15 digits, country code first (no +).',
      name: name.trim() ? undefined : 'Give the customer a WhatsApp profile name.',
    };
    setErrors(next);
    if (next.waId || next.name) return;
    onCreate({ waId: digits, profileName: name.trim(), lastMessage: null });
    setCreating(false);
    setName('');
    setWaId(randomWaId());
  }

  return (
    <aside className="sim-customers" aria-label="Simulated customers">
      <div className="sim-customers-head">
        <h2>Customers</h2>
        <Button
          size="sm"
          variant={creating ? 'ghost' : 'secondary'}
          icon={creating ? 'x' : 'plus'}
          onClick={() => setCreating(!creating)}
        >
          {creating ? 'Cancel' : 'New customer'}
        </Button>
      </div>
      {creating ? (
        <form className="form sim-new" onSubmit={submit} noValidate>
          <Field label="Profile name" error={errors.name} hint="The name WhatsApp shows for this customer.">
            <Input value={name} onChange={(e) => setName(e.target.value)} placeholder="Maria" autoFocus />
          </Field>
          <Field
            label="WhatsApp number (wa_id)"
            error={errors.waId}
            hint={`Digits only. Shown as ${formatWaId(waId.replace(/\D/g, '') || '0')}.`}
          >
            <Input value={waId} inputMode="numeric" onChange={(e) => setWaId(e.target.value)} />
          </Field>
          <Button type="submit" variant="primary">
            Create customer
          </Button>
        </form>
      ) : null}
      {customers.length ? (
        <ul className="sim-customer-list">
          {customers.map((c) => {
            const label = c.profileName || formatWaId(c.waId);
            return (
              <li key={c.waId}>
                <button
                  type="button"
                  className={c.waId === selected ? 'is-selected' : undefined}
                  aria-current={c.waId === selected ? 'true' : undefined}
                  onClick={() => onSelect(c.waId)}
                >
                  <span
                    className="conv-avatar"
                    style={{ background: avatarColor(c.waId) }}
                    aria-hidden="true"
                  >
                    {initials(label)}
                  </span>
                  <span className="sim-customer-text">
                    <strong>{label}</strong>
                    <span>
                      {c.lastMessage
                        ? `${c.lastMessage.direction === 'inbound' ? 'You: ' : ''}${c.lastMessage.preview}`
                        : `${formatWaId(c.waId)} · no messages yet`}
                    </span>
                  </span>
                  {c.lastMessage ? (
                    <time className="conv-time">{formatListTime(c.lastMessage.at)}</time>
                  ) : null}
                </button>
              </li>
            );
          })}
        </ul>
      ) : !creating ? (
        <p className="muted sim-none">No customers yet. Create one to start chatting.</p>
      ) : null}
    </aside>
  );
}
