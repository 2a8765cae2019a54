//! `pairs-unbalanced`: an opening `“ ‘ （ 《 【` (and `( 「 『 〈`) without its closing partner
//! in the same paragraph, or a closing one without its opening. No fix: only the writer knows
//! where the partner belongs.

use super::Hit;
use super::finding::{CheckId, FindingMessage};
use super::text::Para;

/// The closing partner of an opening mark. `(`/`（` and `)`/`）` pair across widths, so a
/// half-width mark (reported by `punct-halfwidth`) is not reported twice.
fn closing_of(c: char) -> Option<char> {
    Some(match c {
        '“' => '”',
        '‘' => '’',
        '（' | '(' => '）',
        '《' => '》',
        '【' => '】',
        '「' => '」',
        '『' => '』',
        '〈' => '〉',
        _ => return None,
    })
}

fn opening_of(c: char) -> Option<char> {
    Some(match c {
        '”' => '“',
        '’' => '‘',
        '）' | ')' => '（',
        '》' => '《',
        '】' => '【',
        '」' => '「',
        '』' => '『',
        '〉' => '〈',
        _ => return None,
    })
}

fn same_close(a: char, b: char) -> bool {
    let norm = |c| if c == ')' { '）' } else { c };
    norm(a) == norm(b)
}

fn unbalanced(start: usize, mark: char, missing: char) -> Hit {
    Hit {
        check: CheckId::PairsUnbalanced,
        start,
        end: start + 1,
        suggestion: None,
        message: FindingMessage::Unbalanced { mark, missing },
    }
}

/// Unbalanced paired marks in one paragraph.
pub(crate) fn check(p: &Para, out: &mut Vec<Hit>) {
    // Open marks not yet closed: (position, the closing mark they need).
    let mut open: Vec<(usize, char)> = Vec::new();
    let mut found = Vec::new();
    for (i, &c) in p.chars.iter().enumerate() {
        if !p.is_free(i) {
            continue;
        }
        if let Some(close) = closing_of(c) {
            open.push((i, close));
        } else if let Some(opening) = opening_of(c) {
            match open.iter().rposition(|&(_, need)| same_close(need, c)) {
                Some(k) => {
                    // Marks opened inside this pair and never closed.
                    for &(j, need) in &open[k + 1..] {
                        found.push(unbalanced(j, p.chars[j], need));
                    }
                    open.truncate(k);
                }
                None => {
                    // `’` after a letter is an apostrophe (`don’t`, `students’`).
                    let apostrophe =
                        c == '’' && p.before(i).is_some_and(|c| c.is_ascii_alphanumeric());
                    if !apostrophe {
                        found.push(unbalanced(i, c, opening));
                    }
                }
            }
        }
    }
    for (j, need) in open {
        found.push(unbalanced(j, p.chars[j], need));
    }
    found.sort_by_key(|h| h.start);
    out.extend(found);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(text: &str) -> Vec<(usize, char)> {
        let mut hits = Vec::new();
        check(&Para::new(text), &mut hits);
        hits.into_iter()
            .map(|h| match h.message {
                FindingMessage::Unbalanced { mark, .. } => (h.start, mark),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn balanced_marks_pass() {
        assert!(marks("学习《条例》，坚持“四个意识”和【重点】（见附件(一)）。").is_empty());
        assert!(marks("the students’ work, don’t").is_empty());
    }

    #[test]
    fn unbalanced_marks_are_found() {
        assert_eq!(marks("坚持“四个意识，"), [(2, '“')]);
        assert_eq!(marks("坚持四个意识”，"), [(6, '”')]);
        assert_eq!(marks("《条例（试行》"), [(3, '（')]);
        assert_eq!(marks("【重点"), [(0, '【')]);
        assert_eq!(marks("见附件）"), [(3, '）')]);
    }
}
