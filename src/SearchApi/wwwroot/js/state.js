// The page's state lives in the URL: /?q=…&section=…&region=…&from=…&to=…&sort=…&page=…, or /articles/{id}.
// These functions translate between the URL, the state and the API's query string; they touch no DOM.

export const PAGE_SIZE = 10;
// The API refuses page × pageSize beyond this (deep paging is what filters are for).
export const MAX_RESULT_WINDOW = 10000;
export const SORTS = ['relevance', 'date', 'date_asc'];

/** A route: { view: 'article', id } or { view: 'search', state }. */
export function route(location) {
    const article = /^\/articles\/([^/]+)\/?$/.exec(location.pathname);
    if (article) return { view: 'article', id: decodeURIComponent(article[1]) };
    return { view: 'search', state: parseSearch(new URLSearchParams(location.search)) };
}

export function parseSearch(params) {
    const page = Number.parseInt(params.get('page') ?? '', 10);
    const sort = params.get('sort') ?? '';
    return {
        q: (params.get('q') ?? '').trim(),
        sections: unique(params.getAll('section')),
        regions: unique(params.getAll('region')),
        from: params.get('from') ?? '',
        to: params.get('to') ?? '',
        sort: SORTS.includes(sort) ? sort : 'relevance',
        page: Number.isInteger(page) && page > 0 ? page : 1,
    };
}

/** The page's own URL for a state: only what differs from the defaults, so links stay short. */
export function searchUrl(state) {
    const params = new URLSearchParams();
    if (state.q) params.set('q', state.q);
    for (const s of state.sections) params.append('section', s);
    for (const r of state.regions) params.append('region', r);
    if (state.from) params.set('from', state.from);
    if (state.to) params.set('to', state.to);
    if (state.sort !== 'relevance') params.set('sort', state.sort);
    if (state.page > 1) params.set('page', String(state.page));
    const query = params.toString();
    return query ? `/?${query}` : '/';
}

/** The API's query string for a state. */
export function apiQuery(state) {
    const params = new URLSearchParams(searchUrl(state).slice(2));
    params.set('pageSize', String(PAGE_SIZE));
    return params.toString();
}

/** A copy of the state with changes; any change of what is searched goes back to page 1. */
export function withChanges(state, changes) {
    return { ...state, page: 1, ...changes };
}

export function toggled(values, value, on) {
    return on ? unique([...values, value]) : values.filter(v => v !== value);
}

/** The first and last day of a year, as the date range the year facet stands for. */
export function yearRange(year) {
    return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The year the date range is exactly, or null. */
export function selectedYear(state) {
    const match = /^(\d{4})-01-01$/.exec(state.from);
    return match && state.to === `${match[1]}-12-31` ? match[1] : null;
}

export function hasFilters(state) {
    return state.sections.length > 0 || state.regions.length > 0 || Boolean(state.from || state.to);
}

export function lastPage(total) {
    return Math.max(1, Math.min(Math.ceil(total / PAGE_SIZE), Math.floor(MAX_RESULT_WINDOW / PAGE_SIZE)));
}

function unique(values) {
    return [...new Set(values.map(v => v.trim()).filter(v => v.length > 0))];
}
