use std::ffi::OsString;
use std::process::ExitCode;

use clap::Parser;
use osm::cli::istioctl;

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    if args.first().is_some_and(|name| istioctl::invoked_as_istioctl(name)) {
        return run_as_istioctl(&args);
    }
    ExitCode::from(run(args))
}

/// osm under the name istioctl: istioctl's command line, istioctl's exit codes (64 for a command
/// line it cannot parse, 1 for any other failure).
fn run_as_istioctl(args: &[OsString]) -> ExitCode {
    let color = osm::output::color_enabled(false);
    match istioctl::translate(args) {
        Ok(istioctl::Translation::Help) => {
            print!("{}", istioctl::help());
            ExitCode::SUCCESS
        }
        Ok(istioctl::Translation::Run(osm_args)) => ExitCode::from(match run(osm_args) {
            0 => 0,
            2 => istioctl::EXIT_USAGE,
            _ => istioctl::EXIT_FAILED,
        }),
        Err(refusal) => {
            osm::output::print_error(&osm::Error::usage(refusal.message), color);
            ExitCode::from(istioctl::EXIT_USAGE)
        }
    }
}

/// Parses `args`, runs the command and returns osm's exit code.
fn run(args: Vec<OsString>) -> u8 {
    let cli = match osm::cli::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => {
            // A value an osm parser refused is invalid input: reported like any osm error (exit 4),
            // without echoing the value, which may carry credentials (a URL's user and password).
            if let Some(invalid) = refused_value(&err) {
                osm::output::print_error(&invalid, osm::output::color_enabled(false));
                return invalid.exit_code();
            }
            // clap prints help/version to stdout (exit 0) and usage errors to stderr (exit 2).
            let _ = err.print();
            return err.exit_code() as u8;
        }
    };
    let color = osm::output::color_enabled(cli.global.no_color);
    match osm::commands::run(cli) {
        Ok(()) => 0,
        Err(err) => {
            osm::output::print_error(&err, color);
            err.exit_code()
        }
    }
}

/// The osm error behind a value clap's parser refused, named with its flag.
fn refused_value(err: &clap::Error) -> Option<osm::Error> {
    if err.kind() != clap::error::ErrorKind::ValueValidation {
        return None;
    }
    let inner = std::error::Error::source(err)?.downcast_ref::<osm::Error>()?;
    let mut invalid = inner.clone();
    if let Some(clap::error::ContextValue::String(arg)) = err.get(clap::error::ContextKind::InvalidArg) {
        let flag = arg.split_whitespace().next().unwrap_or(arg);
        if !invalid.message.starts_with(flag) {
            invalid.message = format!("{flag}: {}", invalid.message);
        }
    }
    Some(invalid)
}
