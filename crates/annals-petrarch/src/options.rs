//! [`CodingOptions`]: PETRARCH's coding switches (`PETR_config.ini`
//! `[Options]`, or `<Config option value>` between unit-test records).

/// How the coder treats incomplete events and actors missing from the dictionaries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodingOptions {
    /// Drop events lacking a source or a target (`require_dyad`, on by
    /// default). Off, an event with a source but no target is kept with the
    /// target written `---`.
    pub require_dyad: bool,
    /// `new_actor_length`: a subject or object noun phrase holding no
    /// dictionary actor becomes an actor of its own, coded with its words in
    /// quotes (`"INJURY TOLL"`), when it has at most this many words. 0 (the
    /// default) disables it.
    pub new_actor_length: usize,
    /// Whether words also match through their lemma, as TABARI's stem
    /// matching did: a verb in a form the dictionary does not list, a pattern
    /// noun written in the singular (`EFFORT` matching `efforts`). PETRARCH
    /// itself does not stem (it generates regular verb forms and synonym-set
    /// plurals), but the dictionaries in circulation, `CAMEO.2.0.txt` among
    /// them, were written for TABARI and lose patterns without it. On by
    /// default; [`CodingOptions::petrarch`] turns it off.
    pub stem: bool,
}

impl Default for CodingOptions {
    fn default() -> Self {
        CodingOptions {
            require_dyad: true,
            new_actor_length: 0,
            stem: true,
        }
    }
}

impl CodingOptions {
    /// PETRARCH's own semantics and defaults (no stemming):
    /// what its unit-test records are written for.
    pub fn petrarch() -> Self {
        CodingOptions {
            stem: false,
            ..CodingOptions::default()
        }
    }

    /// Apply one `option = value` setting. Options PETRARCH has but annals does
    /// not need (comma-clause limits: annals' parse delimits clauses itself;
    /// interface switches) are accepted and ignored, returning `Ok(false)`.
    /// A known option with a value of the wrong kind is an error naming both.
    pub fn set(&mut self, option: &str, value: &str) -> Result<bool, String> {
        let value = value.trim();
        match option.trim().to_ascii_lowercase().as_str() {
            "require_dyad" => {
                self.require_dyad = parse_bool(value).ok_or_else(|| {
                    format!("require_dyad: expected true or false, not {value:?}")
                })?;
                Ok(true)
            }
            "stem" => {
                self.stem = parse_bool(value)
                    .ok_or_else(|| format!("stem: expected true or false, not {value:?}"))?;
                Ok(true)
            }
            "new_actor_length" => {
                self.new_actor_length = value.parse().map_err(|_| {
                    format!("new_actor_length: expected a whole number, not {value:?}")
                })?;
                Ok(true)
            }
            _ => Ok(false),
        }
    }
}

fn parse_bool(v: &str) -> Option<bool> {
    match v.to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" => Some(true),
        "false" | "0" | "no" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_apply_and_bad_values_are_named() {
        let mut o = CodingOptions::default();
        assert_eq!(o.set("require_dyad", "FALSE"), Ok(true));
        assert!(!o.require_dyad);
        assert_eq!(o.set("new_actor_length", "4"), Ok(true));
        assert_eq!(o.new_actor_length, 4);
        assert_eq!(o.set("comma_max", "0"), Ok(false));
        assert!(o.stem && !CodingOptions::petrarch().stem);
        let err = o.set("new_actor_length", "four").unwrap_err();
        assert!(
            err.contains("new_actor_length") && err.contains("four"),
            "{err}"
        );
    }
}
