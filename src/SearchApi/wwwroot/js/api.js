// The public API, as the page uses it. Errors arrive as problem documents (RFC 9457) and are thrown as ApiError.

export class ApiError extends Error {
    constructor(status, problem) {
        super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
        this.status = status;
        this.problem = problem ?? {};
    }
}

async function getJson(path, signal) {
    let response;
    try {
        response = await fetch(path, { headers: { Accept: 'application/json' }, signal });
    } catch (error) {
        if (error.name === 'AbortError') throw error;
        throw new ApiError(0, { title: 'Network error', detail: error.message });
    }
    const type = response.headers.get('Content-Type') ?? '';
    const body = type.includes('json') ? await response.json() : null;
    if (!response.ok) throw new ApiError(response.status, body);
    return body;
}

export const search = (query, signal) => getJson(`/api/search?${query}`, signal);

export const article = (id, signal) => getJson(`/api/articles/${encodeURIComponent(id)}`, signal);

export const similar = (id, signal) => getJson(`/api/articles/${encodeURIComponent(id)}/similar`, signal);
