// istio-oracle runs Istio 1.30.3's own decoding and validation code on inputs, so that osm's
// refusals can be compared with what istioctl decides. It is built inside a checkout of Istio's
// 1.30.3 tag (see README.md beside it); osm never runs it at test time. It avoids the packages
// that pull in a Kubernetes client, so the steps of ParseAndValidateIstioOperator
// (operator/pkg/apis/validation/validation.go:50-81) it needs are repeated here as written there.
//
//	istio-oracle iop FILE          the spec decode (validation.go:51-56) and validateMeshConfig
//	                               of spec.meshConfig and spec.values.meshConfig (:71, :151-166)
//	istio-oracle mesh FILE         ApplyMeshConfigDefaults + agent.ValidateMeshConfig
//	istio-oracle proxyconfig FILE  kube-inject's proxy.istio.io/config check
//	                               (pkg/kube/inject/validate.go:63-70)
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"

	"sigs.k8s.io/yaml"

	"istio.io/istio/operator/pkg/apis"
	"istio.io/istio/pkg/config/mesh"
	"istio.io/istio/pkg/config/validation/agent"
	"istio.io/istio/pkg/util/protomarshal"
)

// validateMeshConfig as istioctl 1.30.3 runs it (validation.go:250-263), printing what it
// returns and, separately, the errors it computes.
func validateMeshConfig(what, contents string) {
	mc, err := mesh.ApplyMeshConfigDefaults(contents)
	if err != nil {
		fmt.Printf("%s refused: %v\n", what, err)
		return
	}
	warn, verr := agent.ValidateMeshConfig(mc)
	if verr != nil {
		fmt.Printf("%s validate-errors (returned by ValidateMeshConfig): %v\n", what, verr)
	}
	if warn != nil {
		fmt.Printf("%s warnings: %v\n", what, warn)
	}
	fmt.Printf("%s ok\n", what)
}

func main() {
	args := os.Args[1:]
	if len(args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: istio-oracle iop|mesh|proxyconfig FILE")
		os.Exit(2)
	}
	text, err := os.ReadFile(args[1])
	if err != nil {
		panic(err)
	}
	switch args[0] {
	case "iop":
		j, err := yaml.YAMLToJSON(text)
		if err != nil {
			fmt.Printf("yaml: %v\n", err)
			return
		}
		// values.Map round trip: istioctl decodes the merged map's JSON (map keys sorted).
		var m map[string]any
		if err := json.Unmarshal(j, &m); err != nil {
			panic(err)
		}
		j, _ = json.Marshal(m)
		iop := &apis.IstioOperator{}
		dec := json.NewDecoder(bytes.NewBuffer(j))
		dec.DisallowUnknownFields()
		if err := dec.Decode(iop); err != nil {
			fmt.Printf("refused: could not unmarshal: %v\n", err)
			return
		}
		values := &apis.Values{}
		if err := yaml.Unmarshal(iop.Spec.Values, values); err != nil {
			fmt.Printf("refused: could not unmarshal: %v\n", err)
			return
		}
		if values.MeshConfig != nil {
			j, err := protomarshal.ToJSON(values.MeshConfig)
			if err != nil {
				fmt.Printf("refused: values.meshConfig: %v\n", err)
			} else {
				validateMeshConfig("values.meshConfig", j)
			}
		}
		validateMeshConfig("meshConfig", string(iop.Spec.MeshConfig))
		fmt.Println("decoded")
	case "mesh":
		validateMeshConfig("mesh", string(text))
	case "proxyconfig":
		config := mesh.DefaultProxyConfig()
		if err := protomarshal.ApplyYAML(string(text), config); err != nil {
			fmt.Printf("refused: failed to convert to apply proxy config: %v\n", err)
			return
		}
		if v := agent.ValidateMeshConfigProxyConfig(config); v.Err != nil {
			fmt.Printf("refused: %v\n", v.Err)
			return
		}
		fmt.Println("ok")
	}
}
