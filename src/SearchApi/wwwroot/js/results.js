// The results view: total, how the query was understood, hits, pager, facets. Text from the API only ever
// becomes text nodes (see dom.js).

import { h, replaceChildren, snippetNodes } from './dom.js';
import { hasFilters, lastPage, searchUrl, selectedYear, toggled, withChanges, yearRange } from './state.js';

const REGIONS_SHOWN = 12;
/** What an article's date is, by its dateSource. */
export const DATE_SOURCES = { article: '文中所记日期', issue: '本期出版日期', estimated: '按本期内容估计' };
const SORT_NAMES = { relevance: '相关度', date: '最新', date_asc: '最早' };

const $ = id => document.getElementById(id);
let showAllRegions = false;

export function renderResults(data, state) {
    const heading = $('results-heading');
    heading.textContent = totalText(data, state);
    renderExplanation(data.query);
    renderEmpty(data, state);
    replaceChildren($('hits'), data.hits.map(hit => hitItem(hit)));
    $('hits').setAttribute('start', String((data.page - 1) * data.pageSize + 1));
    renderPager(data, state);
    renderFacets(data.facets, state);
}

/** Clears the results, e.g. while an error is shown instead. */
export function clearResults(headingText) {
    $('results-heading').textContent = headingText;
    $('explanation').hidden = true;
    $('empty').hidden = true;
    $('hits').replaceChildren();
    $('pager').hidden = true;
}

function totalText(data, state) {
    if (data.total === 0) return '没有找到文章';
    const first = (data.page - 1) * data.pageSize + 1;
    const last = first + data.hits.length - 1;
    const range = data.hits.length > 0 && data.total > data.hits.length ? `，第 ${first}–${last} 篇` : '';
    const what = state.q ? `找到 ${data.total} 篇文章` : `共 ${data.total} 篇文章`;
    const order = !state.q || state.sort !== 'relevance' ? `（按${SORT_NAMES[state.sort === 'relevance' ? 'date' : state.sort]}排列）` : '';
    return what + range + order;
}

/**
 * Says how the query was understood, when that changes what a person sees: folded to simplified characters, relaxed,
 * words given up, years and places that lift articles, words ignored, synonyms.
 */
function renderExplanation(query) {
    const lines = [];
    if (query.normalized) lines.push(`已按简体和标准写法检索：${query.normalized}。`);
    const searched = (query.terms ?? []).filter(t => t.kind !== 'excluded');
    if (query.match === 'relaxed' && query.minimumMatch) {
        lines.push(`同时包含全部 ${searched.length} 个词的文章很少，也显示包含其中至少 ${query.minimumMatch} 个词的文章，最相关的在前。`);
    }
    if (query.match === 'none') lines.push('查询里没有可以搜索的词。');
    if (query.dropped?.length) lines.push(`未要求包含：${query.dropped.join('、')}（仍参与排序）。`);
    const boosts = [...(query.years ?? []).map(y => `${y} 年的文章`), ...(query.places ?? []).map(p => `标注“${p}”的文章`)];
    if (boosts.length) lines.push(`${boosts.join('、')}排在前面。`);
    if (query.ignored?.length) lines.push(`已忽略常见词：${query.ignored.join('、')}。`);
    for (const term of searched.filter(t => t.synonyms?.length)) {
        lines.push(`“${term.text}”也搜索了同义词：${term.synonyms.join('、')}。`);
    }
    const box = $('explanation');
    replaceChildren(box, lines.map(line => h('p', {}, line)));
    box.hidden = lines.length === 0;
}

function renderEmpty(data, state) {
    const box = $('empty');
    box.hidden = data.total > 0;
    if (data.total > 0) return box.replaceChildren();
    const removals = filterRemovals(state);
    replaceChildren(box,
        h('p', {}, state.q ? `没有文章符合“${state.q}”${removals.length ? '和所选的筛选条件' : ''}。` : '没有文章符合所选的筛选条件。'),
        removals.length
            ? [h('p', {}, '去掉一个筛选条件试试：'), h('ul', { class: 'removals' }, removals.map(r => h('li', {}, h('a', { href: r.url }, `去掉 ${r.label}`))))]
            : h('p', {}, '换个说法，或少用几个词试试。'));
}

/** One link per active filter, to the same search without it. */
function filterRemovals(state) {
    const removals = [
        ...state.sections.map(s => ({ label: `栏目：${s}`, url: searchUrl(withChanges(state, { sections: toggled(state.sections, s, false) })) })),
        ...state.regions.map(r => ({ label: `地区：${r}`, url: searchUrl(withChanges(state, { regions: toggled(state.regions, r, false) })) })),
    ];
    if (state.from || state.to) {
        const label = selectedYear(state) ? `年份：${selectedYear(state)}` : `日期：${state.from || '…'} 至 ${state.to || '…'}`;
        removals.push({ label, url: searchUrl(withChanges(state, { from: '', to: '' })) });
    }
    if (removals.length > 1) removals.push({ label: '全部筛选条件', url: searchUrl(withChanges(state, { sections: [], regions: [], from: '', to: '' })) });
    return removals;
}

