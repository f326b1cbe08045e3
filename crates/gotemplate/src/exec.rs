//! Execution, following text/template/exec.go: the same evaluation order, truth, field lookup on
//! maps (missing keys per the `missingkey` option), variable scoping, and error texts.

use std::collections::HashMap;
use std::sync::Arc;

use crate::fmt::print_value;
use crate::funcs::{FuncImpl, P};
use crate::parse::{Arg, ArgKind, Branch, Cmd, Node, Number, Pipe};
use crate::value::V;
use crate::{Error, MissingKey, Templates};

/// One named template: a file or a `define`, with the text it was parsed from (for positions).
pub(crate) struct TemplateDef {
    pub parse_name: String,
    pub src: Arc<str>,
    pub nodes: Vec<Node>,
}

pub(crate) enum Flow {
    Err(Error),
    Break,
    Continue,
}

impl From<Error> for Flow {
    fn from(e: Error) -> Self {
        Flow::Err(e)
    }
}

type R<T> = Result<T, Flow>;

pub(crate) struct State<'a> {
    pub set: &'a Templates,
    /// Templates parsed by `tpl`, seen before the set's.
    pub overlay: Option<Arc<HashMap<String, Arc<TemplateDef>>>>,
    pub name: String,
    pub def: Arc<TemplateDef>,
    pub vars: Vec<(String, V)>,
    pub depth: usize,
    /// Error location: the position and text of the node being evaluated.
    node: Option<(usize, String)>,
}

/// How deep `template`, `include` and `tpl` may nest. Go allows 100000 (exec.go maxExecDepth) on
/// its growable stacks; here each level takes stack (about 13 KiB per include in a debug build), so
/// the limit keeps a 2 MiB thread stack safe while leaving far more depth than charts use.
const MAX_DEPTH: usize = 100;

impl<'a> State<'a> {
    pub fn new(
        set: &'a Templates,
        overlay: Option<Arc<HashMap<String, Arc<TemplateDef>>>>,
        name: &str,
        def: Arc<TemplateDef>,
        dot: V,
        depth: usize,
    ) -> Self {
        State {
            set,
            overlay,
            name: name.to_string(),
            def,
            vars: vec![("$".to_string(), dot)],
            depth,
            node: None,
        }
    }

    pub fn lookup(&self, name: &str) -> Option<Arc<TemplateDef>> {
        if let Some(o) = &self.overlay
            && let Some(d) = o.get(name)
        {
            return Some(d.clone());
        }
        self.set.templates.get(name).cloned()
    }

    pub fn missing_key(&self) -> MissingKey {
        self.set.missing_key
    }

    /// exec.go errorf: "template: NAME:LINE:COL: executing "NAME" at <CONTEXT>: MSG".
    pub fn error(&self, msg: impl std::fmt::Display) -> Flow {
        Flow::Err(self.make_error(msg))
    }

    pub fn make_error(&self, msg: impl std::fmt::Display) -> Error {
        match &self.node {
            None => Error::new(format!("template: {}: {}", self.name, msg)),
            Some((pos, ctx)) => {
                let text = &self.def.src[..(*pos).min(self.def.src.len())];
                let col = match text.rfind('\n') {
                    None => *pos,
                    Some(i) => pos - (i + 1),
                };
                let line = 1 + text.matches('\n').count();
                Error::new(format!(
                    "template: {}:{}:{}: executing {} at <{}>: {}",
                    self.def.parse_name,
                    line,
                    col,
                    go_quote_name(&self.name),
                    ctx,
                    msg
                ))
            }
        }
    }

    fn at(&mut self, pos: usize, text: &str) {
        self.node = Some((pos, text.to_string()));
    }

    pub fn run(&mut self, out: &mut String) -> Result<(), Error> {
        if self.depth > MAX_DEPTH {
            return Err(Error::new(format!(
                "template: {}: exceeded maximum template depth ({MAX_DEPTH})",
                self.name
            )));
        }
        let def = self.def.clone();
        let dot = self.vars[0].1.clone();
        match self.walk_list(&dot, &def.nodes, out) {
            Ok(()) => Ok(()),
            Err(Flow::Err(e)) => Err(e),
            Err(_) => Err(self.make_error("break or continue outside range")),
        }
    }

