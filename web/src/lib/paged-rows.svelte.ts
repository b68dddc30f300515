// One page of a server-side list, loaded for the view in the URL: the rows, the total, whether a
// request is under way, and its error. An answer to an older view is dropped, so fast paging or
// filtering never shows rows of a view the person has left.
import { asApiError, type ApiError } from '$lib/api/errors';
import type { ListQuery } from '$lib/list-state';

export class PagedRows<Row> {
  rows = $state<Row[]>([]);
  count = $state(0);
  loading = $state(true);
  error = $state<ApiError | null>(null);
  private asked = 0;

  constructor(private readonly fetchPage: (query: ListQuery) => Promise<{ count: number; results: Row[] }>) {}

  async load(query: ListQuery): Promise<void> {
    const ticket = ++this.asked;
    this.loading = true;
    try {
      const answer = await this.fetchPage(query);
      if (ticket !== this.asked) return;
      this.rows = answer.results;
      this.count = answer.count;
      this.error = null;
    } catch (failure) {
      if (ticket === this.asked) this.error = asApiError(failure);
    } finally {
      if (ticket === this.asked) this.loading = false;
    }
  }
}
