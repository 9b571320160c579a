import { and, count, eq, gt, lt, or } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { loginFailures } from '../../db/schema';
import { AppError } from '../../http/errors';
import { newId } from '../../ids';

/**
 * Login rate limiting kept in the database, so it holds across several web processes:
 * after LOGIN_MAX_FAILURES failed attempts for one email (or 5× that from one IP) within
 * LOGIN_WINDOW_MINUTES, further attempts are refused until the window passes.
 */
export function createLoginThrottle(ctx: AppContext) {
  const windowStart = () => new Date(ctx.now().getTime() - ctx.config.LOGIN_WINDOW_MINUTES * 60_000);
  return {
    async assertAllowed(email: string, ip: string): Promise<void> {
      const since = windowStart();
      const [byEmail] = await ctx.db
        .select({ n: count() })
        .from(loginFailures)
        .where(and(eq(loginFailures.email, email), gt(loginFailures.at, since)));
      const [byIp] = await ctx.db
        .select({ n: count() })
        .from(loginFailures)
        .where(and(eq(loginFailures.ip, ip), gt(loginFailures.at, since)));
      if (
        (byEmail?.n ?? 0) >= ctx.config.LOGIN_MAX_FAILURES ||
        (byIp?.n ?? 0) >= ctx.config.LOGIN_MAX_FAILURES * 5
      ) {
        throw new AppError(
          'rate_limited',
          `Too many failed sign-in attempts. Try again in ${ctx.config.LOGIN_WINDOW_MINUTES} minutes.`,
        );
      }
    },
    async recordFailure(email: string, ip: string): Promise<void> {
      await ctx.db.insert(loginFailures).values({ id: newId('lgf'), email, ip, at: ctx.now() });
      await ctx.db
        .delete(loginFailures)
        .where(or(lt(loginFailures.at, new Date(ctx.now().getTime() - 24 * 3_600_000))));
    },
    async clear(email: string): Promise<void> {
      await ctx.db.delete(loginFailures).where(eq(loginFailures.email, email));
    },
  };
}