    fn walk_list(&mut self, dot: &V, nodes: &[Node], out: &mut String) -> R<()> {
        for n in nodes {
            self.walk(dot, n, out)?;
        }
        Ok(())
    }

    fn walk(&mut self, dot: &V, node: &Node, out: &mut String) -> R<()> {
        match node {
            Node::Text(t) => out.push_str(t),
            Node::Action(pipe) => {
                let v = self.eval_pipeline(dot, pipe)?;
                if pipe.decl.is_empty() {
                    out.push_str(&print_value(&v));
                }
            }
            Node::If(b) => self.walk_if_or_with(dot, b, false, out)?,
            Node::With(b) => self.walk_if_or_with(dot, b, true, out)?,
            Node::Range(b) => self.walk_range(dot, b, out)?,
            Node::Template { pos, name, pipe } => {
                self.at(*pos, &format!("{{{{template {}}}}}", go_quote_name(name)));
                let Some(def) = self.lookup(name) else {
                    return Err(self.error(format!("template {} not defined", go_quote_name(name))));
                };
                let new_dot = match pipe {
                    Some(p) => self.eval_pipeline(dot, p)?,
                    None => V::Missing,
                };
                let mut sub = State::new(self.set, self.overlay.clone(), name, def, new_dot, self.depth + 1);
                sub.run(out)?;
            }
            Node::Break => return Err(Flow::Break),
            Node::Continue => return Err(Flow::Continue),
        }
        Ok(())
    }

    fn walk_if_or_with(&mut self, dot: &V, b: &Branch, is_with: bool, out: &mut String) -> R<()> {
        let mark = self.vars.len();
        let v = self.eval_pipeline(dot, &b.pipe)?;
        let r = if v.truth() {
            if is_with { self.walk_list(&v, &b.list, out) } else { self.walk_list(dot, &b.list, out) }
        } else if let Some(e) = &b.else_list {
            self.walk_list(dot, e, out)
        } else {
            Ok(())
        };
        self.vars.truncate(mark);
        r
    }

    fn walk_range(&mut self, dot: &V, b: &Branch, out: &mut String) -> R<()> {
        let mark = self.vars.len();
        let val = self.eval_pipeline_no_decl(dot, &b.pipe)?;
        let body_mark = self.vars.len();
        // exec.go walkRange: one variable gets the element, two get key/index and element.
        let one = |s: &mut Self, key: V, elem: V, out: &mut String| -> R<bool> {
            match b.pipe.decl.len() {
                0 => {}
                1 => s.set_or_push(&b.pipe, 0, elem.clone(), body_mark)?,
                _ => {
                    s.set_or_push(&b.pipe, 0, key, body_mark)?;
                    s.set_or_push(&b.pipe, 1, elem.clone(), body_mark)?;
                }
            }
            let inner = s.vars.len();
            let r = s.walk_list(&elem, &b.list, out);
            s.vars.truncate(inner);
            match r {
                Ok(()) | Err(Flow::Continue) => Ok(true),
                Err(Flow::Break) => Ok(false),
                Err(e) => Err(e),
            }
        };
        let mut ran = false;
        match &val {
            V::List(items) => {
                for (i, item) in items.iter().enumerate() {
                    ran = true;
                    if !one(self, V::Int(i as i64), item.clone(), out)? {
                        break;
                    }
                }
            }
            V::Map(m) => {
                let entries: Vec<(String, V)> =
                    m.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                for (k, v) in entries {
                    ran = true;
                    if !one(self, V::str(&k), v, out)? {
                        break;
                    }
                }
            }
            V::Int(n) | V::I64(n) => {
                let int64 = matches!(val, V::I64(_));
                if b.pipe.decl.len() > 1 {
                    return Err(self.error(format!("can't use {n} to iterate over more than one variable")));
                }
                for i in 0..*n {
                    ran = true;
                    let v = if int64 { V::I64(i) } else { V::Int(i) };
                    if !one(self, v.clone(), v, out)? {
                        break;
                    }
                }
            }
            V::Missing | V::Nil => {}
            other => {
                return Err(self.error(format!("range can't iterate over {}", print_value(other))));
            }
        }
        self.vars.truncate(mark);
        if !ran && let Some(e) = &b.else_list {
            self.walk_list(dot, e, out)?;
        }
        Ok(())
    }

