//! Splitting a manifest into documents the way istioctl reads it: k8s.io/apimachinery's
//! `yaml.NewYAMLReader` (pkg/util/yaml/decoder.go, `YAMLReader.Read`), which istioctl's
//! `IntoResourceFile` uses (pkg/kube/inject/inject.go:627-633 at 1.30.3).

/// The raw text of every non-empty document, in order, each with its own line endings kept:
/// documents that are not injected are copied to the output byte for byte.
///
/// A line that starts with `---` ends a document; only spaces and a comment may follow the dashes
/// (decoder.go `YAMLReader.Read`: anything else is a syntax error). Empty documents (two
/// separators in a row, or a separator at the start) are dropped, as the reader skips them.
pub fn split(text: &str) -> Result<Vec<String>, String> {
    let mut documents = Vec::new();
    let mut current = String::new();
    let mut line_number = 0usize;
    for line in text.split_inclusive('\n') {
        line_number += 1;
        if let Some(rest) = line.strip_prefix("---") {
            let trimmed = rest.trim();
            if !trimmed.is_empty() && !trimmed.starts_with('#') {
                return Err(format!(
                    "line {line_number}: invalid document separator {:?}: only a comment may follow \"---\"",
                    line.trim_end()
                ));
            }
            if !current.is_empty() {
                documents.push(std::mem::take(&mut current));
            }
            continue;
        }
        current.push_str(line);
    }
    if !current.is_empty() {
        documents.push(current);
    }
    Ok(documents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_split_and_empty_documents_vanish() {
        let docs = split("---\na: 1\n---\n---\nb: 2\n--- # end\n").unwrap();
        assert_eq!(docs, vec!["a: 1\n".to_string(), "b: 2\n".to_string()]);
    }

    #[test]
    fn a_document_keeps_its_comments_and_lacks_no_final_newline() {
        let docs = split("# head\nkind: Service\nmetadata: {name: a}").unwrap();
        assert_eq!(docs, vec!["# head\nkind: Service\nmetadata: {name: a}".to_string()]);
    }

    #[test]
    fn text_after_the_dashes_is_refused() {
        let err = split("a: 1\n--- b: 2\n").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
    }

    #[test]
    fn an_empty_file_has_no_documents() {
        assert!(split("").unwrap().is_empty());
    }
}
