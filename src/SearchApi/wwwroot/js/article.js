// The article view: the whole body in paragraphs, its metadata and the similar articles.

import { h, replaceChildren } from './dom.js';
import { DATE_SOURCES, metaLine } from './results.js';

export function renderArticle(view, article, backUrl) {
    replaceChildren(view,
        h('p', { class: 'back' }, h('a', { href: backUrl }, '← 返回搜索结果')),
        h('h1', { id: 'article-title', tabindex: '-1' }, article.title),
        h('dl', { class: 'article-meta' },
            field('栏目', article.section),
            field('日期', h('time', { datetime: article.date }, article.date), ` （${DATE_SOURCES[article.dateSource] ?? article.dateSource}）`),
            article.regions.length ? field('地区', article.regions.join('、')) : null,
            field('来源', article.source),
            field('期号', article.issue, article.issueDate ? `（${article.issueDate}）` : '')),
        h('div', { class: 'article-body' },
            article.body.split('\n').map(p => p.trim()).filter(p => p.length > 0).map(p => h('p', {}, p))),
        h('section', { class: 'similar', 'aria-labelledby': 'similar-heading' },
            h('h2', { id: 'similar-heading' }, '相似文章'),
            h('p', { id: 'similar-status', class: 'status' }, '正在查找…'),
            h('ol', { id: 'similar-list', class: 'hits' })));
}

export function renderSimilar(result) {
    const status = document.getElementById('similar-status');
    status.textContent = result.hits.length ? '' : '没有找到相似的文章。';
    status.hidden = result.hits.length > 0;
    replaceChildren(document.getElementById('similar-list'), result.hits.map(hit =>
        h('li', { class: 'hit' },
            h('h3', { class: 'hit-title' }, h('a', { href: `/articles/${encodeURIComponent(hit.id)}` }, hit.title)),
            metaLine(hit))));
}

export function renderSimilarError(message) {
    document.getElementById('similar-status').textContent = message;
}

export function renderMissingArticle(view, id, message, backUrl) {
    replaceChildren(view,
        h('h1', { id: 'article-title', tabindex: '-1' }, '找不到这篇文章'),
        h('p', {}, message || `没有编号为 ${id} 的文章。`),
        h('p', {}, h('a', { href: backUrl }, '← 返回搜索')));
}

function field(name, ...value) {
    return h('div', {}, h('dt', {}, name), h('dd', {}, value));
}