    fn set_or_push(&mut self, pipe: &Pipe, i: usize, v: V, body_mark: usize) -> R<()> {
        let name = &pipe.decl[i];
        if pipe.is_assign {
            self.set_var(name, v)?;
        } else {
            // Each iteration re-declares the range variables at the same stack slots.
            let slot = body_mark + i;
            if self.vars.len() > slot {
                self.vars[slot] = (name.clone(), v);
                self.vars.truncate(slot + 1);
            } else {
                self.vars.push((name.clone(), v));
            }
        }
        Ok(())
    }

    fn set_var(&mut self, name: &str, v: V) -> R<()> {
        match self.vars.iter_mut().rev().find(|(n, _)| n == name) {
            Some(slot) => {
                slot.1 = v;
                Ok(())
            }
            None => Err(self.error(format!("undefined variable: {name}"))),
        }
    }

    fn var(&self, name: &str) -> R<V> {
        match self.vars.iter().rev().find(|(n, _)| n == name) {
            Some((_, v)) => Ok(v.clone()),
            None => Err(self.error(format!("undefined variable: {name}"))),
        }
    }

    fn eval_pipeline_no_decl(&mut self, dot: &V, pipe: &Pipe) -> R<V> {
        self.eval_cmds(dot, pipe)
    }

    fn eval_cmds(&mut self, dot: &V, pipe: &Pipe) -> R<V> {
        let mut value: Option<V> = None;
        for cmd in &pipe.cmds {
            let v = self.eval_command(dot, cmd, value.take())?;
            value = Some(v.settle());
        }
        Ok(value.unwrap_or(V::Missing))
    }

    pub fn eval_pipeline(&mut self, dot: &V, pipe: &Pipe) -> R<V> {
        let v = self.eval_cmds(dot, pipe)?;
        for name in &pipe.decl {
            if pipe.is_assign {
                self.set_var(name, v.clone())?;
            } else {
                self.vars.push((name.clone(), v.clone()));
            }
        }
        Ok(v)
    }

    fn eval_command(&mut self, dot: &V, cmd: &Cmd, fin: Option<V>) -> R<V> {
        let first = &cmd.args[0];
        match &first.kind {
            ArgKind::Field(fields) => {
                self.at(first.pos, &first.text);
                self.eval_field_chain(dot, dot.clone(), fields, first, &cmd.args, fin)
            }
            ArgKind::Variable(name, fields) => {
                self.at(first.pos, &first.text);
                let v = self.var(name)?;
                if fields.is_empty() {
                    self.not_a_function(cmd, fin.as_ref())?;
                    return Ok(v);
                }
                self.eval_field_chain(dot, v, fields, first, &cmd.args, fin)
            }
            ArgKind::Pipe(pipe, fields) => {
                let mark = self.vars.len();
                let v = self.eval_pipeline(dot, pipe)?;
                self.vars.truncate(mark);
                if fields.is_empty() {
                    self.at(first.pos, &first.text);
                    self.not_a_function(cmd, fin.as_ref())?;
                    return Ok(v);
                }
                self.at(first.pos, &first.text);
                self.eval_field_chain(dot, v, fields, first, &cmd.args, fin)
            }
            ArgKind::Ident(name) => self.eval_function(dot, name, cmd, &cmd.args, fin),
            ArgKind::Nil => {
                self.at(first.pos, &first.text);
                Err(self.error("nil is not a command"))
            }
            _ => {
                self.at(first.pos, &first.text);
                self.not_a_function(cmd, fin.as_ref())?;
                self.eval_arg(dot, first)
            }
        }
    }