function hitItem(hit) {
    return h('li', { class: 'hit' },
        h('h2', { class: 'hit-title' }, h('a', { href: `/articles/${encodeURIComponent(hit.id)}` }, hit.title)),
        metaLine(hit),
        hit.snippet ? h('p', { class: 'snippet' }, snippetNodes(hit.snippet)) : null);
}

/** Section · date · regions · source: the line under a title, in hits and similar articles. */
export function metaLine(item) {
    return h('p', { class: 'meta' },
        h('span', { class: 'section-tag' }, item.section),
        h('time', { datetime: item.date, title: DATE_SOURCES[item.dateSource] ?? '' }, item.date),
        item.regions.length ? h('span', { class: 'regions' }, item.regions.join('、')) : null,
        h('span', { class: 'source' }, `来源：${item.source}`));
}

function renderPager(data, state) {
    const pager = $('pager');
    const last = lastPage(data.total);
    pager.hidden = last <= 1;
    if (last <= 1) return pager.replaceChildren();
    const link = (page, label, extra = {}) =>
        h('a', { href: searchUrl({ ...state, page }), ...extra }, label);
    const items = [];
    if (state.page > 1) items.push(link(state.page - 1, '上一页', { rel: 'prev' }));
    for (const page of pageNumbers(state.page, last)) {
        items.push(page === null
            ? h('span', { class: 'gap', 'aria-hidden': 'true' }, '…')
            : page === state.page
                ? h('a', { href: searchUrl({ ...state, page }), 'aria-current': 'page', 'aria-label': `第 ${page} 页，当前页` }, String(page))
                : link(page, String(page), { 'aria-label': `第 ${page} 页` }));
    }
    if (state.page < last) items.push(link(state.page + 1, '下一页', { rel: 'next' }));
    replaceChildren(pager, h('ul', {}, items.map(item => h('li', {}, item))));
}

/** 1 … 4 5 [6] 7 8 … 20: the first, the last and two either side of the current page; null is a gap. */
export function pageNumbers(current, last) {
    const pages = [];
    for (let page = 1; page <= last; page++) {
        if (page === 1 || page === last || Math.abs(page - current) <= 2) pages.push(page);
        else if (pages.at(-1) !== null) pages.push(null);
    }
    return pages;
}

export function renderFacets(facets, state) {
    const year = selectedYear(state);
    renderFacet('section', withSelected(facets.section, state.sections), state.sections, Infinity);
    const regions = withSelected(facets.region, state.regions);
    renderFacet('region', regions, state.regions, showAllRegions ? Infinity : REGIONS_SHOWN);
    renderRegionToggle(regions.length);
    renderFacet('year', withSelected(facets.year, year ? [year] : []), year ? [year] : [], Infinity);
    $('from').value = state.from;
    $('to').value = state.to;
    const clear = $('clear-filters');
    clear.hidden = !hasFilters(state);
    clear.href = searchUrl(withChanges(state, { sections: [], regions: [], from: '', to: '' }));
    const count = state.sections.length + state.regions.length + (state.from || state.to ? 1 : 0);
    document.querySelector('#filters-panel > summary').textContent = count ? `筛选（已选 ${count} 项）` : '筛选';
}

/** A ticked value the current results no longer count still shows (with 0), so it can be unticked. */
function withSelected(values, selected) {
    const missing = selected.filter(s => !values.some(v => v.value === s)).map(value => ({ value, count: 0 }));
    return [...values, ...missing];
}

function renderFacet(name, values, selected, limit) {
    const list = $(`facet-${name}`).querySelector('.facet-values');
    const shown = values.filter((v, i) => i < limit || selected.includes(v.value));
    replaceChildren(list, shown.map((v, i) => {
        const id = `facet-${name}-${i}`;
        return h('li', {},
            h('input', { type: 'checkbox', id, 'data-facet': name, value: v.value, checked: selected.includes(v.value) }),
            h('label', { for: id }, v.value, ' ', h('span', { class: 'count' }, `(${v.count})`)));
    }));
    if (values.length === 0) list.append(h('li', { class: 'none' }, '无'));
}

/** The region list shows its top values, or all of them after "显示全部". */
function renderRegionToggle(count) {
    const fieldset = $('facet-region');
    fieldset.querySelector('.more')?.remove();
    if (count <= REGIONS_SHOWN) return;
    fieldset.append(h('button', { type: 'button', class: 'more', 'aria-expanded': String(showAllRegions) },
        showAllRegions ? '收起' : `显示全部 ${count} 个`));
}

export function toggleAllRegions() {
    showAllRegions = !showAllRegions;
}

/** The state after a facet checkbox changed. */
export function facetChange(state, input) {
    const { facet } = input.dataset;
    if (facet === 'section') return withChanges(state, { sections: toggled(state.sections, input.value, input.checked) });
    if (facet === 'region') return withChanges(state, { regions: toggled(state.regions, input.value, input.checked) });
    return withChanges(state, input.checked ? yearRange(input.value) : { from: '', to: '' });
}
