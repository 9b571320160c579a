import type { EmulatorConfig } from './config';
import type { FlowLookup, MediaLookup, PersistentStore, TemplateLookup } from './extensions';
import type { BusinessPhoneNumber, Customer, IssuedToken, StoredMessage } from './models';

export const CUSTOMER_SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Oldest messages of a conversation are forgotten beyond this (bounded memory). */
export const MAX_MESSAGES_PER_CUSTOMER = 2000;

interface SerializedState {
  version: 1;
  wabaId: string;
  phoneNumbers: BusinessPhoneNumber[];
  customers: Customer[];
  tokens: IssuedToken[];
  config: EmulatorConfig;
  stores: Record<string, unknown>;
}

/**
 * The emulator's in-memory world: one WABA with its business phone numbers, simulated customers
 * (by wa_id) with their messages in both directions, accepted tokens and the runtime config.
 *
 * Other modules extend it through typed slots (`templates`, `media`, `flows`) and persistent
 * sub-stores (`registerStore`). Call `markChanged()` after a mutation so the state file is written.
 */
export class EmulatorState {
  wabaId: string;
  config: EmulatorConfig;
  readonly phoneNumbers = new Map<string, BusinessPhoneNumber>();
  readonly customers = new Map<string, Customer>();
  readonly tokens = new Map<string, IssuedToken>();
  private readonly messagesById = new Map<string, StoredMessage>();

  /** Template lookup for sends, registered by the templates module. */
  templates: TemplateLookup | undefined;
  /** Media lookup for sends, registered by the media module. */
  media: MediaLookup | undefined;
  /** Flow lookup for sends, registered by the flows module. */
  flows: FlowLookup | undefined;

  private readonly stores = new Map<string, PersistentStore>();
  private pendingStoreData: Record<string, unknown> = {};
  private readonly changeListeners = new Set<() => void>();

  constructor(init: { wabaId: string; config: EmulatorConfig }) {
    this.wabaId = init.wabaId;
    this.config = init.config;
  }

  // ---- extension points -------------------------------------------------------------------

  /** Register a sub-store persisted under `key`; data loaded from the state file is handed over now. */
  registerStore(key: string, store: PersistentStore): void {
    if (this.stores.has(key)) throw new Error(`emulator store "${key}" is already registered`);
    this.stores.set(key, store);
    if (key in this.pendingStoreData) {
      store.load(this.pendingStoreData[key]);
      delete this.pendingStoreData[key];
    }
  }

  getStore<T extends PersistentStore>(key: string): T | undefined {
    return this.stores.get(key) as T | undefined;
  }

  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Signal a mutation (schedules a debounced write of the state file). */
  markChanged(): void {
    for (const listener of this.changeListeners) listener();
  }

  // ---- phone numbers ----------------------------------------------------------------------

  addPhoneNumber(phone: BusinessPhoneNumber): void {
    this.phoneNumbers.set(phone.id, phone);
  }

  defaultPhoneNumber(): BusinessPhoneNumber {
    const first = this.phoneNumbers.values().next().value;
    if (!first) throw new Error('the emulator has no business phone number');
    return first;
  }

  // ---- customers and messages -------------------------------------------------------------

  getOrCreateCustomer(waId: string, now: number, profileName?: string): Customer {
    let customer = this.customers.get(waId);
    if (!customer) {
      customer = {
        waId,
        profileName: profileName ?? `Customer ${waId.slice(-4)}`,
        onWhatsApp: true,
        marketingOptOut: false,
        lastInboundAt: {},
        createdAt: now,
        messages: [],
      };
      this.customers.set(waId, customer);
    }
    return customer;
  }

  addMessage(customer: Customer, message: StoredMessage): void {
    customer.messages.push(message);
    this.messagesById.set(message.id, message);
    if (customer.messages.length > MAX_MESSAGES_PER_CUSTOMER) {
      const dropped = customer.messages.shift()!;
      this.messagesById.delete(dropped.id);
    }
  }

  findMessage(id: string): StoredMessage | undefined {
    return this.messagesById.get(id);
  }

  /** Is the customer service window between this number and this customer open at `now`? */
  isWindowOpen(phoneNumberId: string, waId: string, now: number): boolean {
    const last = this.customers.get(waId)?.lastInboundAt[phoneNumberId];
    return last !== undefined && now - last < CUSTOMER_SERVICE_WINDOW_MS;
  }

  // ---- tokens -----------------------------------------------------------------------------

  issueToken(token: IssuedToken): void {
    this.tokens.set(token.token, token);
    this.markChanged();
  }

  // ---- persistence ------------------------------------------------------------------------

  toJSON(): SerializedState {
    const stores: Record<string, unknown> = { ...this.pendingStoreData };
    for (const [key, store] of this.stores) stores[key] = store.toJSON();
    return {
      version: 1,
      wabaId: this.wabaId,
      phoneNumbers: [...this.phoneNumbers.values()],
      customers: [...this.customers.values()],
      tokens: [...this.tokens.values()],
      config: this.config,
      stores,
    };
  }

  /** Load a previously saved state (replaces customers and messages; merges numbers and tokens). */
  load(data: unknown, parseConfig: (raw: unknown) => EmulatorConfig): void {
    const saved = data as Partial<SerializedState>;
    if (saved?.version !== 1) throw new Error('unsupported emulator state file');
    if (saved.wabaId) this.wabaId = saved.wabaId;
    for (const phone of saved.phoneNumbers ?? []) this.phoneNumbers.set(phone.id, phone);
    for (const token of saved.tokens ?? []) this.tokens.set(token.token, token);
    this.customers.clear();
    this.messagesById.clear();
    for (const customer of saved.customers ?? []) {
      this.customers.set(customer.waId, customer);
      for (const message of customer.messages) this.messagesById.set(message.id, message);
    }
    if (saved.config) this.config = parseConfig(saved.config);
    this.pendingStoreData = {};
    for (const [key, value] of Object.entries(saved.stores ?? {})) {
      const store = this.stores.get(key);
      if (store) store.load(value);
      else this.pendingStoreData[key] = value;
    }
  }
}