    fn not_a_function(&self, cmd: &Cmd, fin: Option<&V>) -> R<()> {
        if cmd.args.len() > 1 || fin.is_some() {
            return Err(self.error(format!("can't give argument to non-function {}", cmd.args[0].text)));
        }
        Ok(())
    }

    fn eval_field_chain(
        &mut self,
        dot: &V,
        mut recv: V,
        fields: &[String],
        node: &Arg,
        args: &[Arg],
        fin: Option<V>,
    ) -> R<V> {
        let n = fields.len();
        for (i, f) in fields.iter().enumerate() {
            if i + 1 < n {
                recv = self.eval_field(dot, f, node, &[], None, recv)?;
            } else {
                return self.eval_field(dot, f, node, args, fin, recv);
            }
        }
        Ok(recv)
    }

    /// exec.go evalField.
    fn eval_field(&mut self, dot: &V, name: &str, node: &Arg, args: &[Arg], fin: Option<V>, recv: V) -> R<V> {
        self.at(node.pos, &node.text);
        let has_args = args.len() > 1 || fin.is_some();
        match recv {
            V::Missing => {
                if self.missing_key() == MissingKey::Error {
                    return Err(self.error(format!("nil data; no entry for key {}", go_quote_name(name))));
                }
                Ok(V::Missing)
            }
            V::Nil => Err(self.error(format!("nil pointer evaluating interface {{}}.{name}"))),
            V::Map(m) => {
                if has_args {
                    return Err(self.error(format!("{name} is not a method but has arguments")));
                }
                let found = m.borrow().get(name).cloned();
                match found {
                    Some(v) => Ok(v),
                    None => {
                        // Proto getters (`.ProxyConfig.GetTracing`) on data handed over as JSON:
                        // Go calls the generated method, which reads the field.
                        if let Some(rest) = name.strip_prefix("Get")
                            && rest.starts_with(|c: char| c.is_ascii_uppercase())
                        {
                            let mut key = rest[..1].to_ascii_lowercase();
                            key.push_str(&rest[1..]);
                            let found = m.borrow().get(&key).cloned();
                            return Ok(match found {
                                Some(v) => v,
                                None if self.set.struct_fields => struct_field(&m.borrow(), rest),
                                None => V::Missing,
                            });
                        }
                        // Struct fields given as JSON: `.ObjectMeta.Annotations` reads
                        // "annotations", `.TypeMeta.APIVersion` reads "apiVersion".
                        if self.set.struct_fields && name.starts_with(|c: char| c.is_ascii_uppercase()) {
                            return Ok(struct_field(&m.borrow(), name));
                        }
                        match self.missing_key() {
                            MissingKey::Invalid => Ok(V::Missing),
                            MissingKey::Zero => Ok(V::Nil),
                            MissingKey::Error => {
                                Err(self.error(format!("map has no entry for key {}", go_quote_name(name))))
                            }
                        }
                    }
                }
            }
            V::Object(o) => {
                if let Some(method) = o.methods.get(name) {
                    let mut vals = Vec::new();
                    for a in args.iter().skip(1) {
                        vals.push(self.eval_arg(dot, a)?);
                    }
                    if let Some(f) = fin {
                        vals.push(f);
                    }
                    self.at(node.pos, &node.text);
                    return method(&vals).map_err(|e| self.error(format!("error calling {name}: {e}")));
                }
                if let Some(v) = o.fields.get(name) {
                    if has_args {
                        return Err(
                            self.error(format!("{name} has arguments but cannot be invoked as function"))
                        );
                    }
                    return Ok(v.clone());
                }
                Err(self.error(format!("can't evaluate field {name} in type {}", o.type_name)))
            }
            // Enums and wrapper messages given as JSON scalars: `.InterceptionMode.String`,
            // `.HoldApplicationUntilProxyStarts.GetValue`.
            V::Str(_) if self.set.struct_fields && name == "String" && !has_args => Ok(recv),
            V::Bool(_) | V::Int(_) | V::I64(_) | V::Float(_) | V::Str(_)
                if self.set.struct_fields && name == "GetValue" && !has_args =>
            {
                Ok(recv)
            }
            // Values reached through maps and lists are interface{} to reflection.
            _ => Err(self.error(format!("can't evaluate field {name} in type interface {{}}"))),
        }
    }

