//! Reading the files a command line names (`-f`), so that the domain gets their text and never
//! touches the filesystem itself.

use std::path::PathBuf;

use crate::error::{Error, Result};

/// The `-f/--values` files of `install` and `mesh upgrade`, each with its text, in order.
pub fn read_values_files(paths: &[PathBuf]) -> Result<Vec<(PathBuf, String)>> {
    paths
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).map_err(|e| {
                Error::invalid(format!("cannot read values file {}: {e}", path.display()))
                    .with_hint("pass an existing YAML file to -f/--values")
            })?;
            Ok((path.clone(), text))
        })
        .collect()
}

/// One kube-inject input named by `flag`: a file, or standard input for `-`.
pub fn read_inject_input(name: &str, flag: &str) -> Result<String> {
    if name == "-" {
        return std::io::read_to_string(std::io::stdin())
            .map_err(|e| Error::invalid(format!("cannot read standard input: {e}")));
    }
    std::fs::read_to_string(name).map_err(|e| {
        Error::invalid(format!("cannot read {name}: {e}"))
            .with_hint(format!("pass an existing file to {flag}"))
    })
}

/// istioctl's `-f` list: files by name, each with its text, in order; `-` is stdin and only allowed
/// last (operator/pkg/render/manifest.go:265-278).
pub fn read_filenames(names: &[String]) -> Result<Vec<(String, String)>> {
    let mut files = Vec::new();
    for (index, name) in names.iter().enumerate() {
        let text = if name == "-" {
            if index != names.len() - 1 {
                return Err(Error::invalid("-f -: stdin is only allowed as the last filename"));
            }
            std::io::read_to_string(std::io::stdin())
                .map_err(|e| Error::invalid(format!("-f -: cannot read stdin: {e}")))?
        } else {
            let path = name.trim();
            std::fs::read_to_string(path)
                .map_err(|e| Error::invalid(format!("-f {path}: cannot read the file: {e}")))?
        };
        files.push((name.clone(), text));
    }
    Ok(files)
}
