// Building DOM safely: every piece of text from the API becomes a text node. Nothing here parses HTML.

/**
 * An element with attributes and children; strings become text nodes, null and false are skipped.
 * Attributes are set with setAttribute, so "on…" names are refused rather than turned into handlers.
 */
export function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        if (value === null || value === undefined || value === false) continue;
        if (name.toLowerCase().startsWith('on')) throw new Error(`no inline handlers: ${name}`);
        element.setAttribute(name, value === true ? '' : String(value));
    }
    append(element, children);
    return element;
}

export function append(parent, children) {
    for (const child of children.flat()) {
        if (child === null || child === undefined || child === false) continue;
        parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return parent;
}

export function replaceChildren(parent, ...children) {
    parent.replaceChildren();
    return append(parent, children);
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the entities WebUtility.HtmlEncode writes (&lt; &gt; &amp; &quot; &#39; &#NNN; &#xHH;) into plain text. */
export function decodeEntities(text) {
    return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (whole, decimal, hex, name) => {
        if (decimal || hex) {
            const code = Number.parseInt(decimal ?? hex, decimal ? 10 : 16);
            return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
        }
        return ENTITIES[name.toLowerCase()] ?? whole;
    });
}

/**
 * A snippet as nodes: the API's snippet is HTML-escaped text with matches between <em> and </em>. It is split on
 * exactly those markers; the pieces between are decoded to text nodes, the marked ones wrapped in <mark>.
 * Anything else that looks like a tag stays visible text.
 */
export function snippetNodes(snippet) {
    const fragment = document.createDocumentFragment();
    const parts = snippet.split(/<em>(.*?)<\/em>/s);
    parts.forEach((part, i) => {
        if (part === '') return;
        const text = document.createTextNode(decodeEntities(part));
        fragment.append(i % 2 === 1 ? h('mark', {}, text) : text);
    });
    return fragment;
}
