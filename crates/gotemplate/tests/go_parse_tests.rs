//! The parse cases of Go's own tests: `parseTests` in text/template/parse/parse_test.go (Go 1.26,
//! /usr/local/go/src), each input with whether Go parses it. The two cases that exceed the
//! expression depth Go's test lowers to 3 (`maxStackDepth = 3` in its init) are left out. Go's test
//! parses with only `printf` and `contains` defined; this crate's set has Sprig too, which the
//! inputs do not name.

use gotemplate::Templates;

const PARSE_TESTS: &[(&str, &str, bool)] = &[
    (r#"empty"#, r#""#, true),
    (
        r#"comment"#,
        r#"{{/*


*/}}"#,
        true,
    ),
    (
        r#"spaces"#,
        r#" 	
"#,
        true,
    ),
    (r#"text"#, r#"some text"#, true),
    (r#"emptyAction"#, r#"{{}}"#, false),
    (r#"field"#, r#"{{.X}}"#, true),
    (r#"simple command"#, r#"{{printf}}"#, true),
    (r#"$ invocation"#, r#"{{$}}"#, true),
    (r#"variable invocation"#, r#"{{with $x := 3}}{{$x 23}}{{end}}"#, true),
    (r#"variable with fields"#, r#"{{$.I}}"#, true),
    (r#"multi-word command"#, r#"{{printf `%d` 23}}"#, true),
    (r#"pipeline"#, r#"{{.X|.Y}}"#, true),
    (r#"pipeline with decl"#, r#"{{$x := .X|.Y}}"#, true),
    (r#"nested pipeline"#, r#"{{.X (.Y .Z) (.A | .B .C) (.E)}}"#, true),
    (r#"field applied to parentheses"#, r#"{{(.Y .Z).Field}}"#, true),
    (r#"simple if"#, r#"{{if .X}}hello{{end}}"#, true),
    (r#"if with else"#, r#"{{if .X}}true{{else}}false{{end}}"#, true),
    (r#"if with else if"#, r#"{{if .X}}true{{else if .Y}}false{{end}}"#, true),
    (r#"if else chain"#, r#"+{{if .X}}X{{else if .Y}}Y{{else if .Z}}Z{{end}}+"#, true),
    (r#"simple range"#, r#"{{range .X}}hello{{end}}"#, true),
    (r#"chained field range"#, r#"{{range .X.Y.Z}}hello{{end}}"#, true),
    (r#"nested range"#, r#"{{range .X}}hello{{range .Y}}goodbye{{end}}{{end}}"#, true),
    (r#"range with else"#, r#"{{range .X}}true{{else}}false{{end}}"#, true),
    (r#"range over pipeline"#, r#"{{range .X|.M}}true{{else}}false{{end}}"#, true),
    (r#"range []int"#, r#"{{range .SI}}{{.}}{{end}}"#, true),
    (r#"range 1 var"#, r#"{{range $x := .SI}}{{.}}{{end}}"#, true),
    (r#"range 2 vars"#, r#"{{range $x, $y := .SI}}{{.}}{{end}}"#, true),
    (r#"range with break"#, r#"{{range .SI}}{{.}}{{break}}{{end}}"#, true),
    (r#"range with continue"#, r#"{{range .SI}}{{.}}{{continue}}{{end}}"#, true),
    (r#"constants"#, r#"{{range .SI 1 -3.2i true false 'a' nil}}{{end}}"#, true),
    (r#"template"#, r#"{{template `x`}}"#, true),
    (r#"template with arg"#, r#"{{template `x` .Y}}"#, true),
    (r#"with"#, r#"{{with .X}}hello{{end}}"#, true),
    (r#"with with else"#, r#"{{with .X}}hello{{else}}goodbye{{end}}"#, true),
    (r#"with with else with"#, r#"{{with .X}}hello{{else with .Y}}goodbye{{end}}"#, true),
    (r#"with else chain"#, r#"{{with .X}}X{{else with .Y}}Y{{else with .Z}}Z{{end}}"#, true),
    (
        r#"trim left"#,
        r#"x 
	{{- 3}}"#,
        true,
    ),
    (
        r#"trim right"#,
        r#"{{3 -}}

	y"#,
        true,
    ),
    (
        r#"trim left and right"#,
        r#"x 
	{{- 3 -}}

	y"#,
        true,
    ),
    (
        r#"trim with extra spaces"#,
        r#"x
{{-  3   -}}
y"#,
        true,
    ),
    (
        r#"comment trim left"#,
        r#"x 
	{{- /* hi */}}"#,
        true,
    ),
    (
        r#"comment trim right"#,
        r#"{{/* hi */ -}}

	y"#,
        true,
    ),
    (
        r#"comment trim left and right"#,
        r#"x 
	{{- /* */ -}}

	y"#,
        true,
    ),
    (r#"block definition"#, r#"{{block "foo" .}}hello{{end}}"#, true),
    (
        r#"newline in assignment"#,
        r#"{{ $x 
 := 
 1 
 }}"#,
        true,
    ),
    (
        r#"newline in empty action"#,
        r#"{{
}}"#,
        false,
    ),
    (
        r#"newline in pipeline"#,
        r#"{{
"x"
|
printf
}}"#,
        true,
    ),
    (
        r#"newline in comment"#,
        r#"{{/*
hello
*/}}"#,
        true,
    ),
    (
        r#"newline in comment"#,
        r#"{{-
/*
hello
*/
-}}"#,
        true,
    ),
    (r#"spaces around continue"#, r#"{{range .SI}}{{.}}{{ continue }}{{end}}"#, true),
    (r#"spaces around break"#, r#"{{range .SI}}{{.}}{{ break }}{{end}}"#, true),
    (r#"unclosed action"#, r#"hello{{range"#, false),
    (r#"unmatched end"#, r#"{{end}}"#, false),
    (r#"unmatched else"#, r#"{{else}}"#, false),
    (r#"unmatched else after if"#, r#"{{if .X}}hello{{end}}{{else}}"#, false),
    (r#"multiple else"#, r#"{{if .X}}1{{else}}2{{else}}3{{end}}"#, false),
    (r#"missing end"#, r#"hello{{range .x}}"#, false),
    (r#"missing end after else"#, r#"hello{{range .x}}{{else}}"#, false),
    (r#"undefined function"#, r#"hello{{undefined}}"#, false),
    (r#"undefined variable"#, r#"{{$x}}"#, false),
    (r#"variable undefined after end"#, r#"{{with $x := 4}}{{end}}{{$x}}"#, false),
    (r#"variable undefined in template"#, r#"{{template $v}}"#, false),
    (r#"declare with field"#, r#"{{with $x.Y := 4}}{{end}}"#, false),
    (r#"template with field ref"#, r#"{{template .X}}"#, false),
    (r#"template with var"#, r#"{{template $v}}"#, false),
    (r#"invalid punctuation"#, r#"{{printf 3, 4}}"#, false),
    (r#"multidecl outside range"#, r#"{{with $v, $u := 3}}{{end}}"#, false),
    (r#"too many decls in range"#, r#"{{range $u, $v, $w := 3}}{{end}}"#, false),
    (r#"dot applied to parentheses"#, r#"{{printf (printf .).}}"#, false),
    (r#"adjacent args"#, r#"{{printf 3`x`}}"#, false),
    (r#"adjacent args with ."#, r#"{{printf `x`.}}"#, false),
    (r#"extra end after if"#, r#"{{if .X}}a{{else if .Y}}b{{end}}{{end}}"#, false),
    (r#"break outside range"#, r#"{{range .}}{{end}} {{break}}"#, false),
    (r#"continue outside range"#, r#"{{range .}}{{end}} {{continue}}"#, false),
    (r#"break in range else"#, r#"{{range .}}{{else}}{{break}}{{end}}"#, false),
    (r#"continue in range else"#, r#"{{range .}}{{else}}{{continue}}{{end}}"#, false),
    (r#"bug0a"#, r#"{{$x := 0}}{{$x}}"#, true),
    (r#"bug0b"#, r#"{{$x += 1}}{{$x}}"#, false),
    (r#"bug0c"#, r#"{{$x ! 2}}{{$x}}"#, false),
    (r#"bug0d"#, r#"{{$x % 3}}{{$x}}"#, false),
    (r#"bug0e"#, r#"{{range $x := $y := 3}}{{end}}"#, false),
    (r#"bug1a"#, r#"{{$x:=.}}{{$x!2}}"#, false),
    (r#"bug1b"#, r#"{{$x:=.}}{{$x+2}}"#, false),
    (r#"bug1c"#, r#"{{$x:=.}}{{$x +2}}"#, true),
    (r#"bug2a"#, r#"{{range $x := 0}}{{$x}}{{end}}"#, true),
    (r#"bug2b"#, r#"{{range $x = 0}}{{$x}}{{end}}"#, true),
    (r#"dot after integer"#, r#"{{1.E}}"#, false),
    (r#"dot after float"#, r#"{{0.1.E}}"#, false),
    (r#"dot after boolean"#, r#"{{true.E}}"#, false),
    (r#"dot after char"#, r#"{{'a'.any}}"#, false),
    (r#"dot after string"#, r#"{{"hello".guys}}"#, false),
    (r#"dot after dot"#, r#"{{..E}}"#, false),
    (r#"dot after nil"#, r#"{{nil.E}}"#, false),
    (r#"wrong pipeline dot"#, r#"{{12|.}}"#, false),
    (r#"wrong pipeline number"#, r#"{{.|12|printf}}"#, false),
    (r#"wrong pipeline string"#, r#"{{.|printf|"error"}}"#, false),
    (r#"wrong pipeline char"#, r#"{{12|printf|'e'}}"#, false),
    (r#"wrong pipeline boolean"#, r#"{{.|true}}"#, false),
    (r#"wrong pipeline nil"#, r#"{{'c'|nil}}"#, false),
    (r#"empty pipeline"#, r#"{{printf "%d" ( ) }}"#, false),
    (r#"block definition"#, r#"{{block "foo"}}hello{{end}}"#, false),
    (r#"paren nesting normal"#, r#"{{ (( 1 )) }}"#, true),
    (r#"paren nesting at limit"#, r#"{{ ((( 1 ))) }}"#, true),
    (r#"paren nesting in pipeline"#, r#"{{ ((( 1 ))) | printf }}"#, true),
    (r#"paren nesting with other constructs"#, r#"{{ if ((( true ))) }}YES{{ end }}"#, true),
];

#[test]
fn parse_tests_from_go() {
    let mut wrong = Vec::new();
    for (name, input, ok) in PARSE_TESTS {
        let got = Templates::new().parse(name, input);
        if got.is_ok() != *ok {
            wrong.push(format!(
                "{name:?} {input:?}: Go {}, ours {:?}",
                if *ok { "parses" } else { "fails" },
                got
            ));
        }
    }
    assert!(wrong.is_empty(), "{} of {} differ:\n{}", wrong.len(), PARSE_TESTS.len(), wrong.join("\n"));
}
