//! Go's `text/template`, with the Sprig and Helm functions that Istio's charts and sidecar
//! injection templates call. Istio ships both as Go templates that users customise, so osm runs
//! the templates themselves rather than a hand translation of them.
//!
//! Values keep Go's distinctions: numbers from data are `float64` (so `{{ 1000000.0 }}` prints
//! `1e+06`), literals in templates are `int`, a missing map key is "no value", and maps are shared
//! references (`set` changes them for every holder).
//!
//! What callers hand over:
//! - Data is JSON. Go templates name struct fields (`.ObjectMeta.Annotations`); either give those
//!   names as map keys or turn on [`Templates::set_struct_fields`] to read the JSON names. A key
//!   JSON omitted is "no value" where Go's struct field would hold its zero value (an empty map
//!   for `index`), so give such fields explicitly. A field `GetXxx` that is not a key reads the
//!   key `xxx` (the protobuf getter), or no value.
//! - Functions (`add_func`) get their arguments as JSON (ints stay integers, data numbers are
//!   floats) and must be added before `parse`, which, like Go, rejects unknown function names.

mod exec;
mod fmt;
mod funcs;
mod helm;
mod json;
mod parse;
mod value;
mod yaml;

use std::collections::HashMap;
use std::sync::Arc;

pub use helm::{Chart, RenderOptions, coalesce_values, render_chart};
pub use serde_json::Value;

use exec::{State, TemplateDef};
use funcs::FuncImpl;
use value::V;

/// A function callers add (Istio's injector registers its own): JSON values in, one value out;
/// an `Err` becomes Go's "error calling NAME: MSG".
pub type Func = Arc<dyn Fn(&[Value]) -> Result<Value, String> + Send + Sync>;

/// Go's `Option("missingkey=...")`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum MissingKey {
    /// The default: a missing key is an invalid value, printed as `<no value>`.
    Invalid,
    /// `missingkey=zero`, which Helm sets: the zero value of `interface{}`, a nil that fails
    /// further field access ("nil pointer evaluating interface {}.x").
    Zero,
    /// `missingkey=error`.
    Error,
}

/// A set of templates sharing their `define`s, like Go's `*template.Template`. Cloning is cheap
/// (parsed trees and functions are shared), like Go's `Clone`.
#[derive(Clone)]
pub struct Templates {
    pub(crate) templates: HashMap<String, Arc<TemplateDef>>,
    pub(crate) funcs: HashMap<String, FuncImpl>,
    pub(crate) missing_key: MissingKey,
    pub(crate) struct_fields: bool,
    /// Helm's engine: `fail` and `required` messages marked for cleanupExecError.
    pub(crate) helm_errors: bool,
    /// The name `tpl` gives its text (Helm: "gotpl"); by default the calling template's file.
    pub(crate) tpl_parent: Option<String>,
}

impl Default for Templates {
    fn default() -> Self {
        Self::new()
    }
}

impl Templates {
    /// Go's builtins, Sprig, and Helm's include/tpl/required/toYaml/fromYaml/toJson/fromJson/lookup.
    pub fn new() -> Self {
        Templates {
            templates: HashMap::new(),
            funcs: funcs::default_funcs(),
            missing_key: MissingKey::Invalid,
            struct_fields: false,
            helm_errors: false,
            tpl_parent: None,
        }
    }

    /// Adds (or replaces) a function.
    pub fn add_func(&mut self, name: &str, f: Func) {
        self.funcs.insert(name.to_string(), FuncImpl::User(f));
    }

    /// Parses `text` as the template `name`; its `define`s join the set (a later definition of a
    /// name replaces an earlier one, except that an empty body never replaces a non-empty one, as
    /// text/template's AddParseTree decides).
    pub fn parse(&mut self, name: &str, text: &str) -> Result<(), Error> {
        let funcs = &self.funcs;
        let parsed = parse::parse(name, text, &|f| funcs.contains_key(f)).map_err(Error::new)?;
        let src: Arc<str> = Arc::from(text);
        // parse.go (*Tree).add: within one text, a name may have one non-empty definition.
        let mut defined = std::collections::HashSet::new();
        for ((def_name, nodes), line) in parsed.defines.iter().zip(&parsed.define_lines) {
            if !is_empty_tree(nodes) && !defined.insert(def_name.clone()) {
                return Err(Error::new(format!(
                    "template: {name}:{line}: template: multiple definition of template {}",
                    fmt::go_quote(def_name)
                )));
            }
        }
        for (def_name, nodes) in parsed.defines {
            let empty = is_empty_tree(&nodes);
            if empty && self.templates.get(&def_name).is_some_and(|d| !is_empty_tree(&d.nodes)) {
                continue;
            }
            self.templates.insert(
                def_name,
                Arc::new(TemplateDef { parse_name: name.to_string(), src: src.clone(), nodes }),
            );
        }
        let empty = is_empty_tree(&parsed.root);
        if !(empty && self.templates.get(name).is_some_and(|d| !is_empty_tree(&d.nodes))) {
            self.templates.insert(
                name.to_string(),
                Arc::new(TemplateDef { parse_name: name.to_string(), src, nodes: parsed.root }),
            );
        }
        Ok(())
    }

