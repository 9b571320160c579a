import { formatRelative } from '../../app/format';
import { Badge, type BadgeTone } from '../../ui/Badge';
import type { Channel } from './channelsQueries';

const quality: Record<string, { tone: BadgeTone; label: string }> = {
  GREEN: { tone: 'success', label: 'Quality: high' },
  YELLOW: { tone: 'warning', label: 'Quality: medium' },
  RED: { tone: 'danger', label: 'Quality: low' },
};

const tiers: Record<string, string> = {
  TIER_250: '250 people / day',
  TIER_1K: '1,000 people / day',
  TIER_2K: '2,000 people / day',
  TIER_10K: '10,000 people / day',
  TIER_100K: '100,000 people / day',
  TIER_UNLIMITED: 'Unlimited reach',
};

export function qualityLabel(rating: string | null): { tone: BadgeTone; label: string } {
  return (rating && quality[rating]) || { tone: 'neutral', label: 'Quality: not rated yet' };
}

/** "250 people / day": how many people the business may start conversations with in 24 h. */
export function tierLabel(tier: string | null): string {
  if (!tier) return 'Limit unknown';
  return tiers[tier] ?? tier.replace(/^TIER_/, '');
}

export function throughputLabel(level: string | null): string {
  if (level === 'HIGH') return 'Up to 1,000 messages / second';
  if (level === 'STANDARD') return 'Up to 80 messages / second';
  return 'Unknown';
}

/** The token's state in a few words, for the list. */
export function tokenBadge(channel: Channel): { tone: BadgeTone; label: string } | null {
  if (channel.kind === 'sandbox') return null;
  const codes = channel.health.warnings.map((w) => w.code);
  if (codes.includes('token_expired')) return { tone: 'danger', label: 'Token expired' };
  const expiresAt = channel.health.token.expiresAt;
  if (codes.includes('token_temporary') && expiresAt) {
    return { tone: 'warning', label: `Temporary token · expires ${formatRelative(expiresAt)}` };
  }
  if (codes.includes('token_expiring') && expiresAt) {
    return { tone: 'warning', label: `Token expires ${formatRelative(expiresAt)}` };
  }
  return null;
}

/** Quality colour, messaging tier and token warning, as shown in the list. */
export function HealthBadges({ channel }: { channel: Channel }) {
  const q = qualityLabel(channel.health.qualityRating);
  const token = tokenBadge(channel);
  const problems = channel.health.warnings.filter(
    (w) => w.severity === 'danger' && !w.code.startsWith('token_') && w.code !== 'quality_low',
  );
  return (
    <span className="row" style={{ flexWrap: 'wrap', gap: 6 }}>
      <Badge tone={q.tone}>{q.label}</Badge>
      <Badge>{tierLabel(channel.health.messagingLimitTier)}</Badge>
      {token ? <Badge tone={token.tone}>{token.label}</Badge> : null}
      {problems.length > 0 ? (
        <Badge tone="danger">
          {problems.length} problem{problems.length > 1 ? 's' : ''}
        </Badge>
      ) : null}
    </span>
  );
}
