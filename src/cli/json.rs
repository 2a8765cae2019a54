//! The JSON printed by `show --json` and `stats --json` (documented in the README).

use serde_json::{Value, json};

use lectern::model::Speech;
use lectern::part::Part;
use lectern::stats::{Counts, SpeechStats};

/// `{"title", "greeting", "opening": [..], "sections": [{"id", "heading", "paragraphs"}],
/// "closing": [..], "notes": [..], "language"}`
pub fn speech_json(speech: &Speech) -> Value {
    json!({
        "title": speech.title,
        "greeting": speech.greeting,
        "opening": speech.opening,
        "sections": speech.sections.iter().map(|s| json!({
            "id": s.id.to_string(),
            "heading": s.heading,
            "paragraphs": s.paragraphs,
        })).collect::<Vec<_>>(),
        "closing": speech.closing,
        "notes": speech.notes,
        "language": speech.meta.language.tag(),
    })
}

fn round_tenths(seconds: f64) -> f64 {
    (seconds * 10.0).round() / 10.0
}

fn counts_json(counts: &Counts) -> serde_json::Map<String, Value> {
    let mut map = serde_json::Map::new();
    map.insert("cjk_chars".into(), json!(counts.cjk_chars));
    map.insert("words".into(), json!(counts.words));
    map.insert("seconds".into(), json!(round_tenths(counts.seconds)));
    map
}

/// `{"total": {"cjk_chars", "words", "seconds"}, "parts": [{"kind", "heading", "cjk_chars",
/// "words", "seconds"}]}`; `heading` is null for parts that are not sections.
pub fn stats_json(stats: &SpeechStats) -> Value {
    let parts: Vec<Value> = stats
        .parts
        .iter()
        .map(|part| {
            let mut map = serde_json::Map::new();
            map.insert("kind".into(), json!(part.kind().name()));
            map.insert(
                "heading".into(),
                match part.part {
                    Part::Section(_) => json!(part.heading),
                    _ => Value::Null,
                },
            );
            map.extend(counts_json(&part.counts));
            Value::Object(map)
        })
        .collect();
    json!({
        "total": Value::Object(counts_json(&stats.total)),
        "parts": parts,
    })
}
