//! The values a template works on, keeping the distinctions Go's reflection makes: an `int` from a
//! template literal or `len` differs from a `float64` read from YAML or JSON data, a missing map
//! entry (an invalid `reflect.Value`) differs from a present `nil`, and maps are shared references
//! so that Sprig's `set` and `mergeOverwrite` change them in place for every holder.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::Arc;

use serde_json::Value;

pub(crate) type Map = Rc<RefCell<BTreeMap<String, V>>>;

/// A method value reachable by field access, such as `.Files.Get` or `.Capabilities.APIVersions.Has`.
pub(crate) type Method = Arc<dyn Fn(&[V]) -> Result<V, String> + Send + Sync>;

#[derive(Clone)]
pub(crate) enum V {
    /// Go's invalid `reflect.Value`: what a missing map key yields; prints as `<no value>`.
    Missing,
    /// A present nil interface.
    Nil,
    Bool(bool),
    Int(i64),
    /// Sprig's arithmetic results (`add`, `int64`, ...), which are Go int64s: they print like ints
    /// but `typeOf` says int64 and an `int` parameter refuses them.
    I64(i64),
    Float(f64),
    Str(Rc<str>),
    List(Rc<Vec<V>>),
    Map(Map),
    /// A Go object with methods (Helm's `.Files`, `.Capabilities.APIVersions`).
    Object(Rc<Object>),
}

pub(crate) struct Object {
    pub type_name: &'static str,
    pub fields: BTreeMap<String, V>,
    pub methods: BTreeMap<String, Method>,
}

impl V {
    pub fn str(s: impl AsRef<str>) -> V {
        V::Str(Rc::from(s.as_ref()))
    }

    pub fn list(items: Vec<V>) -> V {
        V::List(Rc::new(items))
    }

    pub fn map(m: BTreeMap<String, V>) -> V {
        V::Map(Rc::new(RefCell::new(m)))
    }

    pub fn empty_map() -> V {
        V::map(BTreeMap::new())
    }

    pub fn is_nil(&self) -> bool {
        matches!(self, V::Missing | V::Nil)
    }

    /// The Go type name used in error messages, as `reflect.Type.String()` spells it.
    pub fn type_name(&self) -> &'static str {
        match self {
            V::Missing => "<nil>",
            V::Nil => "<nil>",
            V::Bool(_) => "bool",
            V::Int(_) => "int",
            V::I64(_) => "int64",
            V::Float(_) => "float64",
            V::Str(_) => "string",
            V::List(_) => "[]interface {}",
            V::Map(_) => "map[string]interface {}",
            V::Object(o) => o.type_name,
        }
    }

    /// Go's `text/template` truth (exec.go `isTrue`): the zero value and empty containers are false.
    pub fn truth(&self) -> bool {
        match self {
            V::Missing | V::Nil => false,
            V::Bool(b) => *b,
            V::Int(i) | V::I64(i) => *i != 0,
            V::Float(f) => *f != 0.0,
            V::Str(s) => !s.is_empty(),
            V::List(l) => !l.is_empty(),
            V::Map(m) => !m.borrow().is_empty(),
            V::Object(_) => true,
        }
    }

    /// Go's `reflect.Value` with `Kind() == Interface` holding nil becomes invalid when a pipeline
    /// command finishes (text/template/exec.go evalPipeline, "lovely!").
    pub fn settle(self) -> V {
        match self {
            V::Nil => V::Missing,
            v => v,
        }
    }

    /// A deep copy: fresh maps all the way down (Sprig's `deepCopy`, copystructure).
    pub fn deep_copy(&self) -> V {
        match self {
            V::Map(m) => V::map(m.borrow().iter().map(|(k, v)| (k.clone(), v.deep_copy())).collect()),
            V::List(l) => V::list(l.iter().map(V::deep_copy).collect()),
            v => v.clone(),
        }
    }

    /// From data: every JSON number is a float64, as sigs.k8s.io/yaml and encoding/json decode
    /// into `interface{}`.
    pub fn from_data(v: &Value) -> V {
        match v {
            Value::Null => V::Nil,
            Value::Bool(b) => V::Bool(*b),
            Value::Number(n) => V::Float(n.as_f64().unwrap_or(0.0)),
            Value::String(s) => V::str(s),
            Value::Array(a) => V::list(a.iter().map(V::from_data).collect()),
            Value::Object(o) => V::map(o.iter().map(|(k, v)| (k.clone(), V::from_data(v))).collect()),
        }
    }

    /// From a caller-registered function's result: integral JSON numbers are Go ints.
    pub fn from_result(v: &Value) -> V {
        match v {
            Value::Number(n) => match n.as_i64() {
                Some(i) => V::Int(i),
                None => V::Float(n.as_f64().unwrap_or(0.0)),
            },
            Value::Array(a) => V::list(a.iter().map(V::from_result).collect()),
            Value::Object(o) => V::map(o.iter().map(|(k, v)| (k.clone(), V::from_result(v))).collect()),
            other => V::from_data(other),
        }
    }

    /// To JSON, as encoding/json would see it: ints stay integers, floats are numbers (integral
    /// ones print without a fraction in `to_json`).
    pub fn to_json(&self) -> Value {
        match self {
            V::Missing | V::Nil => Value::Null,
            V::Bool(b) => Value::Bool(*b),
            V::Int(i) | V::I64(i) => Value::from(*i),
            V::Float(f) => {
                if f.fract() == 0.0 && f.abs() < 9.007_199_254_740_992e15 {
                    Value::from(*f as i64)
                } else {
                    serde_json::Number::from_f64(*f).map(Value::Number).unwrap_or(Value::Null)
                }
            }
            V::Str(s) => Value::String(s.to_string()),
            V::List(l) => Value::Array(l.iter().map(V::to_json).collect()),
            V::Map(m) => Value::Object(m.borrow().iter().map(|(k, v)| (k.clone(), v.to_json())).collect()),
            V::Object(o) => Value::Object(o.fields.iter().map(|(k, v)| (k.clone(), v.to_json())).collect()),
        }
    }
}

/// Go's `reflect.DeepEqual`-like equality used by `eq` on basic kinds and by Sprig's list helpers.
pub(crate) fn deep_equal(a: &V, b: &V) -> bool {
    match (a, b) {
        (V::Missing | V::Nil, V::Missing | V::Nil) => true,
        (V::Bool(x), V::Bool(y)) => x == y,
        (V::Int(x), V::Int(y)) | (V::I64(x), V::I64(y)) => x == y,
        (V::Float(x), V::Float(y)) => x == y,
        (V::Str(x), V::Str(y)) => x == y,
        (V::List(x), V::List(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(a, b)| deep_equal(a, b))
        }
        (V::Map(x), V::Map(y)) => {
            if Rc::ptr_eq(x, y) {
                return true;
            }
            let (x, y) = (x.borrow(), y.borrow());
            x.len() == y.len()
                && x.iter().zip(y.iter()).all(|((ka, va), (kb, vb))| ka == kb && deep_equal(va, vb))
        }
        (V::Object(x), V::Object(y)) => Rc::ptr_eq(x, y),
        _ => false,
    }
}
