import type { GraphList } from '../schemas/graph/paging';

/**
 * Walks every page of a Graph list, following `paging.cursors.after` while `paging.next` says more
 * pages exist. It asks for pages through `fetchPage` (our own base URL) rather than fetching the
 * absolute `next` URL, so the token never goes to a host other than the configured one.
 */
export async function* paginate<T>(
  fetchPage: (after: string | undefined) => Promise<GraphList<T>>,
  startAfter?: string,
): AsyncGenerator<T, void, undefined> {
  let after = startAfter;
  const seen = new Set<string>();
  for (;;) {
    const page = await fetchPage(after);
    yield* page.data;
    const next = page.paging?.cursors?.after;
    if (!page.paging?.next || !next || seen.has(next) || page.data.length === 0) return;
    seen.add(next);
    after = next;
  }
}
