// The page's entry: reads the URL, asks the API, shows the answer. Navigation inside the page goes through
// history.pushState, so every state has its own URL and Back and Forward work.

import * as api from './api.js';
import { renderArticle, renderMissingArticle, renderSimilar, renderSimilarError } from './article.js';
import { clearResults, facetChange, renderFacets, renderResults, toggleAllRegions } from './results.js';
import { apiQuery, route, searchUrl, withChanges } from './state.js';

const $ = id => document.getElementById(id);
const NOT_READY_RETRY_MS = 3000;
const TITLE = '《4.0 信息速报》资料检索';

let state = route(location).state ?? route(new URL('/', location.href)).state;
let lastData = null;
let lastSearchUrl = '/';
let inFlight = null;
let retry = 0;

/** Shows whatever the URL says. `focus` moves keyboard focus to the new content (after a link was followed). */
async function show({ focus = false } = {}) {
    inFlight?.abort();
    clearTimeout(retry);
    inFlight = new AbortController();
    const { signal } = inFlight;
    const where = route(location);
    try {
        if (where.view === 'article') await showArticle(where.id, signal, focus);
        else await showSearch(where.state, signal, focus);
    } catch (error) {
        if (error.name !== 'AbortError') throw error;
    }
}

async function showSearch(next, signal, focus) {
    state = next;
    lastSearchUrl = searchUrl(state);
    switchView('search');
    syncControls();
    setBusy(true, '正在搜索…');
    document.title = state.q ? `${state.q} – ${TITLE}` : TITLE;
    try {
        const data = await api.search(apiQuery(state), signal);
        lastData = data;
        showQueryError(null);
        renderResults(data, state);
        setBusy(false, '');
        // Focus stays in the box after Enter: tell screen readers what came back.
        $('announce').textContent = $('results-heading').textContent;
    } catch (error) {
        if (error.name === 'AbortError') throw error;
        showSearchError(error);
    }
    if (focus) $('results-heading').focus();
}

function showSearchError(error) {
    setBusy(false, '');
    if (error instanceof api.ApiError && error.status === 400) {
        showQueryError(error.problem.detail ?? error.message);
        clearResults('查询有误，请修改后再搜索');
    } else if (error instanceof api.ApiError && error.status === 503) {
        clearResults('索引正在建立');
        $('status').textContent = '服务刚刚启动，正在建立索引，请稍候；页面会自动重试。';
        retry = setTimeout(() => show(), NOT_READY_RETRY_MS);
    } else {
        clearResults('搜索出错');
        $('status').textContent = `搜索没有完成：${error.message}。请稍后再试。`;
    }
}

async function showArticle(id, signal, focus) {
    switchView('article');
    setBusy(true, '正在打开文章…');
    const view = $('article-view');
    try {
        const article = await api.article(id, signal);
        renderArticle(view, article, lastSearchUrl);
        document.title = `${article.title} – ${TITLE}`;
        setBusy(false, '');
    } catch (error) {
        if (error.name === 'AbortError') throw error;
        setBusy(false, '');
        if (error instanceof api.ApiError && error.status === 503) {
            retry = setTimeout(() => show(), NOT_READY_RETRY_MS);
            renderMissingArticle(view, id, '服务刚刚启动，正在建立索引，请稍候；页面会自动重试。', lastSearchUrl);
        } else {
            renderMissingArticle(view, id, error.status === 404 ? '' : `文章没有打开：${error.message}`, lastSearchUrl);
        }
        document.title = `找不到文章 – ${TITLE}`;
        if (focus) $('article-title').focus();
        return;
    }
    if (focus) $('article-title').focus();
    try {
        renderSimilar(await api.similar(id, signal));
    } catch (error) {
        if (error.name === 'AbortError') throw error;
        renderSimilarError(`相似文章没有找到：${error.message}`);
    }
}

function switchView(view) {
    document.body.dataset.view = view;
    $('results-view').hidden = view !== 'search';
    $('filters-panel').hidden = view !== 'search';
    $('article-view').hidden = view !== 'article';
}

function setBusy(busy, message) {
    $('main').setAttribute('aria-busy', String(busy));
    $('status').textContent = message;
}

function showQueryError(detail) {
    const box = $('q-error');
    box.textContent = detail ? `查询有误：${detail}` : '';
    box.hidden = !detail;
    if (detail) $('q').setAttribute('aria-invalid', 'true');
    else $('q').removeAttribute('aria-invalid');
}

/** Puts the state into the controls, e.g. after Back. */
function syncControls() {
    $('q').value = state.q;
    $('sort').value = state.sort;
    $('from').value = state.from;
    $('to').value = state.to;
}

function navigate(url, options) {
    if (url === location.pathname + location.search) return Promise.resolve();
    history.pushState(null, '', url);
    return show(options);
}

// A new query keeps the filters and starts at page 1.
$('search-form').addEventListener('submit', event => {
    event.preventDefault();
    navigate(searchUrl(withChanges(state, { q: $('q').value.trim() })));
});

// Ticking a facet searches at once; focus stays on the checkbox, which is drawn again with the new counts.
$('filters').addEventListener('change', event => {
    const input = event.target;
    if (input.matches('input[type=checkbox][data-facet]')) {
        const key = { facet: input.dataset.facet, value: input.value };
        navigate(searchUrl(facetChange(state, input))).then(() => refocusFacet(key));
    }
});

$('sort').addEventListener('change', () => navigate(searchUrl(withChanges(state, { sort: $('sort').value }))));

// The date range applies with its button (or Enter in a date field), not on every keystroke.
$('filters').addEventListener('submit', event => {
    event.preventDefault();
    navigate(searchUrl(withChanges(state, { from: $('from').value, to: $('to').value })));
});

$('filters').addEventListener('click', event => {
    const more = event.target.closest('button.more');
    if (!more || !lastData) return;
    toggleAllRegions();
    renderFacets(lastData.facets, state);
    document.querySelector('#facet-region .more')?.focus();
});

/** After the facets are drawn again, focus the checkbox that was used (found by facet and value). */
function refocusFacet({ facet, value }) {
    const again = [...document.querySelectorAll(`input[data-facet="${facet}"]`)].find(i => i.value === value);
    again?.focus();
}

// Links to the page's own views are followed in place (a modified click still opens a new tab).
document.addEventListener('click', event => {
    const link = event.target.closest('a[href]');
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const url = new URL(link.href);
    if (url.origin !== location.origin || link.target || !(url.pathname === '/' || url.pathname.startsWith('/articles/'))) return;
    event.preventDefault();
    navigate(url.pathname + url.search, { focus: true });
});

window.addEventListener('popstate', () => show());

// Filters open beside the results on a wide screen; on a phone they fold away under the box.
const wide = matchMedia('(min-width: 52rem)');
$('filters-panel').open = wide.matches;
wide.addEventListener('change', () => { $('filters-panel').open = wide.matches; });

// On the front page the box is where a person starts.
if (route(location).view === 'search' && !state.q) $('q').focus();
show();