    /// Whether a template (a file or a `define`) of this name exists.
    pub fn has_template(&self, name: &str) -> bool {
        self.templates.contains_key(name)
    }

    /// Executes the template `name` with `data` as dot. JSON numbers in `data` are Go float64s.
    pub fn execute(&self, name: &str, data: &Value) -> Result<String, Error> {
        // A nil `data` is Go's invalid value: fields of it are "no value", not nil-pointer errors.
        let dot = if data.is_null() { V::Missing } else { V::from_data(data) };
        self.execute_v(name, dot)
    }

    pub(crate) fn execute_v(&self, name: &str, dot: V) -> Result<String, Error> {
        let Some(def) = self.templates.get(name).cloned() else {
            return Err(Error::new(format!(
                "template: no template {} associated with template {}",
                fmt::go_quote(name),
                fmt::go_quote(name)
            )));
        };
        let mut out = String::new();
        let mut state = State::new(self, None, name, def, dot, 0);
        state.run(&mut out)?;
        Ok(out)
    }

    /// Go's `Option("missingkey=error")` when `on`; otherwise the default, where a missing key
    /// prints `<no value>`.
    pub fn set_missing_key_error(&mut self, on: bool) {
        self.missing_key = if on { MissingKey::Error } else { MissingKey::Invalid };
    }

    /// For data that Go holds as structs but callers hand over as JSON (Istio's injection data:
    /// Kubernetes objects, protobuf messages): a field name that starts with an upper-case letter
    /// and is not a key reads the key equal to it ignoring ASCII case (`.ObjectMeta.Annotations`
    /// reads "annotations", `.TypeMeta.APIVersion` "apiVersion"), `GetXxx` reads "xxx" likewise,
    /// and `.String` of a string or `.GetValue` of a scalar (an enum or a wrapper message in JSON
    /// form) is the value itself. Off by default: Helm values are maps, where Go finds no such
    /// keys.
    pub fn set_struct_fields(&mut self, on: bool) {
        self.struct_fields = on;
    }

    /// Go's `Option("missingkey=zero")`, which Helm's engine sets.
    pub fn set_missing_key_zero(&mut self) {
        self.missing_key = MissingKey::Zero;
    }
}

/// parse.IsEmptyTree: only whitespace text (and nothing else).
fn is_empty_tree(nodes: &[parse::Node]) -> bool {
    nodes.iter().all(|n| matches!(n, parse::Node::Text(t) if t.trim().is_empty()))
}

/// A parse or execution error, worded like Go's: "template: NAME:LINE:COL: executing "NAME" at
/// <CONTEXT>: MESSAGE".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    message: String,
}

impl Error {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        Error { message: message.into() }
    }

    pub fn message(&self) -> &str {
        &self.message
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// sigs.k8s.io/yaml.Marshal of JSON data (what Helm's `toYaml` prints, before it trims the final
/// newline). JSON numbers are Go float64s, as when Go decodes JSON or YAML into `interface{}`.
/// Fails where Go fails: strings holding control characters yaml.v2 does not accept.
pub fn to_yaml(value: &Value) -> Result<String, Error> {
    yaml::marshal(&V::from_data(value))
        .ok_or_else(|| Error::new("error converting JSON to YAML: control characters are not allowed"))
}

/// encoding/json.Marshal of JSON data: sorted keys, `<`, `>` and `&` escaped, Go's float format.
pub fn to_json(value: &Value) -> String {
    json::marshal(&V::from_data(value), true)
}

/// encoding/json.MarshalIndent(value, "", indent).
pub fn to_json_indent(value: &Value, indent: &str) -> String {
    json::marshal_indent(&V::from_data(value), indent)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Callers keep a parsed set in shared state and render from async tasks.
    #[test]
    fn templates_are_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Templates>();
        assert_send_sync::<Error>();
    }
}
