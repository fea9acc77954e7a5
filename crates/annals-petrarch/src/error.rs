/// A dictionary or records file that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum PetrarchError {
    /// A malformed line: file name, 1-based line number, what is wrong.
    #[error("{file}:{line}: {message}")]
    Syntax {
        file: String,
        line: usize,
        message: String,
    },
    /// Something the file should have and lacks.
    #[error("{file}: {message}")]
    Missing { file: String, message: String },
    #[error("{file}: {source}")]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
    /// An actor or agent dictionary rejected by `annals_actors::dictionary`.
    #[error(transparent)]
    Dictionary(#[from] annals_actors::dictionary::DictionaryError),
}

pub(crate) fn syntax(file: &str, line: usize, message: impl Into<String>) -> PetrarchError {
    PetrarchError::Syntax {
        file: file.to_owned(),
        line,
        message: message.into(),
    }
}

/// Read a dictionary file as text; Latin-1 bytes in old dictionaries are replaced, not fatal.
pub(crate) fn read_lossy(path: &std::path::Path) -> Result<(String, String), PetrarchError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| PetrarchError::Io {
        file: name.clone(),
        source,
    })?;
    Ok((String::from_utf8_lossy(&bytes).into_owned(), name))
}

/// Strip `#` comments and `<!-- -->` comments (possibly spanning lines) and
/// return the remaining non-blank lines with their 1-based numbers.
pub(crate) fn content_lines(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut in_comment = false;
    for (i, raw) in text.lines().enumerate() {
        let mut line = raw.trim_end_matches('\r');
        if in_comment {
            match line.find("-->") {
                Some(p) => {
                    in_comment = false;
                    line = line.get(p + 3..).unwrap_or("");
                }
                None => continue,
            }
        }
        if let Some(p) = line.find("<!") {
            let rest = line.get(p..).unwrap_or("");
            match rest.find("-->") {
                Some(_) => {
                    let end = p + rest.find("-->").unwrap_or(0) + 3;
                    let before = line.get(..p).unwrap_or("");
                    if before.trim().is_empty() && line.get(end..).unwrap_or("").trim().is_empty() {
                        continue;
                    }
                    line = before;
                }
                None => {
                    in_comment = true;
                    line = line.get(..p).unwrap_or("");
                }
            }
        }
        // A comment starts at a `#` opening the line or following a blank, so
        // that codes such as `[###]` survive.
        let bytes = line.as_bytes();
        let hash = (0..bytes.len()).find(|&i| {
            bytes.get(i) == Some(&b'#')
                && (i == 0 || bytes.get(i - 1).is_some_and(|b| b.is_ascii_whitespace()))
        });
        if let Some(p) = hash {
            line = line.get(..p).unwrap_or("");
        }
        if !line.trim().is_empty() {
            out.push((i + 1, line));
        }
    }
    out
}
