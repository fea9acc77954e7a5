//! HTML pages: the article's text without scripts, styles and navigation.
//!
//! The extractor prefers `<article>`, then `<main>`, then `<body>`; drops
//! `script`, `style`, `nav`, `header`, `footer`, `aside`, `form` and similar
//! subtrees; turns block elements into paragraph breaks; decodes character
//! references. Title and publication date come from `<title>` / `og:title`
//! and `article:published_time` / `datePublished` / `<time datetime>`.
//! Spans of an HTML document point into the extracted text.

use annals_core::Document;
use once_cell::sync::Lazy;
use regex::Regex;

use crate::{entities, InputError};

const DROPPED: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "svg", "iframe",
    "template", "button", "select", "figure",
];
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "tr",
    "section",
    "article",
    "blockquote",
    "figcaption",
    "ul",
    "ol",
    "table",
    "hr",
    "main",
    "pre",
];

static META_DATE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r#"(?is)(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|datePublished|date|pubdate|dc\.date)["'][^>]*?content\s*=\s*["']([^"']+)["']|content\s*=\s*["']([^"']+)["'][^>]*?(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|datePublished)["']|<time[^>]*?datetime\s*=\s*["']([^"']+)["']"#,
    )
    .expect("valid pattern")
});
static TITLE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r#"(?is)property\s*=\s*["']og:title["'][^>]*?content\s*=\s*["']([^"']+)["']|<title[^>]*>(.*?)</title>"#)
        .expect("valid pattern")
});

pub(crate) fn document(input: &str, id: String, html: &str) -> Result<Document, InputError> {
    let lower = html.to_ascii_lowercase();
    let region = ["article", "main", "body"]
        .iter()
        .find_map(|t| inner_range(&lower, t))
        .unwrap_or(0..html.len());
    let text = extract(&html[region.clone()], &lower[region]);
    if text.trim().is_empty() {
        return Err(InputError::Malformed {
            input: input.to_owned(),
            line: 1,
            message: "HTML page has no article text".into(),
        });
    }
    let mut doc = Document::new(id, text);
    doc.title = TITLE.captures(html).and_then(|c| {
        c.get(1)
            .or(c.get(2))
            .map(|m| entities::decode(m.as_str().trim()))
    });
    doc.date = META_DATE.captures(html).and_then(|c| {
        let v = c.get(1).or(c.get(2)).or(c.get(3))?;
        annals_time::parse_date(v.as_str(), None)
    });
    doc.origin = Some(input.to_owned());
    crate::attach_dateline(&mut doc);
    Ok(doc)
}

/// Byte range of the first `<tag ...>...</tag>`'s content in the lowercased page.
fn inner_range(lower: &str, tag: &str) -> Option<std::ops::Range<usize>> {
    let open = find_tag(lower, tag, 0)?;
    let start = open + lower[open..].find('>')? + 1;
    let end = lower[start..]
        .rfind(&format!("</{tag}"))
        .map(|e| start + e)
        .unwrap_or(lower.len());
    Some(start..end)
}

/// Offset of `<tag` followed by a delimiter, at or after `from`.
fn find_tag(lower: &str, tag: &str, mut from: usize) -> Option<usize> {
    let needle = format!("<{tag}");
    loop {
        let at = from + lower[from..].find(&needle)?;
        let next = lower[at + needle.len()..].chars().next();
        if matches!(next, Some(c) if c == '>' || c == '/' || c.is_whitespace()) {
            return Some(at);
        }
        from = at + needle.len();
    }
}

/// Visible text of an HTML fragment (`lower` is its ASCII-lowercased twin,
/// same byte offsets).
fn extract(html: &str, lower: &str) -> String {
    let mut out = String::new();
    let mut i = 0;
    let mut pending = String::new();
    let flush = |pending: &mut String, out: &mut String| {
        let decoded = entities::decode(pending);
        let words: Vec<&str> = decoded.split_whitespace().collect();
        if !words.is_empty() {
            if !out.is_empty() && !out.ends_with('\n') {
                out.push(' ');
            }
            out.push_str(&words.join(" "));
        }
        pending.clear();
    };
    while i < html.len() {
        let Some(lt) = html[i..].find('<').map(|p| i + p) else {
            pending.push_str(&html[i..]);
            break;
        };
        pending.push_str(&html[i..lt]);
        if lower[lt..].starts_with("<!--") {
            i = lower[lt..]
                .find("-->")
                .map(|e| lt + e + 3)
                .unwrap_or(html.len());
            continue;
        }
        let gt = match html[lt..].find('>') {
            Some(g) => lt + g,
            None => break,
        };
        let name: String = lower[lt + 1..gt]
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let closing = lower[lt + 1..].starts_with('/');
        if !closing && DROPPED.contains(&name.as_str()) && !lower[lt..gt].ends_with('/') {
            // Skip the whole subtree (nesting of the same tag included).
            i = skip_subtree(lower, &name, gt + 1);
            continue;
        }
        if BLOCKS.contains(&name.as_str()) {
            flush(&mut pending, &mut out);
            if !out.is_empty() && !out.ends_with("\n\n") {
                out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
            }
        }
        i = gt + 1;
    }
    flush(&mut pending, &mut out);
    out.trim().to_owned()
}

fn skip_subtree(lower: &str, tag: &str, from: usize) -> usize {
    let mut depth = 1;
    let mut pos = from;
    let close = format!("</{tag}");
    while depth > 0 {
        let next_close = lower[pos..].find(&close).map(|p| pos + p);
        let next_open = find_tag(lower, tag, pos);
        match (next_open, next_close) {
            (Some(o), Some(c)) if o < c => {
                depth += 1;
                pos = o + 1;
            }
            (_, Some(c)) => {
                depth -= 1;
                pos = lower[c..]
                    .find('>')
                    .map(|g| c + g + 1)
                    .unwrap_or(lower.len());
            }
            (_, None) => return lower.len(),
        }
    }
    pos
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_article_text_drops_chrome() {
        let page = r#"<html><head><title>Clashes in Basra</title>
<meta property="article:published_time" content="2020-01-03T08:00:00Z">
<style>p{color:red}</style><script>var x = "<p>not text</p>";</script></head>
<body><nav><a href="/">Home</a> | World</nav>
<article><h1>Clashes in Basra</h1><p>BASRA (AP) &mdash; Police fired tear gas at protesters on Friday.</p>
<aside>Read more: unrelated story</aside><p>Three people were hurt &amp; ten arrested.</p></article>
<footer>Copyright</footer></body></html>"#;
        let doc = document("page.html", "p".into(), page).unwrap();
        assert_eq!(doc.title.as_deref(), Some("Clashes in Basra"));
        assert_eq!(
            doc.date.map(|d| d.to_string()).as_deref(),
            Some("2020-01-03")
        );
        assert!(doc
            .text
            .contains("Police fired tear gas at protesters on Friday."));
        assert!(doc.text.contains("Three people were hurt & ten arrested."));
        for junk in ["Home", "not text", "color", "Read more", "Copyright"] {
            assert!(
                !doc.text.contains(junk),
                "{junk} leaked into {:?}",
                doc.text
            );
        }
    }

    #[test]
    fn empty_page_is_an_error() {
        let err = document(
            "e.html",
            "e".into(),
            "<html><body><script>x</script></body></html>",
        );
        assert!(err.unwrap_err().to_string().contains("no article text"));
    }
}
