use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match osm::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
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