    fn eval_function(&mut self, dot: &V, name: &str, cmd: &Cmd, args: &[Arg], fin: Option<V>) -> R<V> {
        self.at(args[0].pos, name);
        let Some(f) = self.set.funcs.get(name).cloned() else {
            return Err(self.error(format!("function {} not defined", go_quote_name(name))));
        };
        // exec.go evalCall: `and` and `or` evaluate their arguments only as far as needed.
        if let FuncImpl::Builtin(b) = &f
            && (*b == "and" || *b == "or")
        {
            let is_and = *b == "and";
            let rest = &args[1..];
            let total = rest.len() + usize::from(fin.is_some());
            if total == 0 {
                return Err(self.error(format!("wrong number of args for {name}: want at least 1 got 0")));
            }
            let mut last = V::Missing;
            for a in rest {
                let v = self.eval_arg(dot, a)?;
                if v.truth() != is_and {
                    return Ok(v);
                }
                last = v;
            }
            if let Some(v) = fin {
                last = v;
            }
            return Ok(last);
        }
        let mut vals = Vec::with_capacity(args.len());
        match &f {
            FuncImpl::Builtin(b) => {
                // exec.go evalCall: the argument count, then each argument against its parameter.
                let sig = crate::funcs::sig(b);
                let explicit = args.len() - 1;
                let n = explicit + usize::from(fin.is_some());
                self.at(args[0].pos, name);
                match sig.variadic {
                    Some(_) if n < sig.fixed.len() => {
                        return Err(self.error(format!(
                            "wrong number of args for {name}: want at least {} got {explicit}",
                            sig.fixed.len()
                        )));
                    }
                    None if n != sig.fixed.len() => {
                        return Err(self.error(format!(
                            "wrong number of args for {name}: want {} got {n}",
                            sig.fixed.len()
                        )));
                    }
                    _ => {}
                }
                let param = |i: usize| sig.fixed.get(i).copied().or(sig.variadic).unwrap_or(P::Any);
                for (i, a) in args[1..].iter().enumerate() {
                    vals.push(self.eval_typed_arg(dot, a, param(i))?);
                }
                if let Some(v) = fin {
                    let v = crate::funcs::validate_type(v, param(n - 1)).map_err(|m| self.error(m))?;
                    vals.push(v);
                }
            }
            FuncImpl::User(_) => {
                for a in &args[1..] {
                    vals.push(self.eval_arg(dot, a)?);
                }
                if let Some(v) = fin {
                    vals.push(v);
                }
            }
        }
        // exec.go evalCall: a failed call is reported at the command; a successful one leaves
        // the position at the last argument evaluated, where later type checks report.
        let r = crate::funcs::call(self, &f, name, vals);
        if r.is_err() {
            self.at(cmd.pos, &cmd.text);
        }
        match r {
            Ok(v) => Ok(v),
            Err(crate::funcs::CallError::Msg(m)) => Err(self.error(format!("error calling {name}: {m}"))),
            Err(crate::funcs::CallError::Exec(e)) => Err(self.error(format!("error calling {name}: {e}"))),
            Err(crate::funcs::CallError::Bare(m)) => Err(self.error(m)),
        }
    }

