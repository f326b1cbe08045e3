use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match osm::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // A value an osm parser refused is invalid input: reported like any osm error (exit 4),
            // without echoing the value, which may carry credentials (a URL's user and password).
            if let Some(invalid) = refused_value(&err) {
                osm::output::print_error(&invalid, osm::output::color_enabled(false));
                return ExitCode::from(invalid.exit_code());
            }
            // clap prints help/version to stdout (exit 0) and usage errors to stderr (exit 2).
            let _ = err.print();
            return ExitCode::from(err.exit_code() as u8);
        }
    };
    let color = osm::output::color_enabled(cli.global.no_color);
    match osm::commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            osm::output::print_error(&err, color);
            ExitCode::from(err.exit_code())
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
