import type { ConversationSummary, WindowState } from './inboxTypes';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const weekdayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long' });
const shortDateFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });

const DAY = 24 * 3600 * 1000;

function startOfDay(time: number): number {
  const date = new Date(time);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/** "14:05" */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : timeFormat.format(date);
}

/** Like WhatsApp's chat list: "14:05" today, "Yesterday", a weekday this week, else a date. */
export function formatListTime(iso: string, now: number = Date.now()): string {
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return '';
  const days = Math.round((startOfDay(now) - startOfDay(time)) / DAY);
  if (days <= 0) return timeFormat.format(time);
  if (days === 1) return 'Yesterday';
  if (days < 7) return weekdayFormat.format(time);
  return shortDateFormat.format(time);
}

/** Day separator label: "Today", "Yesterday", "Monday 3 March". */
export function formatDay(iso: string, now: number = Date.now()): string {
  const time = new Date(iso).getTime();
  const days = Math.round((startOfDay(now) - startOfDay(time)) / DAY);
  if (days === 0) return 'Today';
  if (days === 1) return 'Yesterday';
  return dayFormat.format(time);
}

export function sameDay(a: string, b: string): boolean {
  return startOfDay(new Date(a).getTime()) === startOfDay(new Date(b).getTime());
}

/** "1 h 20 min", "12 min" */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const hours = Math.floor(minutes / 60);
  if (hours === 0) return `${minutes} min`;
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

/** The window state now (the server's answer ages while the page stays open). */
export function windowStateAt(window: ConversationSummary['window'], now: number = Date.now()): WindowState {
  if (!window.expiresAt) return window.state;
  const left = new Date(window.expiresAt).getTime() - now;
  if (left <= 0) return 'closed';
  if (left < 2 * 3600 * 1000) return 'closing';
  return window.state === 'closed' ? 'closed' : 'open';
}

export const windowLabels: Record<WindowState, string> = {
  open: 'Window open',
  closing: 'Closing soon',
  closed: 'Window closed',
};

/** Avatar colours, picked from the id so a contact keeps its colour. */
const avatarColors = ['#128c7e', '#1d5fb8', '#8e44ad', '#c0392b', '#d35400', '#2c7a7b', '#6d4c41', '#3949ab'];
export function avatarColor(seed: string): string {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return avatarColors[Math.abs(hash) % avatarColors.length] ?? '#128c7e';
}