    /// exec.go evalArg with a typed parameter: constants are checked by their syntax, computed
    /// values by validateType.
    fn eval_typed_arg(&mut self, dot: &V, a: &Arg, p: P) -> R<V> {
        self.at(a.pos, &a.text);
        let lit = |kind: &str| -> String {
            match p {
                P::Str => format!("expected string; found {}", a.text),
                P::Int => format!("expected integer; found {}", a.text),
                P::Bool => format!("expected bool; found {}", a.text),
                _ => format!("can't handle {} for arg of type {}", a.text, kind),
            }
        };
        match &a.kind {
            ArgKind::Nil => {
                if p.can_be_nil() {
                    Ok(V::Nil)
                } else {
                    Err(self.error(format!("cannot assign nil to {}", p.go_name())))
                }
            }
            ArgKind::Bool(b) => match p {
                P::Any | P::Rv | P::Bool => Ok(V::Bool(*b)),
                _ => Err(self.error(lit(p.go_name()))),
            },
            ArgKind::Str(s) => match p {
                P::Any | P::Rv | P::Str => Ok(V::str(&**s)),
                _ => Err(self.error(lit(p.go_name()))),
            },
            ArgKind::Number(n) => match (p, n) {
                (P::Any | P::Rv, Number::Int(i)) => Ok(V::Int(*i)),
                (P::Any | P::Rv, Number::Float(f)) => Ok(V::Float(*f)),
                (P::Int, Number::Int(i)) => Ok(V::Int(*i)),
                // parse.go newNumber: an integral float literal is also an integer.
                (P::Int, Number::Float(f)) if f.fract() == 0.0 && f.abs() < 9.2e18 => Ok(V::Int(*f as i64)),
                _ => Err(self.error(lit(p.go_name()))),
            },
            _ => {
                // Go reports at the last node the argument's evaluation reached.
                let v = self.eval_arg(dot, a)?;
                crate::funcs::validate_type(v, p).map_err(|m| self.error(m))
            }
        }
    }

    fn eval_arg(&mut self, dot: &V, a: &Arg) -> R<V> {
        self.at(a.pos, &a.text);
        match &a.kind {
            ArgKind::Dot => Ok(dot.clone()),
            ArgKind::Nil => Ok(V::Nil),
            ArgKind::Bool(b) => Ok(V::Bool(*b)),
            ArgKind::Number(Number::Int(i)) => Ok(V::Int(*i)),
            ArgKind::Number(Number::Float(f)) => Ok(V::Float(*f)),
            ArgKind::Number(Number::Imaginary) => Err(self.error("complex numbers are not supported")),
            ArgKind::Str(s) => Ok(V::str(&**s)),
            ArgKind::Field(fields) => self.eval_field_chain(dot, dot.clone(), fields, a, &[], None),
            ArgKind::Variable(name, fields) => {
                let v = self.var(name)?;
                if fields.is_empty() {
                    return Ok(v);
                }
                self.eval_field_chain(dot, v, fields, a, &[], None)
            }
            ArgKind::Pipe(pipe, fields) => {
                let mark = self.vars.len();
                let v = self.eval_pipeline(dot, pipe)?;
                self.vars.truncate(mark);
                if fields.is_empty() {
                    return Ok(v);
                }
                self.at(a.pos, &a.text);
                self.eval_field_chain(dot, v, fields, a, &[], None)
            }
            ArgKind::Ident(name) => {
                let cmd = Cmd { pos: a.pos, text: a.text.clone(), args: Vec::new() };
                self.eval_function(dot, name, &cmd, std::slice::from_ref(a), None)
            }
        }
    }

    /// Runs another template of the set (or of the overlay) into a string: `include`.
    pub fn execute_named(&self, name: &str, dot: V) -> Result<String, Flow> {
        let Some(def) = self.lookup(name) else {
            return Err(Flow::Err(crate::Error::new(format!(
                "template: no template {} associated with template {}",
                go_quote_name(name),
                go_quote_name(&self.def.parse_name)
            ))));
        };
        let mut out = String::new();
        let mut sub = State::new(self.set, self.overlay.clone(), name, def, dot, self.depth + 1);
        sub.run(&mut out)?;
        Ok(out)
    }
}

/// Go's %q of a template name.
pub(crate) fn go_quote_name(s: &str) -> String {
    crate::fmt::go_quote(s)
}

/// A Go struct field read from its JSON form: the key that equals the field name ignoring ASCII
/// case (encoding/json and protojson name fields in lowerCamel case); a field JSON omitted is
/// no value.
fn struct_field(m: &std::collections::BTreeMap<String, V>, name: &str) -> V {
    m.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.clone()).unwrap_or(V::Missing)
}
