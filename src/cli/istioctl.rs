//! Called by the name `istioctl` (a link to the same binary), osm takes istioctl's command lines
//! and runs the `osm istio` command that does the same work, so that walkthroughs and scripts
//! written for istioctl run unchanged.
//!
//! istioctl 1.30.3's command tree is istioctl/cmd/root.go:101-250 at that tag; its global flags
//! are istioctl/pkg/cli/context.go:52-80; its exit codes istioctl/cmd/sysexits.go:36-60.

use std::ffi::{OsStr, OsString};
use std::path::Path;

/// istioctl's exit code for a command line it cannot parse (`ExitIncorrectUsage`,
/// istioctl/cmd/sysexits.go:37).
pub const EXIT_USAGE: u8 = 64;
/// istioctl's exit code for every other failure (`ExitUnknownError`, sysexits.go:36).
pub const EXIT_FAILED: u8 = 1;

/// The istioctl commands osm answers to, as istioctl spells them, and the osm command line
/// each becomes.
const COMMANDS: &[(&[&str], &[&str])] = &[
    (&["install"], &["istio", "install"]),
    // `apply` is install's alias (operator/cmd/mesh/install.go: Aliases).
    (&["apply"], &["istio", "install"]),
    (&["manifest", "generate"], &["istio", "manifest", "generate"]),
    (&["kube-inject"], &["istio", "kube-inject"]),
    (&["uninstall"], &["istio", "uninstall"]),
    (&["version"], &["istio", "version"]),
    (&["verify-install"], &["istio", "verify-install"]),
    (&["x", "precheck"], &["check", "--mesh", "istio", "--pre"]),
    (&["experimental", "precheck"], &["check", "--mesh", "istio", "--pre"]),
];

/// Global flags that take a value, in istioctl's spelling, and osm's spelling of the same
/// setting (`None`: osm has no such setting, so the flag is refused rather than ignored).
const VALUE_FLAGS: &[(&str, Option<&str>)] = &[
    ("--kubeconfig", Some("--kubeconfig")),
    ("-c", Some("--kubeconfig")),
    ("--context", Some("--context")),
    ("--kubeclient-timeout", Some("--request-timeout")),
    ("--istioNamespace", Some("--istioNamespace")),
    ("-i", Some("--istioNamespace")),
    ("--namespace", Some("--namespace")),
    ("-n", Some("--namespace")),
    ("--as", None),
    ("--as-uid", None),
    ("--as-group", None),
    ("--vklog", None),
];

/// True when the binary was started under the name istioctl (`istioctl`, `istioctl.exe`, or a
/// path ending in either).
pub fn invoked_as_istioctl(argv0: &OsStr) -> bool {
    let stem = Path::new(argv0).file_stem().and_then(OsStr::to_str).unwrap_or_default();
    stem == "istioctl"
}

/// Why an istioctl command line has no osm equivalent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub message: String,
}

/// What an istioctl command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Translation {
    /// Run osm with these arguments (argv[0] included).
    Run(Vec<OsString>),
    /// `istioctl`, `istioctl help` or `istioctl --help`: print [`help`] and exit 0.
    Help,
}

/// Turns `istioctl ARGS` into the osm command line doing the same work.
pub fn translate(args: &[OsString]) -> Result<Translation, Refusal> {
    let mut path: Vec<String> = Vec::new();
    let mut rest: Vec<OsString> = Vec::new();
    let mut iter = args.iter().skip(1).peekable();
    let mut command_done = false;
    while let Some(arg) = iter.next() {
        let Some(text) = arg.to_str() else {
            rest.push(arg.clone());
            continue;
        };
        if text == "--" {
            rest.push(arg.clone());
            rest.extend(iter.by_ref().cloned());
            break;
        }
        if let Some((flag, value)) = split_value_flag(text) {
            let Some(osm_flag) = flag else {
                return Err(Refusal {
                    message: format!(
                        "istioctl flag {} is not supported by osm: leave it out, or run Istio's own istioctl",
                        text.split('=').next().unwrap_or(text)
                    ),
                });
            };
            let value = match value {
                Some(v) => OsString::from(v),
                None => match iter.next() {
                    Some(v) => v.clone(),
                    None => {
                        return Err(Refusal { message: format!("flag {text} needs a value") });
                    }
                },
            };
            rest.push(OsString::from(osm_flag));
            rest.push(value);
            continue;
        }
        if text == "-h" || text == "--help" {
            if path.is_empty() {
                return Ok(Translation::Help);
            }
            rest.push(arg.clone());
            continue;
        }
        if !command_done && !text.starts_with('-') {
            path.push(text.to_string());
            let words: Vec<&str> = path.iter().map(String::as_str).collect();
            command_done = COMMANDS.iter().any(|(command, _)| *command == words.as_slice());
            continue;
        }
        rest.push(arg.clone());
    }
    if path.is_empty() || path == ["help"] {
        return Ok(Translation::Help);
    }
    let words: Vec<&str> = path.iter().map(String::as_str).collect();
    let (istioctl_words, osm_words) = COMMANDS
        .iter()
        .filter(|(istioctl_words, _)| words.starts_with(istioctl_words))
        .max_by_key(|(istioctl_words, _)| istioctl_words.len())
        .ok_or_else(|| refuse_command(&words))?;
    let mut out: Vec<OsString> = vec![OsString::from("istioctl")];
    out.extend(osm_words.iter().map(OsString::from));
    // Words past the command are its positional arguments.
    out.extend(path.iter().skip(istioctl_words.len()).map(OsString::from));
    out.extend(rest);
    Ok(Translation::Run(out))
}

