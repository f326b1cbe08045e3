// istio-k8s-schema writes the table osm checks `components.*.k8s` against
// (src/model/istio/k8s_schema.json): every field of the Kubernetes types that Istio 1.30.3's
// KubernetesResources holds (operator/pkg/apis/types.go:147-188), read from k8s.io/api at the
// version Istio 1.30.3's go.mod pins. Fields are listed as encoding/json sees them: the JSON name
// from the tag, embedded structs (`json:",inline"`) flattened into their parent, `json:"-"` left
// out, and types with their own UnmarshalJSON marked `custom:`, since encoding/json hands those
// the raw value.
//
//	cd tools/istio-k8s-schema && go run . > ../../src/model/istio/k8s_schema.json
package main

import (
	"encoding"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	autoscaling "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	policy "k8s.io/api/policy/v1"
)

var (
	jsonUnmarshaler = reflect.TypeOf((*json.Unmarshaler)(nil)).Elem()
	textUnmarshaler = reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem()
)

type field struct {
	Name string `json:"name"`
	Type string `json:"type"`
}

var types = map[string][]field{}

func typeName(t reflect.Type) string {
	return strings.TrimPrefix(t.PkgPath(), "k8s.io/") + "." + t.Name()
}

// describe returns the type expression of t and records the structs it reaches.
func describe(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(jsonUnmarshaler) {
		return "custom:" + typeName(t)
	}
	if reflect.PointerTo(t).Implements(textUnmarshaler) {
		return "text:" + typeName(t)
	}
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "bool"
	case reflect.Int, reflect.Int64:
		return "int64"
	case reflect.Int32:
		return "int32"
	case reflect.Int16:
		return "int16"
	case reflect.Int8:
		return "int8"
	case reflect.Uint, reflect.Uint64:
		return "uint64"
	case reflect.Uint32:
		return "uint32"
	case reflect.Uint16:
		return "uint16"
	case reflect.Uint8:
		return "uint8"
	case reflect.Float32, reflect.Float64:
		return "float"
	case reflect.Interface:
		return "any"
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return "bytes"
		}
		return "[]" + describe(t.Elem())
	case reflect.Map:
		if t.Key().Kind() != reflect.String {
			panic("map key " + t.String())
		}
		return "map[string]" + describe(t.Elem())
	case reflect.Struct:
		name := typeName(t)
		if _, seen := types[name]; !seen {
			types[name] = nil
			types[name] = fields(t)
		}
		return "struct:" + name
	}
	panic("unhandled kind " + t.String())
}

func fields(t reflect.Type) []field {
	var out []field
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" {
			inner := f.Type
			for inner.Kind() == reflect.Pointer {
				inner = inner.Elem()
			}
			if inner.Kind() == reflect.Struct {
				out = append(out, fields(inner)...)
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out = append(out, field{Name: name, Type: describe(f.Type)})
	}
	return out
}

func main() {
	// The fields of KubernetesResources whose types come from k8s.io/api (types.go:147-188).
	roots := []struct {
		name string
		typ  reflect.Type
	}{
		{"affinity", reflect.TypeOf(corev1.Affinity{})},
		{"env", reflect.TypeOf([]*corev1.EnvVar{})},
		{"hpaSpec", reflect.TypeOf(autoscaling.HorizontalPodAutoscalerSpec{})},
		{"podDisruptionBudget", reflect.TypeOf(policy.PodDisruptionBudgetSpec{})},
		{"readinessProbe", reflect.TypeOf(corev1.Probe{})},
		{"resources", reflect.TypeOf(corev1.ResourceRequirements{})},
		{"service", reflect.TypeOf(corev1.ServiceSpec{})},
		{"strategy", reflect.TypeOf(appsv1.DeploymentStrategy{})},
		{"tolerations", reflect.TypeOf([]*corev1.Toleration{})},
		{"securityContext", reflect.TypeOf(corev1.PodSecurityContext{})},
		{"volumes", reflect.TypeOf([]*corev1.Volume{})},
		{"volumeMounts", reflect.TypeOf([]*corev1.VolumeMount{})},
	}
	rootOut := map[string]string{}
	for _, r := range roots {
		rootOut[r.name] = describe(r.typ)
	}
	names := make([]string, 0, len(types))
	for n := range types {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("{\n  \"source\": \"k8s.io/api v0.35.3, k8s.io/apimachinery v0.35.3 (Istio 1.30.3 go.mod:101-103), written by tools/istio-k8s-schema\",\n")
	rj, _ := json.Marshal(rootOut)
	fmt.Fprintf(&b, "  \"roots\": %s,\n  \"types\": {\n", rj)
	for i, n := range names {
		fj, _ := json.Marshal(types[n])
		sep := ","
		if i == len(names)-1 {
			sep = ""
		}
		fmt.Fprintf(&b, "    %q: %s%s\n", n, fj, sep)
	}
	b.WriteString("  }\n}\n")
	os.Stdout.WriteString(b.String())
}