/// `--flag=value`, `--flag value`, `-cVALUE`: the osm flag (None: refused) and the inline value.
#[allow(clippy::type_complexity)]
fn split_value_flag(text: &str) -> Option<(Option<&'static str>, Option<String>)> {
    for (flag, osm_flag) in VALUE_FLAGS {
        if text == *flag {
            return Some((*osm_flag, None));
        }
        if let Some(value) = text.strip_prefix(flag).and_then(|r| r.strip_prefix('=')) {
            return Some((*osm_flag, Some(value.to_string())));
        }
        // Short flags take their value attached too (`-cPATH`), as pflag allows.
        if flag.len() == 2 && text.len() > 2 && text.starts_with(flag) && !text.starts_with("--") {
            return Some((*osm_flag, Some(text[2..].to_string())));
        }
    }
    None
}

fn refuse_command(words: &[&str]) -> Refusal {
    let asked = words.join(" ");
    let instead = match words.first().copied().unwrap_or_default() {
        "analyze" | "validate" => {
            "run Istio's own istioctl for it; `osm traffic get` shows routes osm manages"
        }
        "dashboard" => "`osm dashboard` opens Grafana, Prometheus or Jaeger through a port-forward",
        "proxy-config" | "pc" | "proxy-status" | "ps" => {
            "`osm proxy get` reads a sidecar's Envoy admin interface"
        }
        "bug-report" => "`osm support bug-report` collects an archive",
        "upgrade" => "`istioctl install` with the new settings (osm installs Istio 1.30.3)",
        "completion" => "`osm completion SHELL` prints osm's completion script",
        _ => "run Istio's own istioctl for it",
    };
    Refusal {
        message: format!(
            "unknown command \"{asked}\" for \"istioctl\": osm answers to istioctl for {}; for this one, {instead}",
            supported_list()
        ),
    }
}

fn supported_list() -> String {
    let names: Vec<String> = COMMANDS
        .iter()
        .map(|(words, _)| words.join(" "))
        .filter(|w| w != "apply" && w != "experimental precheck")
        .collect();
    names.join(", ")
}

/// What `istioctl --help` prints when osm answers to the name.
pub fn help() -> String {
    let mut text = String::from(
        "istioctl (osm): Istio's lifecycle commands, run by osm with istioctl's flags.\n\nCommands:\n",
    );
    for (words, osm_words) in COMMANDS {
        if words == &["apply"] || words == &["experimental", "precheck"] {
            continue;
        }
        text.push_str(&format!("  istioctl {:<20} runs  osm {}\n", words.join(" "), osm_words.join(" ")));
    }
    text.push_str(
        "\nGlobal flags: -c/--kubeconfig, --context, -i/--istioNamespace, -n/--namespace, \
         --kubeclient-timeout.\nAny other istioctl command is refused with what to use instead.\n",
    );
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(line: &str) -> Result<Vec<String>, Refusal> {
        let args: Vec<OsString> =
            std::iter::once("istioctl").chain(line.split_whitespace()).map(OsString::from).collect();
        match translate(&args)? {
            Translation::Run(out) => Ok(out.into_iter().skip(1).map(|s| s.into_string().unwrap()).collect()),
            Translation::Help => Ok(vec!["<help>".into()]),
        }
    }

    #[test]
    fn commands_become_osm_istio_commands() {
        assert_eq!(
            run("install --set profile=demo -y").unwrap(),
            ["istio", "install", "--set", "profile=demo", "-y"]
        );
        assert_eq!(
            run("manifest generate -s profile=minimal").unwrap(),
            ["istio", "manifest", "generate", "-s", "profile=minimal"]
        );
        assert_eq!(run("kube-inject -f -").unwrap(), ["istio", "kube-inject", "-f", "-"]);
        assert_eq!(run("uninstall --purge -y").unwrap(), ["istio", "uninstall", "--purge", "-y"]);
        assert_eq!(run("uninstall -f iop.yaml -y").unwrap(), ["istio", "uninstall", "-f", "iop.yaml", "-y"]);
        assert_eq!(run("x precheck").unwrap(), ["check", "--mesh", "istio", "--pre"]);
        assert_eq!(run("apply -y").unwrap(), ["istio", "install", "-y"]);
    }

    #[test]
    fn global_flags_take_osm_spelling_wherever_they_stand() {
        assert_eq!(
            run("-c /tmp/kc version --context dev").unwrap(),
            ["istio", "version", "--kubeconfig", "/tmp/kc", "--context", "dev"]
        );
        assert_eq!(run("version --kubeconfig=/k").unwrap(), ["istio", "version", "--kubeconfig", "/k"]);
        assert_eq!(
            run("-i istio-x kube-inject -f -").unwrap(),
            ["istio", "kube-inject", "--istioNamespace", "istio-x", "-f", "-"]
        );
        assert!(run("version --as admin").unwrap_err().message.contains("--as"));
    }

    #[test]
    fn other_commands_are_refused_with_what_to_do() {
        let refusal = run("analyze -A").unwrap_err();
        assert!(refusal.message.contains("unknown command \"analyze\""), "{}", refusal.message);
        assert!(refusal.message.contains("Istio's own istioctl"));
        assert!(run("dashboard kiali").unwrap_err().message.contains("osm dashboard"));
        assert!(run("manifest diff a b").is_err());
        assert_eq!(run("").unwrap(), ["<help>"]);
        assert_eq!(run("--help").unwrap(), ["<help>"]);
    }

    #[test]
    fn names() {
        assert!(invoked_as_istioctl(OsStr::new("/usr/local/bin/istioctl")));
        assert!(invoked_as_istioctl(OsStr::new("istioctl.exe")));
        assert!(!invoked_as_istioctl(OsStr::new("osm")));
    }
}
